"""The pipeline as a spreadsheet: the filtered list, one row per interest, in
the reader's language (with a first column naming the lab when the rows come
from several labs). Rows are read in chunks and written as they come (CSV
streamed; XLSX through openpyxl's write-only workbook into a temporary file),
so memory stays bounded whatever the number of rows. The conversation log is
never exported."""

import csv
import tempfile
from functools import lru_cache

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_countries.fields import Country
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from applications.selection.pipeline import languages_of, people_of
from labs.enums import LanguageCode

CHUNK = 500
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def header(*, with_lab=False):
    return ([_("Lab")] if with_lab else []) + [
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


def row_of(interest, *, with_lab=False):
    invitation = getattr(interest, "invitation", None)
    member = interest.member
    return ([interest.lab.code] if with_lab else []) + [
        member.name,
        _country_name(member.country.code, get_language()),
        _display(member, "region"),
        _display(member, "income_group"),
        _display(member, "status"),
        _display(interest, "state"),
        ", ".join(str(LanguageCode(code).label) for code in languages_of(interest)),
        ", ".join(str(person) for person in people_of(interest)),
        _yes_no(interest.asks_travel_support),
        "" if interest.intends_to_attend_onsite is None else _yes_no(interest.intends_to_attend_onsite),
        _moment(interest.submitted_at),
        _moment(invitation.respond_by if invitation else None),
        _moment(invitation.answered_at if invitation else None),
        _moment(interest.updated_at),
    ]


# Each row's names and labels are worked out once per export language: a
# country's name and a choice's label cost a look through their whole list.


@lru_cache(maxsize=1024)
def _country_name(code, language):
    return str(Country(code).name)


def _display(instance, field_name):
    """What get_FOO_display() gives, once per model, field, value and language."""
    return _choice_label(type(instance), field_name, getattr(instance, field_name), get_language())


@lru_cache(maxsize=1024)
def _choice_label(model, field_name, value, language):
    return str(dict(model._meta.get_field(field_name).flatchoices).get(value, value))


def rows(interests, *, with_lab=False):
    """The header, then one row per interest, read CHUNK at a time."""
    yield header(with_lab=with_lab)
    for interest in interests.iterator(chunk_size=CHUNK):
        yield [_inert(value) for value in row_of(interest, with_lab=with_lab)]
        _release(interest)


def _release(interest):
    """Lets go of the rows read with the interest. Its participants and
    invitation point back at it, so without this each chunk would stay in
    memory until the next garbage collection, and memory would grow with the
    number of rows between collections."""
    interest._state.fields_cache.clear()
    getattr(interest, "_prefetched_objects_cache", {}).clear()


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


def xlsx_file(interests, *, title, with_lab=False):
    """A temporary file holding the workbook, positioned at its start."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for row in rows(interests, with_lab=with_lab):
        sheet.append(row)
    file = tempfile.TemporaryFile()  # noqa: SIM115  (closed by the response that streams it)
    workbook.save(file)
    file.seek(0)
    return file


def _yes_no(value):
    return _("Yes") if value else _("No")


def _moment(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""
