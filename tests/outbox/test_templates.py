"""Every occasion has a subject, a text and an HTML template, and each renders
in English, French and Spanish with no string left untranslated."""

import datetime
import re

import pytest
from django.template.loader import get_template
from django.utils.html import strip_tags
from django.utils.translation.trans_real import DjangoTranslation

from members.models import Member, User
from members.outbox.enums import Occasion
from members.outbox.rendering import message_context, render_occasion

FULL_CONTEXT = {
    "deadline": datetime.datetime(2025, 6, 30, 16, 0, tzinfo=datetime.UTC),
    "starts_at": datetime.datetime(2025, 3, 10, 14, 0, tzinfo=datetime.UTC),
    "state": "Invited",
    "note": "See the programme",
    "link": "/labs/sl9/",
}
PROPER_NOUNS = ["Solutions Labs"]


@pytest.fixture
def gettext_calls(monkeypatch):
    """(language, msgid, found in that language's catalogue) for every string translated."""
    calls = []
    real_gettext = DjangoTranslation.gettext

    def recording_gettext(self, message):
        calls.append((self.language(), message, message in self._catalog))
        return real_gettext(self, message)

    monkeypatch.setattr(DjangoTranslation, "gettext", recording_gettext)
    return calls


def render(occasion, language, extra):
    recipient = User(email="ana@example.org", name="Ana Pérez", preferred_language=language, time_zone="Asia/Tokyo")
    about = Member(pk=9, name="SL9")
    values = message_context(about=about, recipient=recipient, member=Member(name="Quito"), context=extra)
    return render_occasion(occasion=occasion, recipient=recipient, values=values), values


def english_lines_left(english, translated, values):
    """Lines identical in both languages that still hold words once the
    context's own values (names, titles, links) are taken out."""
    leftovers = []
    for line in set(english.splitlines()) & set(translated.splitlines()):
        for value in [*map(str, values.values()), *PROPER_NOUNS]:
            line = line.replace(value, "")
        if re.search(r"[A-Za-z]{2,}", line):
            leftovers.append(line.strip())
    return leftovers


def test_every_occasion_has_its_three_templates():
    for occasion in Occasion.values:
        for name in ("subject.txt", "body.txt", "body.html"):
            assert get_template(f"outbox/{occasion}/{name}")


@pytest.mark.parametrize("extra", [FULL_CONTEXT, {}], ids=["full-context", "least-context"])
@pytest.mark.parametrize("language", ["fr", "es"])
@pytest.mark.parametrize("occasion", Occasion.values)
def test_every_occasion_renders_translated(occasion, language, extra, gettext_calls):
    english, _values = render(occasion, "en", extra)
    gettext_calls.clear()

    translated, values = render(occasion, language, extra)

    used = [(msgid, found) for lang, msgid, found in gettext_calls if lang == language]
    assert len(used) >= 8  # the base layout alone asks for several strings
    assert [msgid for msgid, found in used if not found] == []
    assert translated.language == language
    assert translated.subject != english.subject
    assert english_lines_left(english.text_body, translated.text_body, values) == []
    assert english_lines_left(strip_tags(english.html_body), strip_tags(translated.html_body), values) == []
    assert f'<html lang="{language}">' in translated.html_body
    assert "http://" in translated.text_body or "https://" in translated.text_body


@pytest.mark.parametrize("occasion", Occasion.values)
def test_every_occasion_renders_in_english_with_its_link(settings, occasion):
    settings.SITE_URL = "https://labs.example.org"

    rendered, _values = render(occasion, "en", FULL_CONTEXT)

    assert rendered.language == "en"
    assert "\n" not in rendered.subject
    assert rendered.text_body.startswith("Dear Ana Pérez,\n")
    assert "Open in the portal: https://labs.example.org/labs/sl9/\n" in rendered.text_body
    assert '<a href="https://labs.example.org/labs/sl9/">Open in the portal</a>' in rendered.html_body
