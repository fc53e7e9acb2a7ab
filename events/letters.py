"""The letter confirming a participant's invitation and travel support, as a
PDF for a visa application or an internal travel authorisation."""

import zoneinfo
from io import BytesIO
from pathlib import Path

import reportlab
from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from events import wording
from events.selectors import participation

# Bitstream Vera ships with reportlab and covers accented Latin names, which
# the PDF core fonts (Latin-1 only, no embedding) do not reliably render.
FONTS = {"Vera": "Vera.ttf", "Vera-Bold": "VeraBd.ttf"}
FONT_FOLDER = Path(reportlab.__file__).parent / "fonts"


def escape(text):
    """Text for reportlab's paragraph markup, where &, < and > are special."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _register_fonts():
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, filename in FONTS.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_FOLDER / filename)))


def _styles():
    body = ParagraphStyle("body", fontName="Vera", fontSize=11, leading=16, spaceAfter=8)
    title = ParagraphStyle("title", parent=body, fontName="Vera-Bold", fontSize=16, leading=22, spaceAfter=16)
    return body, title


def _local_date(moment, zone):
    return formats.date_format(moment.astimezone(zoneinfo.ZoneInfo(zone)), "DATE_FORMAT")


def letter_paragraphs(support):
    """The letter's text, in the current language (plain strings, not yet escaped)."""
    session, person = support.session, support.participant
    row = participation(person=person, lab=support.lab)
    position = (row.position if row else "") or person.position
    who = f"{person.get_full_name()}, {position}" if position else person.get_full_name()
    values = {
        "who": who,
        "member": support.member.name,
        "lab": support.lab.title,
        "session": session.title,
        "place": session.place,
        "start": _local_date(session.starts_at, session.time_zone),
        "end": _local_date(session.ends_at, session.time_zone),
        "items": wording.describe_items(support),
    }
    paragraphs = [
        formats.date_format(timezone.localdate(), "DATE_FORMAT"),
        _("To whom it may concern,"),
        _(
            "Metropolis, the World Association of the Major Metropolises, confirms that %(who)s, of %(member)s, "
            "is invited to take part in the Solutions Lab “%(lab)s”, and in its onsite session “%(session)s” in "
            "%(place)s, from %(start)s to %(end)s."
        )
        % values,
        _("Metropolis covers the following for this participant: %(items)s.") % values,
    ]
    if support.arrival_date and support.departure_date:
        paragraphs.append(
            _("Expected stay: arrival on %(arrival)s, departure on %(departure)s.")
            % {
                "arrival": formats.date_format(support.arrival_date, "DATE_FORMAT"),
                "departure": formats.date_format(support.departure_date, "DATE_FORMAT"),
            }
        )
    paragraphs += [
        _("This letter is issued to support the participant's visa application or travel authorisation."),
        _("For any question, please write to %(email)s.") % {"email": settings.SECRETARIAT_EMAIL},
        _("The Solutions Labs team, Metropolis Secretariat"),
    ]
    return paragraphs


def invitation_letter(support):
    """The PDF as bytes."""
    _register_fonts()
    body, title = _styles()
    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2.5 * cm,
        rightMargin=2.5 * cm,
        topMargin=2.5 * cm,
        bottomMargin=2.5 * cm,
        title=_("Letter of invitation"),
        author="Metropolis",
    )
    flowables = [Paragraph(escape(_("Letter of invitation")), title)]
    for text in letter_paragraphs(support):
        flowables += [Paragraph(escape(text), body), Spacer(1, 2)]
    document.build(flowables)
    return buffer.getvalue()
