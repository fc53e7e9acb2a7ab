"""Import of the member list from a CSV or XLSX file.

Two steps: `read_member_file` turns the upload into numbered rows of raw text
(kept in the session between the preview and the confirmation), and
`check_member_rows` checks every row and says what saving would do. Nothing is
saved unless every row is valid; `apply_member_import` checks again and saves
all rows in one transaction. Members are matched on their exact name, so
importing the same file again changes nothing. An empty cell, or a column left
out, keeps the member's current value.
"""

import csv
import io
import zipfile
import zoneinfo
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from members.enums import IncomeGroup, MemberKind, MembershipStatus, WorldRegion
from members.models import FIRST_INCOME_CLASSIFICATION_YEAR, Member

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ROWS = 2000
REQUIRED_COLUMNS = ["name", "country", "region", "income_group"]
OPTIONAL_COLUMNS = ["income_group_year", "status", "kind", "time_zone"]
COLUMN_LABELS = {
    "name": gettext_lazy("name"),
    "country": gettext_lazy("country"),
    "region": gettext_lazy("region"),
    "income_group": gettext_lazy("income group"),
    "income_group_year": gettext_lazy("income classification year"),
    "status": gettext_lazy("membership status"),
    "kind": gettext_lazy("kind"),
    "time_zone": gettext_lazy("time zone"),
}
HEADER_ALIASES = {"income_classification_year": "income_group_year", "membership_status": "status"}
CHOICE_COLUMNS = {
    "region": WorldRegion,
    "income_group": IncomeGroup,
    "status": MembershipStatus,
    "kind": MemberKind,
}
DEFAULTS = {"status": MembershipStatus.MEMBER, "kind": MemberKind.CITY, "time_zone": "UTC", "income_group_year": None}


class ImportFileError(Exception):
    """The file as a whole cannot be read (format, columns, size)."""


@dataclass
class RowCheck:
    number: int
    name: str
    values: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    action: str = ""  # "create", "update" or "unchanged" once the row is valid
    changes: list = field(default_factory=list)
    member: Member | None = None


@dataclass
class ImportCheck:
    rows: list

    @property
    def errors(self):
        return [error for row in self.rows for error in row.errors]

    @property
    def is_valid(self):
        return bool(self.rows) and not self.errors

    def count(self, action):
        return sum(1 for row in self.rows if row.action == action)


def read_member_file(uploaded):
    """Returns [(row number, {column: text})] for every non-empty data row; the
    header is row 1, as in a spreadsheet."""
    if uploaded.size > MAX_FILE_BYTES:
        raise ImportFileError(_("The file is larger than 5 MB."))
    name = uploaded.name.lower()
    if name.endswith(".csv"):
        table = _csv_rows(uploaded.read())
    elif name.endswith(".xlsx"):
        table = _xlsx_rows(uploaded)
    else:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))
    if not table:
        raise ImportFileError(_("The file is empty: it needs a header row naming the columns."))
    columns = _columns(table[0])
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        texts = [_cell_text(cell) for cell in cells]
        if not any(texts):
            continue
        rows.append((number, {column: (texts[i] if i < len(texts) else "") for i, column in columns}))
    if not rows:
        raise ImportFileError(_("The file has a header row but no member rows."))
    if len(rows) > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
    return rows


def _csv_rows(content):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(_("The file is not UTF-8 text: save it as “CSV UTF-8”.")) from error
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _xlsx_rows(uploaded):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(uploaded, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ImportFileError(_("This is not a readable XLSX file.")) from error
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def _cell_text(cell):
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return str(cell).strip()


def _columns(header):
    """[(position, column)] of the header; refuses unknown and missing columns."""
    known = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
    columns, unknown = [], []
    for position, cell in enumerate(header):
        title = _cell_text(cell).lower().replace(" ", "_").replace("-", "_")
        title = HEADER_ALIASES.get(title, title)
        if title in known:
            columns.append((position, title))
        elif title:
            unknown.append(_cell_text(cell))
    if unknown:
        raise ImportFileError(
            _("Unknown columns: %(unknown)s. The columns are: %(known)s.")
            % {"unknown": ", ".join(unknown), "known": ", ".join(known)}
        )
    missing = [column for column in REQUIRED_COLUMNS if column not in {title for _p, title in columns}]
    if missing:
        raise ImportFileError(_("Missing columns: %(missing)s.") % {"missing": ", ".join(missing)})
    return columns


def choice_words(choices):
    """How a choice is written in a file: its value with hyphens (lower-middle)."""
    return [value.replace("_", "-") for value in choices.values]


def _parse_choice(column, text, choices):
    word = text.strip().lower().replace(" ", "-").replace("_", "-")
    for value, label in choices.choices:
        if word in {value.replace("_", "-"), str(label).lower().replace(" ", "-")}:
            return value, None
    return None, _("%(column)s '%(value)s' is not one of %(choices)s.") % {
        "column": COLUMN_LABELS[column],
        "value": text,
        "choices": ", ".join(choice_words(choices)),
    }


def _parse_country(text):
    code = countries.alpha2(text) or countries.by_name(text)
    if code:
        return code, None
    return None, _("country '%(value)s' is not a known country name or ISO code.") % {"value": text}


def _parse_year(text):
    last = timezone.now().year
    if text.isdigit() and FIRST_INCOME_CLASSIFICATION_YEAR <= int(text) <= last:
        return int(text), None
    return None, _("income classification year '%(value)s' is not a year between %(first)s and %(last)s.") % {
        "value": text,
        "first": FIRST_INCOME_CLASSIFICATION_YEAR,
        "last": last,
    }


def _parse_time_zone(text):
    if text in zoneinfo.available_timezones():
        return text, None
    return None, _("time zone '%(value)s' is not a known time zone (for example Europe/Paris).") % {"value": text}


def _parse_value(column, text):
    if column == "name":
        if len(text) > 200:
            return None, _("name is longer than 200 characters.")
        return text, None
    if column == "country":
        return _parse_country(text)
    if column == "income_group_year":
        return _parse_year(text)
    if column == "time_zone":
        return _parse_time_zone(text)
    return _parse_choice(column, text, CHOICE_COLUMNS[column])


def check_member_rows(rows):
    """Checks every row and compares it with the members already known."""
    checks, first_row_of = [], {}
    for number, raw in rows:
        check = RowCheck(number=number, name=raw.get("name", ""))
        problems = []
        for column, text in raw.items():
            if not text:
                if column in REQUIRED_COLUMNS:
                    problems.append(_("%(column)s is missing.") % {"column": COLUMN_LABELS[column]})
                continue
            value, problem = _parse_value(column, text)
            if problem:
                problems.append(problem)
            else:
                check.values[column] = value
        if check.name and check.name in first_row_of:
            problems.append(
                _("name '%(name)s' also appears in row %(other)s.")
                % {"name": check.name, "other": first_row_of[check.name]}
            )
        first_row_of.setdefault(check.name, number)
        check.errors = [_("Row %(number)s: %(problem)s") % {"number": number, "problem": p} for p in problems]
        checks.append(check)
    _compare_with_members(checks)
    return ImportCheck(rows=checks)


def _compare_with_members(checks):
    existing = Member.objects.in_bulk([check.name for check in checks if check.name], field_name="name")
    for check in checks:
        if check.errors:
            continue
        member = existing.get(check.name)
        if member is None:
            check.action = "create"
            continue
        check.changes = [
            column
            for column, value in check.values.items()
            if (member.country.code if column == "country" else getattr(member, column)) != value
        ]
        check.action = "update" if check.changes else "unchanged"
        check.member = member


def apply_member_import(*, rows):
    """Checks the rows again and saves them all, or nothing. Returns the check."""
    with transaction.atomic():
        result = check_member_rows(rows)
        if not result.is_valid:
            return result
        for check in result.rows:
            if check.action == "create":
                Member.objects.create(**{**DEFAULTS, **check.values})
            elif check.action == "update":
                for column in check.changes:
                    setattr(check.member, column, check.values[column])
                check.member.save(update_fields=check.changes)
    return result
