"""A lab's travel support as an XLSX workbook for the Secretariat."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

# A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """Text a spreadsheet would run as a formula is prefixed with an apostrophe;
    control characters a worksheet cannot hold (typed or pasted: an escape, a
    vertical tab) are left out."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def support_columns():
    return [
        (_("Participant"), lambda support: support.participant.get_full_name()),
        (_("Email"), lambda support: support.participant.email),
        (_("Member"), lambda support: support.member.name),
        (_("Income group"), lambda support: support.member.get_income_group_display()),
        (_("Session"), lambda support: support.session.title),
        (_("Status"), lambda support: support.get_status_display()),
        (_("Airfare"), lambda support: _yes_no(support.airfare)),
        (_("Nights"), lambda support: support.accommodation_nights),
        (_("Local transport"), lambda support: _yes_no(support.local_transport)),
        (_("Meals"), lambda support: _yes_no(support.meals)),
        (_("Event pass"), lambda support: _yes_no(support.event_pass)),
        (_("Arrival"), lambda support: support.arrival_date),
        (_("Departure"), lambda support: support.departure_date),
        (_("City of departure"), lambda support: support.departure_city),
        (_("Dietary needs"), lambda support: support.dietary_needs),
        (_("Access needs"), lambda support: support.access_needs),
        (_("Offered on"), lambda support: support.offered_at.date()),
    ]


def _yes_no(flag):
    return _("yes") if flag else _("no")


def support_workbook(*, lab, supports):
    """The workbook's bytes: one row per support (all statuses)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = lab.code
    columns = support_columns()
    sheet.append([str(title) for title, _value in columns])
    for support in supports:
        sheet.append([cell(value(support)) for _title, value in columns])
    sheet.freeze_panes = "A2"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
