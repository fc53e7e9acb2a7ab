"""The filtered pipeline as CSV and XLSX: the same rows as on the page, in the
reader's language, never the conversation log, formulas made inert."""

import csv
import datetime
import io

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from applications.enums import InterestState as S
from tests.applications.selection.factories import ConversationFactory, FormalInvitationFactory, candidate
from tests.applications.selection.test_pipeline import bulk_create_pipeline

pytestmark = pytest.mark.django_db

HEADER = [
    "Member",
    "Country",
    "World region",
    "Income group",
    "Membership status",
    "State",
    "Working languages",
    "Named participants",
    "Travel support asked",
    "Intends to attend onsite",
    "Submitted",
    "Answer due by",
    "Answered",
    "Last change",
]


@pytest.fixture
def two_members(lab):
    dakar = candidate(
        lab,
        "Dakar",
        state=S.INVITED,
        region="africa",
        income_group="lower_middle",
        travel=True,
        people=[("Awa Ndiaye", "fr", "woman"), ("John Smith", "en", "man")],
    )
    FormalInvitationFactory(interest=dakar, respond_by=datetime.datetime(2031, 5, 2, 14, 30, tzinfo=datetime.UTC))
    ConversationFactory(interest=dakar, notes="Secret notes about Dakar")
    berlin = candidate(lab, "=Berlin", people=[("Jonas Weber", "en", "")])
    return dakar, berlin


def export(client, person, lab, kind, query=None, language="en"):
    client.force_login(person)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(reverse(f"applications:pipeline_{kind}", kwargs={"code": lab.code}), query or {})


def xlsx_rows(response):
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return [[cell if cell is not None else "" for cell in row] for row in workbook.active.iter_rows(values_only=True)]


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def dakar_row(dakar):
    return [
        "Dakar",
        "France",
        "Africa",
        "Lower-middle income",
        "Member",
        "Invited",
        "English, French",
        "Awa Ndiaye, John Smith",
        "Yes",
        "Yes",
        dakar.submitted_at.strftime("%Y-%m-%d %H:%M"),
        "2031-05-02 14:30",
        "",
        dakar.updated_at.strftime("%Y-%m-%d %H:%M"),
    ]


def test_the_xlsx_export_holds_the_filtered_rows(client, lab, lab_coordinator, two_members):
    dakar, _berlin = two_members

    response = export(client, lab_coordinator, lab, "xlsx", {"region": "africa"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="SL6-pipeline.xlsx"'
    assert xlsx_rows(response) == [HEADER, dakar_row(dakar)]


def test_the_csv_export_holds_every_row_sorted_with_formulas_made_inert(client, lab, lab_coordinator, two_members):
    dakar, berlin = two_members

    response = export(client, lab_coordinator, lab, "csv", {"sort": "-member"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="SL6-pipeline.csv"'
    rows = csv_rows(response)
    assert rows[:2] == [HEADER, dakar_row(dakar)]
    assert rows[2][:9] == [
        "'=Berlin",
        "France",
        "Europe",
        "High income",
        "Member",
        "Submitted",
        "English",
        "Jonas Weber",
        "No",
    ]
    assert len(rows) == 3
    assert "Secret notes" not in "".join(cell for row in rows for cell in row)


def test_control_characters_a_worksheet_cannot_hold_are_left_out(client, lab, lab_coordinator):
    candidate(lab, "Quito\x1b[31m", people=[("Ana\x0bPérez\x07", "es", "")])

    response = export(client, lab_coordinator, lab, "xlsx")

    assert response.status_code == 200
    assert [row[0] for row in xlsx_rows(response)[1:]] == ["Quito[31m"]
    assert [row[7] for row in csv_rows(export(client, lab_coordinator, lab, "csv"))[1:]] == ["AnaPérez"]


def test_the_export_is_in_the_readers_language(client, lab, lab_coordinator, two_members):
    rows = xlsx_rows(export(client, lab_coordinator, lab, "xlsx", {"region": "africa"}, language="fr"))
    spanish = xlsx_rows(export(client, lab_coordinator, lab, "xlsx", {"region": "africa"}, language="es"))
    english = xlsx_rows(export(client, lab_coordinator, lab, "xlsx", {"region": "africa"}, language="en"))

    # Names and labels are worked out once per language, never mixed up between readers.
    assert spanish[1][1:6] == ["Francia", "África", "Ingreso mediano bajo", "Miembro", "Invitada"]
    assert english[1] == dakar_row(two_members[0])
    assert rows[1][1] == "France"

    assert rows[0][:6] == ["Membre", "Pays", "Région du monde", "Groupe de revenu", "Statut d'adhésion", "État"]
    assert rows[1][2:10] == [
        "Afrique",
        "Revenu intermédiaire inférieur",
        "Membre",
        "Invitée",
        "anglais, français",
        "Awa Ndiaye, John Smith",
        "Oui",
        "Oui",
    ]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("count", [1, 500])
def test_an_export_costs_the_same_queries_for_1_or_500_interests(
    client, lab, lab_coordinator, kind, count, django_assert_max_num_queries
):
    bulk_create_pipeline(lab, count)
    client.force_login(lab_coordinator)

    # session, user, roles, second factor, Django's two permission lookups, lab, rows, both kinds of people
    with django_assert_max_num_queries(10):
        response = client.get(reverse(f"applications:pipeline_{kind}", kwargs={"code": lab.code}))
        rows = xlsx_rows(response) if kind == "xlsx" else csv_rows(response)

    assert len(rows) == count + 1


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("who", ["focal_point_a", "participant_a"])
def test_members_people_cannot_export(client, lab, request, kind, who):
    assert export(client, request.getfixturevalue(who), lab, kind).status_code == 403


def every_lab_rows(client, person):
    client.force_login(person)
    response = client.get(reverse("applications:every_lab_xlsx"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="solutions-labs-interests.xlsx"'
    return xlsx_rows(response)


@pytest.fixture
def other_lab(db):
    from tests.labs.factories import LabFactory

    other = LabFactory(code="SL2", title="Metropolitan Futures")
    candidate(other, "Lima", people=[("Rosa Quispe", "es", "")])
    candidate(other, "Accra", state=S.DRAFT)  # never submitted: in no pipeline
    return other


def test_the_secretariat_exports_the_submitted_interests_of_every_lab_lab_by_lab(
    client, lab, two_members, other_lab, secretariat_admin
):
    dakar, _berlin = two_members

    rows = every_lab_rows(client, secretariat_admin)

    assert rows[0] == ["Lab", *HEADER]
    assert [row[:2] for row in rows[1:]] == [["SL2", "Lima"], ["SL6", "'=Berlin"], ["SL6", "Dakar"]]
    assert rows[3] == ["SL6", *dakar_row(dakar)]
    assert "Secret notes" not in "".join(str(cell) for row in rows for cell in row)


def test_a_coordinator_exports_only_the_labs_they_coordinate(client, lab, two_members, other_lab, lab_coordinator):
    rows = every_lab_rows(client, lab_coordinator)

    assert [row[:2] for row in rows[1:]] == [["SL6", "'=Berlin"], ["SL6", "Dakar"]]


@pytest.mark.parametrize("count", [1, 500])
def test_every_lab_export_costs_the_same_queries_for_1_or_500_interests(
    client, lab, lab_coordinator, count, django_assert_max_num_queries
):
    bulk_create_pipeline(lab, count)
    client.force_login(lab_coordinator)

    with django_assert_max_num_queries(10):
        rows = xlsx_rows(client.get(reverse("applications:every_lab_xlsx")))

    assert len(rows) == count + 1


@pytest.mark.parametrize("who", ["focal_point_a", "participant_a"])
def test_members_people_cannot_export_every_lab(client, lab, request, who):
    client.force_login(request.getfixturevalue(who))

    assert client.get(reverse("applications:every_lab_xlsx")).status_code == 403
