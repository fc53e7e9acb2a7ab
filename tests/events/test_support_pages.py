"""The coordinator's pages of travel support: overview, export, offer, decisions."""

import datetime
import re
from io import BytesIO

import pytest
from openpyxl import load_workbook

from events.enums import SupportStatus
from events.models import TravelSupport
from events.services import answer_onsite
from events.support import accept_travel_support
from members.enums import IncomeGroup
from members.outbox.enums import Occasion
from members.outbox.models import Message
from tests.a11y import assert_accessible
from tests.events.factories import OnsiteSessionFactory, make_participant
from tests.events.support_helpers import DETAILS, offer
from tests.factories import MemberFactory


@pytest.fixture
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def workshop(lab):
    return OnsiteSessionFactory(lab=lab, title="Bogotá workshop")


def page_text(response):
    return " ".join(re.sub(r"<[^>]*>", " ", response.content.decode()).split())


def offer_data(participant, session, **items):
    return {
        "participant": participant.pk,
        "session": session.pk,
        "airfare": "on",
        "accommodation_nights": "3",
        "local_transport": "on",
        "meals": "on",
        **items,
    }


def test_the_overview_counts_places_nights_statuses_and_who_is_to_answer(
    english, workshop, laura, awa, lab_coordinator
):
    accepted = offer(laura, workshop, lab_coordinator)
    accept_travel_support(support=accepted, by=laura, **DETAILS)
    offer(awa, workshop, lab_coordinator)
    english.force_login(lab_coordinator)

    response = english.get("/events/manage/SL9/support/")

    summary = response.context["summary"]
    assert (summary.cap, summary.funded_members, summary.places_left, summary.nights) == (2, 2, 0, 6)
    assert summary.by_status[:2] == [("Offered", 1), ("Accepted", 1)]
    assert [support.participant for support in summary.awaiting_answer] == [awa]
    text = page_text(response)
    assert "Funded members 2 of 2 0 places left" in text
    assert "Attending: Laura Gómez" in text
    assert "Not answered yet: Awa Ndiaye" in text
    assert_accessible(response)


def test_the_overview_makes_a_fixed_number_of_queries(
    client, lab, workshop, laura, lab_coordinator, django_assert_max_num_queries, django_assert_num_queries
):
    offer(laura, workshop, lab_coordinator)
    client.force_login(lab_coordinator)
    with django_assert_max_num_queries(20) as few:
        client.get("/events/manage/SL9/support/")
    lab.support_package.max_funded_members = None
    lab.support_package.save()
    for number in range(6):
        person = make_participant(lab=lab, member=MemberFactory(name=f"City {number}", income_group=IncomeGroup.LOW))
        offer(person, workshop, lab_coordinator)
        answer_onsite(person=person, session=OnsiteSessionFactory(lab=lab), attending=True)

    with django_assert_num_queries(len(few.captured_queries)):
        client.get("/events/manage/SL9/support/")


def test_the_export_is_an_xlsx_of_every_support(client, workshop, laura, awa, lab_coordinator):
    accept_travel_support(support=offer(laura, workshop, lab_coordinator), by=laura, **DETAILS)
    offer(awa, workshop, lab_coordinator)
    client.force_login(lab_coordinator)

    response = client.get("/events/manage/SL9/support/export.xlsx")

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == 'attachment; filename="travel-support-SL9.xlsx"'
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:8] == ("Participant", "Email", "Member", "Income group", "Session", "Status", "Airfare", "Nights")
    assert [row[:8] for row in rows[1:]] == [
        (
            "Laura Gómez",
            "laura@bogota.example",
            "Bogotá",
            "Upper-middle income",
            "Bogotá workshop",
            "Accepted",
            "yes",
            3,
        ),
        ("Awa Ndiaye", "awa@dakar.example", "Dakar", "Lower-middle income", "Bogotá workshop", "Offered", "yes", 3),
    ]
    assert rows[1][11:14] == (datetime.datetime(2030, 6, 1), datetime.datetime(2030, 6, 5), "Bogotá")


def test_a_value_that_looks_like_a_formula_is_exported_as_text(client, workshop, laura, lab_coordinator):
    support = offer(laura, workshop, lab_coordinator)
    accept_travel_support(support=support, by=laura, **{**DETAILS, "dietary_needs": '=HYPERLINK("x")'})
    client.force_login(lab_coordinator)

    sheet = load_workbook(BytesIO(client.get("/events/manage/SL9/support/export.xlsx").content)).active

    assert sheet["O2"].value == '\'=HYPERLINK("x")'


def test_control_characters_a_worksheet_cannot_hold_are_left_out(client, workshop, laura, lab_coordinator):
    support = offer(laura, workshop, lab_coordinator)
    accept_travel_support(support=support, by=laura, **{**DETAILS, "dietary_needs": "\x1b[31mVegan\x0b\x07"})
    client.force_login(lab_coordinator)

    response = client.get("/events/manage/SL9/support/export.xlsx")

    assert response.status_code == 200
    assert load_workbook(BytesIO(response.content)).active["O2"].value == "[31mVegan"


def test_the_coordinator_offers_support_through_the_form(client, workshop, laura, lab_coordinator):
    client.force_login(lab_coordinator)

    response = client.post("/events/manage/SL9/support/offer/", offer_data(laura, workshop))

    assert response.status_code == 302
    support = TravelSupport.objects.get()
    assert (support.participant, support.status, support.accommodation_nights) == (laura, SupportStatus.OFFERED, 3)
    assert Message.objects.filter(occasion=Occasion.TRAVEL_SUPPORT_OFFERED, recipient=laura).count() == 1


def test_a_refused_offer_says_why_and_keeps_the_form(english, lab, workshop, laura, awa, lab_coordinator):
    offer(laura, workshop, lab_coordinator)
    offer(awa, workshop, lab_coordinator)
    third = make_participant(lab=lab, member=MemberFactory(name="Quito", income_group=IncomeGroup.LOW))
    english.force_login(lab_coordinator)

    response = english.post("/events/manage/SL9/support/offer/", offer_data(third, workshop))

    form = response.context["form"]
    assert form.non_field_errors() == ["The package funds at most 2 members, and every place is taken."]
    assert form["participant"].value() == str(third.pk)
    assert TravelSupport.objects.count() == 2
    assert_accessible(response)


def test_too_many_nights_are_refused_at_the_field(english, workshop, laura, lab_coordinator):
    english.force_login(lab_coordinator)

    response = english.post("/events/manage/SL9/support/offer/", offer_data(laura, workshop, accommodation_nights="5"))

    assert response.context["form"].errors == {
        "accommodation_nights": ["Ensure this value is less than or equal to 3."]
    }


def test_the_offer_form_lists_only_the_labs_participants_and_onsite_sessions(
    client, lab, workshop, laura, lab_coordinator
):
    OnsiteSessionFactory(title="Elsewhere")
    client.force_login(lab_coordinator)

    form = client.get("/events/manage/SL9/support/offer/").context["form"]

    assert list(form.fields["participant"].queryset) == [laura]
    assert list(form.fields["session"].queryset) == [workshop]


def test_the_coordinator_books_then_cancels(client, workshop, laura, lab_coordinator):
    support = offer(laura, workshop, lab_coordinator)
    accept_travel_support(support=support, by=laura, **DETAILS)
    client.force_login(lab_coordinator)

    client.post(f"/events/manage/support/{support.pk}/", {"action": "book", "book-note": "Flight AV 10"})
    support.refresh_from_db()
    assert support.status == SupportStatus.BOOKED
    response = client.post(f"/events/manage/support/{support.pk}/", {"action": "cancel", "cancel-reason": ""})
    assert response.context["forms"]["cancel"].errors == {"reason": ["This field is required."]}
    client.post(f"/events/manage/support/{support.pk}/", {"action": "cancel", "cancel-reason": "Visa refused"})

    support.refresh_from_db()
    assert support.status == SupportStatus.CANCELLED


def test_the_coordinator_changes_what_is_covered(client, workshop, laura, lab_coordinator):
    support = offer(laura, workshop, lab_coordinator)
    client.force_login(lab_coordinator)

    client.post(
        f"/events/manage/support/{support.pk}/", {"action": "change", "accommodation_nights": "2", "meals": "on"}
    )

    support.refresh_from_db()
    assert (support.airfare, support.accommodation_nights, support.meals) == (False, 2, True)


def test_support_pages_of_another_lab_answer_404(client, workshop, laura, lab_coordinator, other_coordinator):
    support = offer(laura, workshop, lab_coordinator)
    client.force_login(other_coordinator)

    for path in [
        "/events/manage/SL9/support/",
        "/events/manage/SL9/support/export.xlsx",
        "/events/manage/SL9/support/offer/",
        f"/events/manage/support/{support.pk}/",
    ]:
        assert client.get(path).status_code == 404
    assert (
        client.post(f"/events/manage/support/{support.pk}/", {"action": "cancel", "cancel-reason": "x"}).status_code
        == 404
    )
    support.refresh_from_db()
    assert support.status == SupportStatus.OFFERED


def test_participants_cannot_reach_the_coordinators_pages(client, workshop, laura, lab_coordinator):
    support = offer(laura, workshop, lab_coordinator)
    client.force_login(laura)

    assert client.get("/events/manage/SL9/support/").status_code == 403
    assert client.get(f"/events/manage/support/{support.pk}/").status_code == 403


def test_the_secretariat_sees_every_labs_support(client, workshop, laura, lab_coordinator, secretariat_admin):
    support = offer(laura, workshop, lab_coordinator)
    client.force_login(secretariat_admin)

    assert client.get("/events/manage/SL9/support/").status_code == 200
    assert client.get(f"/events/manage/support/{support.pk}/").status_code == 200
