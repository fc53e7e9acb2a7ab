"""The pipeline as a spreadsheet: the filtered list, one row per interest, in
the reader's language. Rows are read in chunks and written as they come (CSV
streamed; XLSX through openpyxl's write-only workbook into a temporary file),
so memory stays bounded whatever the number of rows. The conversation log is
never exported."""

import csv
import tempfile

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from applications.selection.pipeline import languages_of, people_of
from labs.enums import LanguageCode

CHUNK = 500
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def header():
    return [
        _("Member"),
        _("Country"),
        _("World region"),
        _("Income group"),
        _("Membership status"),
        _("State"),
        _("Working languages"),
        _("Named participants"),
        _("Travel support asked"),
        _("Intends to attend onsite"),
        _("Submitted"),
        _("Answer due by"),
        _("Answered"),
        _("Last change"),
    ]


def row_of(interest):
    invitation = getattr(interest, "invitation", None)
    return [
        interest.member.name,
        interest.member.country.name,
        interest.member.get_region_display(),
        interest.member.get_income_group_display(),
        interest.member.get_status_display(),
        interest.get_state_display(),
        ", ".join(str(LanguageCode(code).label) for code in languages_of(interest)),
        ", ".join(str(person) for person in people_of(interest)),
        _yes_no(interest.asks_travel_support),
        "" if interest.intends_to_attend_onsite is None else _yes_no(interest.intends_to_attend_onsite),
        _moment(interest.submitted_at),
        _moment(invitation.respond_by if invitation else None),
        _moment(invitation.answered_at if invitation else None),
        _moment(interest.updated_at),
    ]


def rows(interests):
    """The header, then one row per interest, read CHUNK at a time."""
    yield header()
    for interest in interests.iterator(chunk_size=CHUNK):
        yield [_inert(value) for value in row_of(interest)]


def _inert(value):
    """Text a spreadsheet would run as a formula is prefixed with an apostrophe;
    control characters a worksheet cannot hold (pasted into a name: an escape,
    a vertical tab) are left out."""
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return f"'{value}" if value[:1] in FORMULA_STARTS else value


class _Echo:
    def write(self, value):
        return value


def csv_lines(interests):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so that spreadsheet programs read UTF-8
    for row in rows(interests):
        yield writer.writerow(row)


def xlsx_file(interests, *, title):
    """A temporary file holding the workbook, positioned at its start."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for row in rows(interests):
        sheet.append(row)
    file = tempfile.TemporaryFile()  # noqa: SIM115  (closed by the response that streams it)
    workbook.save(file)
    file.seek(0)
    return file


def _yes_no(value):
    return _("Yes") if value else _("No")


def _moment(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""
