"""The participant's page and their support page, through HTTP."""

import datetime
import re

import pytest
from django.utils.html import strip_tags

from events.enums import SupportStatus
from events.models import OnsiteAnswer
from events.services import publish_document
from tests.a11y import assert_accessible
from tests.events.factories import OnsiteSessionFactory, SessionFactory, alternative_sessions, make_participant
from tests.events.support_helpers import offer
from tests.labs.factories import LabFactory


@pytest.fixture
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def page_text(response):
    return " ".join(strip_tags(response.content.decode()).split())


def test_two_viewers_see_a_session_each_in_their_own_time_zone(english, lab, laura, dakar):
    SessionFactory(lab=lab, title="Caring cities")  # 10 March 2030, 14:00–15:30 UTC
    tokyo = make_participant(lab=lab, member=dakar, name="Ken Sato", time_zone="Asia/Tokyo")

    english.force_login(laura)
    in_bogota = page_text(english.get("/events/"))
    english.force_login(tokyo)
    in_tokyo = page_text(english.get("/events/"))

    assert "March 10, 2030, 09:00–10:30 (America/Bogota)" in in_bogota
    assert "March 10, 2030 23:00 – March 11, 2030 00:30 (Asia/Tokyo)" in in_tokyo


def test_an_onsite_session_is_also_shown_in_the_venues_local_time(english, lab, awa):
    OnsiteSessionFactory(lab=lab)  # 2 June 2030 14:00 UTC to 4 June 22:00 UTC, in Bogotá

    english.force_login(awa)
    text = page_text(english.get("/events/"))

    assert "June 2, 2030 14:00 – June 4, 2030 22:00 (Africa/Dakar)" in text
    assert "Local time at the venue: June 2, 2030 09:00 – June 4, 2030 17:00 (America/Bogota)" in text
    assert "Where: Centro de Convenciones, Bogotá, Colombia" in text


def test_the_page_shows_join_link_answers_support_and_documents(english, lab, laura, lab_coordinator):
    SessionFactory(lab=lab, title="Caring cities", video_link="https://meet.example.org/care")
    workshop = OnsiteSessionFactory(lab=lab, title="Bogotá workshop")
    support = offer(laura, workshop, lab_coordinator)
    publish_document(lab=lab, by=lab_coordinator, title="Conclusions", note="Plan care with the neighbourhoods.")
    past = SessionFactory(lab=lab, title="Kick-off", starts_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    english.force_login(laura)

    response = english.get("/events/")

    html = response.content.decode()
    assert '<a href="https://meet.example.org/care" rel="noopener">Join the online discussion' in html
    assert f'href="/events/support/{support.pk}/"' in html
    assert f'action="/events/answers/s{workshop.pk}/"' in html
    assert "Plan care with the neighbourhoods." in html
    assert f'id="session-{past.pk}"' in html
    assert_accessible(response)


def test_the_page_makes_a_fixed_number_of_queries(
    client, lab, laura, lab_coordinator, django_assert_max_num_queries, django_assert_num_queries
):
    def add_rows():
        workshop = OnsiteSessionFactory(lab=lab)
        SessionFactory(lab=lab)
        publish_document(lab=lab, by=lab_coordinator, title="Notes", note="Notes")
        return workshop

    offer(laura, add_rows(), lab_coordinator)
    client.force_login(laura)
    client.post("/events/calendar/reset/")  # the page then shows the calendar address
    with django_assert_max_num_queries(14) as few:
        client.get("/events/")
    for number in range(6):
        other = LabFactory(code=f"SX{number}")
        make_participant(lab=other, person=laura, member=laura.member)
        add_rows()
        SessionFactory(lab=other)
    alternative_sessions(lab)

    with django_assert_num_queries(len(few.captured_queries)):
        client.get("/events/")


def test_a_participant_chooses_one_of_two_alternatives(client, lab, laura):
    istanbul, dakar = alternative_sessions(lab)
    client.force_login(laura)
    key = f"g{lab.pk}-1"

    client.post(f"/events/answers/{key}/", {f"{key}-choice": str(dakar.pk)})
    client.post(f"/events/answers/{key}/", {f"{key}-choice": str(istanbul.pk)})

    assert sorted(OnsiteAnswer.objects.values_list("session__title", "attending")) == [
        ("Dakar", False),
        ("Istanbul", True),
    ]
    html = client.get("/events/").content.decode()
    assert re.findall(rf'value="(\w+)"\s+id="id_{key}-choice_\d" required checked', html) == [str(istanbul.pk)]


def test_none_of_the_alternatives(client, lab, laura):
    alternative_sessions(lab)
    client.force_login(laura)
    key = f"g{lab.pk}-1"

    client.post(f"/events/answers/{key}/", {f"{key}-choice": "none"})

    assert sorted(OnsiteAnswer.objects.values_list("session__title", "attending")) == [
        ("Dakar", False),
        ("Istanbul", False),
    ]


def test_a_refused_alternative_is_explained(english, lab, laura, bogota_colleague):
    istanbul, dakar = alternative_sessions(lab)
    key = f"g{lab.pk}-1"
    english.force_login(laura)
    english.post(f"/events/answers/{key}/", {f"{key}-choice": str(istanbul.pk)})
    english.force_login(bogota_colleague)

    response = english.post(f"/events/answers/{key}/", {f"{key}-choice": str(dakar.pk)}, follow=True)

    assert "Laura Gómez of Bogotá already goes to Istanbul" in page_text(response)
    assert OnsiteAnswer.objects.filter(person=bogota_colleague).count() == 0


def test_answering_for_another_labs_session_answers_404(client, laura):
    elsewhere = OnsiteSessionFactory()
    client.force_login(laura)

    assert client.post(f"/events/answers/s{elsewhere.pk}/", {f"s{elsewhere.pk}-choice": "none"}).status_code == 404
    assert client.post("/events/answers/nonsense/", {}).status_code == 404


@pytest.fixture
def offered(lab, laura, lab_coordinator):
    return offer(laura, OnsiteSessionFactory(lab=lab, title="Bogotá workshop"), lab_coordinator)


def test_the_participant_accepts_on_their_page(client, offered, laura):
    client.force_login(laura)

    response = client.post(
        f"/events/support/{offered.pk}/",
        {
            "action": "accept",
            "accept-arrival_date": "2030-06-01",
            "accept-departure_date": "2030-06-05",
            "accept-departure_city": "Bogotá",
            "accept-dietary_needs": "",
            "accept-access_needs": "Wheelchair",
        },
    )

    assert response.status_code == 302
    offered.refresh_from_db()
    assert (offered.status, offered.access_needs) == (SupportStatus.ACCEPTED, "Wheelchair")


def test_bad_travel_details_are_shown_at_their_fields_and_kept(english, offered, laura):
    english.force_login(laura)

    response = english.post(
        f"/events/support/{offered.pk}/",
        {
            "action": "accept",
            "accept-arrival_date": "2030-06-05",
            "accept-departure_date": "2030-06-01",
            "accept-departure_city": "Bogotá",
        },
    )

    form = response.context["accept_form"]
    assert form.errors == {"departure_date": ["The departure cannot be before the arrival."]}
    assert form["departure_city"].value() == "Bogotá"
    offered.refresh_from_db()
    assert offered.status == SupportStatus.OFFERED
    assert_accessible(response)


def test_the_participant_declines_on_their_page(client, offered, laura):
    client.force_login(laura)

    client.post(f"/events/support/{offered.pk}/", {"action": "decline", "decline-note": "Cannot travel"})

    offered.refresh_from_db()
    assert offered.status == SupportStatus.DECLINED


def test_a_participant_never_sees_another_participants_support(client, offered, awa, bogota_colleague):
    for someone in (awa, bogota_colleague):
        client.force_login(someone)
        assert client.get(f"/events/support/{offered.pk}/").status_code == 404
        assert client.post(f"/events/support/{offered.pk}/", {"action": "decline"}).status_code == 404
    offered.refresh_from_db()
    assert offered.status == SupportStatus.OFFERED


def test_someone_who_takes_part_in_no_lab_sees_an_empty_page(english, person_without_member):
    english.force_login(person_without_member)

    response = english.get("/events/")

    assert "You take part in no lab yet." in page_text(response)
    assert_accessible(response)
