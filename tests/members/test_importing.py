import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from members.importing import apply_member_import, check_member_rows, read_member_file
from members.models import Member
from tests.factories import MemberFactory

HEADER = ["name", "country", "region", "income_group", "income_group_year", "status", "kind", "time_zone"]
GOOD_ROWS = [
    ["City of Dakar", "SN", "africa", "lower-middle", "2024", "member", "city", "Africa/Dakar"],
    ["Mexico City", "Mexico", "latin-america", "upper-middle", "2024", "member", "city", "America/Mexico_City"],
    ["Berlin", "DE", "europe", "high", "2024", "lapsed", "regional-government", "Europe/Berlin"],
]


def csv_file(rows, header=HEADER, name="members.csv", delimiter=","):
    text = "\n".join(delimiter.join(cells) for cells in [header, *rows]) + "\n"
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def xlsx_file(rows, header=HEADER, name="members.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    for cells in [header, *rows]:
        sheet.append(cells)
    content = io.BytesIO()
    workbook.save(content)
    return SimpleUploadedFile(name, content.getvalue())


def upload(client, file):
    return client.post(reverse("members:member_import"), {"file": file})


def confirm(client):
    return client.post(reverse("members:member_import_confirm"))


@pytest.fixture
def secretariat_client(client, secretariat_admin):
    client.force_login(secretariat_admin)
    return client


def test_a_good_csv_is_previewed_then_saved_on_confirmation(secretariat_client):
    preview = upload(secretariat_client, csv_file(GOOD_ROWS))

    assert preview.status_code == 200
    result = preview.context["result"]
    assert result.is_valid
    assert [(row.number, row.name, row.action) for row in result.rows] == [
        (2, "City of Dakar", "create"),
        (3, "Mexico City", "create"),
        (4, "Berlin", "create"),
    ]
    assert Member.objects.count() == 0

    response = confirm(secretariat_client)

    assert response.status_code == 302
    assert response.url == reverse("members:member_list")
    dakar = Member.objects.get(name="City of Dakar")
    assert (dakar.country.code, dakar.region, dakar.income_group, dakar.income_group_year, dakar.time_zone) == (
        "SN",
        "africa",
        "lower_middle",
        2024,
        "Africa/Dakar",
    )
    berlin = Member.objects.get(name="Berlin")
    assert (berlin.status, berlin.kind) == ("lapsed", "regional_government")
    assert Member.objects.get(name="Mexico City").country.code == "MX"
    page = secretariat_client.get(response.url).content.decode()
    assert "members.csv imported: 3 members added, 0 updated, 0 unchanged." in page


def test_a_good_xlsx_is_saved_with_numbers_as_years(secretariat_client):
    rows = [[*row[:4], int(row[4]), *row[5:]] for row in GOOD_ROWS]

    preview = upload(secretariat_client, xlsx_file(rows))
    confirm(secretariat_client)

    assert preview.context["result"].is_valid
    assert sorted(Member.objects.values_list("name", "income_group_year")) == [
        ("Berlin", 2024),
        ("City of Dakar", 2024),
        ("Mexico City", 2024),
    ]


def test_a_bad_file_lists_every_rows_errors_and_saves_nothing(secretariat_client):
    rows = [
        GOOD_ROWS[0],
        ["Atlantis", "Atlantis", "europe", "high", "", "", "", ""],
        ["", "FR", "europe", "high", "", "", "", ""],
        ["Lyon", "FR", "europa", "medium", "1850", "friend", "village", "Europe/Lyon"],
    ]

    preview = upload(secretariat_client, csv_file(rows))

    result = preview.context["result"]
    assert not result.is_valid
    assert result.errors == [
        "Row 3: country 'Atlantis' is not a known country name or ISO code.",
        "Row 4: name is missing.",
        "Row 5: region 'europa' is not one of africa, asia-pacific, europe, latin-america, middle-east, north-america.",
        "Row 5: income group 'medium' is not one of low, lower-middle, upper-middle, high.",
        f"Row 5: income classification year '1850' is not a year between 1987 and {timezone.now().year}.",
        "Row 5: membership status 'friend' is not one of member, non-member, lapsed.",
        "Row 5: kind 'village' is not one of city, metropolitan-authority, regional-government.",
        "Row 5: time zone 'Europe/Lyon' is not a known time zone (for example Europe/Paris).",
    ]
    page = preview.content.decode()
    assert "Row 5: income group &#x27;medium&#x27; is not one of low, lower-middle, upper-middle, high." in page
    assert "Confirm the import" not in page
    assert Member.objects.count() == 0
    assert confirm(secretariat_client).status_code == 302
    assert Member.objects.count() == 0


def test_the_same_name_twice_in_a_file_is_an_error(secretariat_client):
    preview = upload(secretariat_client, csv_file([GOOD_ROWS[0], GOOD_ROWS[1], GOOD_ROWS[0]]))

    assert preview.context["result"].errors == ["Row 4: name 'City of Dakar' also appears in row 2."]
    assert Member.objects.count() == 0


def test_importing_the_same_file_again_changes_nothing(secretariat_client):
    upload(secretariat_client, csv_file(GOOD_ROWS))
    confirm(secretariat_client)
    before = list(Member.objects.order_by("pk").values())

    preview = upload(secretariat_client, csv_file(GOOD_ROWS))
    confirm(secretariat_client)

    assert [row.action for row in preview.context["result"].rows] == ["unchanged", "unchanged", "unchanged"]
    assert list(Member.objects.order_by("pk").values()) == before


def test_a_changed_row_updates_only_what_changed_and_empty_cells_keep_values(secretariat_client):
    berlin = MemberFactory(name="Berlin", country="DE", income_group="high", income_group_year=2023, kind="city")
    rows = [["Berlin", "DE", "europe", "high", "2024", "", "", ""]]

    preview = upload(secretariat_client, csv_file(rows))
    confirm(secretariat_client)

    assert [(row.action, row.changes) for row in preview.context["result"].rows] == [("update", ["income_group_year"])]
    berlin.refresh_from_db()
    assert (berlin.income_group_year, berlin.kind, berlin.pk) == (2024, "city", berlin.pk)
    assert Member.objects.count() == 1


def test_labels_semicolons_and_header_spellings_are_understood(secretariat_client):
    header = ["Name", "Country", "Region", "Income group", "Income classification year"]
    rows = [["Seoul Metropolitan Government", "KOR", "Asia-Pacific", "High income", "2024"]]

    preview = upload(secretariat_client, csv_file(rows, header=header, delimiter=";"))

    assert preview.context["result"].errors == []
    assert preview.context["result"].rows[0].values == {
        "name": "Seoul Metropolitan Government",
        "country": "KR",
        "region": "asia_pacific",
        "income_group": "high",
        "income_group_year": 2024,
    }


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (csv_file(GOOD_ROWS, header=["name", "country", "region"]), "Missing columns: income_group."),
        (
            csv_file(GOOD_ROWS, header=[*HEADER[:-1], "mayor"]),
            "Unknown columns: mayor. The columns are: name, country, region, income_group, income_group_year, "
            "status, kind, time_zone.",
        ),
        (SimpleUploadedFile("members.csv", "name,country\n".encode("utf-16")), "The file is not UTF-8 text"),
        (SimpleUploadedFile("members.xlsx", b"not a workbook"), "This is not a readable XLSX file."),
        (SimpleUploadedFile("members.pdf", b"%PDF"), "Upload a .csv or .xlsx file."),
        (csv_file([]), "The file has a header row but no member rows."),
    ],
)
def test_an_unreadable_file_is_refused_at_the_field(secretariat_client, file, message):
    response = upload(secretariat_client, file)

    assert response.status_code == 200
    assert response.context["result"] is None
    assert message in response.context["form"].errors["file"][0]


def test_confirming_without_a_checked_file_saves_nothing(secretariat_client):
    response = confirm(secretariat_client)

    assert response.status_code == 302
    assert response.url == reverse("members:member_import")
    assert Member.objects.count() == 0


def test_when_one_row_fails_to_save_no_row_is_saved(db, monkeypatch):
    rows = read_member_file(csv_file(GOOD_ROWS))
    original_create = Member.objects.create
    calls = []

    def create_then_fail(**values):
        calls.append(values["name"])
        if len(calls) == 3:
            raise RuntimeError("database went away")
        return original_create(**values)

    monkeypatch.setattr(Member.objects, "create", create_then_fail)

    with pytest.raises(RuntimeError):
        apply_member_import(rows=rows)

    assert calls == ["City of Dakar", "Mexico City", "Berlin"]
    assert Member.objects.count() == 0


def test_rows_are_checked_again_when_saving(db):
    rows = read_member_file(csv_file(GOOD_ROWS))
    assert check_member_rows(rows).is_valid
    rows[0][1]["income_group"] = "medium"

    result = apply_member_import(rows=rows)

    assert not result.is_valid
    assert Member.objects.count() == 0


def test_the_import_is_the_secretariats(client, focal_point_a):
    client.force_login(focal_point_a)

    response = upload(client, csv_file(GOOD_ROWS))

    assert response.status_code == 403
    assert list(Member.objects.values_list("name", flat=True)) == ["Member A"]
