"""What the property-based tests of hostile input share (issue 10.5): the
hostile values (NUL bytes, very long strings, right-to-left text, markup and
script, header injections) and the checks that a page or an email is safe."""

import datetime
import re
from email.utils import getaddresses

from django.core import mail
from django.core.cache import cache
from django.template.defaultfilters import linebreaks, linebreaksbr
from django.utils.html import escape
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
PIECES = [
    "\x00",
    "\u202e",  # right-to-left override
    "\u200f",  # right-to-left mark
    "مدينة الرباط",
    "עיר",
    SCRIPT,
    IMAGE,
    "{{ request }}{% debug %}",
    "'; DROP TABLE members_user; --",
    "\r\nBcc: evil@example.org",
    "\x1b[31m\x07",  # a terminal escape and a bell: control characters, pasted
    "\x0b\x0c",  # vertical tab and form feed, from a word processor
    "😀",
    "%00",
]
hostile_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), min_size=1, max_size=6).map("".join)
very_long_text = st.integers(min_value=201, max_value=12_000).map(
    lambda n: ("é" + SCRIPT + "\u202e" * 3) * (n // 20 + 1)
)
hostile = st.one_of(hostile_text, very_long_text)
# Hostile but within what forms accept (no NUL byte, not too long, not blank):
# what is stored, then shown.
storable = hostile_text.map(lambda text: text.replace("\x00", "")[:150]).map(
    lambda text: text if text.strip() else "·" + text
)


def typed(*names):
    """What is typed in the fields `names`: all of it storable, or all of it
    hostile (refused as soon as one value is), so that both roads are taken."""
    return st.one_of(
        st.fixed_dictionaries(dict.fromkeys(names, storable)),
        st.fixed_dictionaries(dict.fromkeys(names, hostile)),
    )


a_date = st.one_of(
    st.dates(min_value=datetime.date(1, 1, 1)).map(str),
    hostile,
    st.sampled_from(["", "2030-02-30", "99999-01-01", "0000-00-00", "2030-01-01\x00"]),
)
a_future_date = st.dates(min_value=datetime.date(2031, 1, 1), max_value=datetime.date(2100, 1, 1)).map(str)


def mostly(usual, *others):
    """`usual` three times out of four: the other fields' hostile values are then what is checked."""
    return st.integers(0, 3).flatmap(lambda draw: st.one_of(*others) if draw == 0 else usual)


an_email = mostly(st.emails().filter(lambda email: len(email) < 200), hostile)

EXAMPLES = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
FIELD_REFUSALS = (
    "Null characters are not allowed.",
    "Ensure this value has at most",
    "Enter a valid email address.",
    "This field is required.",
)


def fresh_example(client=None):
    """Each generated example starts with no rate limit used, no mail, and signed out."""
    cache.clear()
    mail.outbox = []
    if client is not None:
        client.logout()


def assert_safe(response):
    content = response.content.decode()
    assert response.status_code < 500
    assert SCRIPT not in content
    assert IMAGE not in content


MAIL_HEADERS = {
    "Auto-Submitted",  # set by the outbox on every message
    "Content-Type",
    "Content-Transfer-Encoding",
    "MIME-Version",
    "Subject",
    "From",
    "To",
    "Date",
    "Message-ID",
}


def assert_mail_headers_clean():
    """No header was added by input, no value holds a line break (but for RFC 5322
    folding: a line break followed by a space), nobody unexpected receives it."""
    for message in mail.outbox:
        headers = dict(message.message().items())
        assert set(headers) <= MAIL_HEADERS, headers
        for value in headers.values():
            unfolded = re.sub(r"\r?\n[ \t]", " ", value)
            assert "\n" not in unfolded and "\r" not in unfolded, value
        addresses = [address for _name, address in getaddresses(message.recipients())]
        assert "evil@example.org" not in addresses


def assert_mail_safe():
    """Every message sent: clean headers, and no markup of the input in its HTML part."""
    assert_mail_headers_clean()
    for message in mail.outbox:
        for html, mimetype in message.alternatives:
            assert mimetype == "text/html"
            assert SCRIPT not in html
            assert IMAGE not in html


def assert_refused_with_a_message(response, *refusals):
    """A page shown again (200) that says, at a field, why it refused: one of
    the usual refusals or one of `refusals`."""
    content = response.content.decode()
    assert response.status_code == 200
    assert any(refusal in content for refusal in (*FIELD_REFUSALS, *refusals)), content[-3000:]


def assert_shown(content, *values):
    """Each value is in the page, escaped: as it is, or with its line breaks
    made into <br> or paragraphs (linebreaksbr, linebreaks)."""
    for value in values:
        forms = {escape(value), linebreaksbr(value, autoescape=True), linebreaks(value, autoescape=True)}
        assert any(form in content for form in forms), value[:200]


def assert_kept(response, *values):
    """What was typed comes back, escaped, in the form shown again (but for
    blank values: crispy-forms squeezes whitespace alone between two tags)."""
    content = response.content.decode()
    for value in filter(str.strip, values):
        assert escape(value) in content, value[:200]
