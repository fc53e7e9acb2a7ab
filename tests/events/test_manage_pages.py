"""The coordinator's pages of sessions: lists, the session form with fair scheduling, suggested slots."""

import datetime
import re

import pytest

from events.models import Session
from tests.a11y import assert_accessible
from tests.events.factories import OnsiteSessionFactory, SessionFactory, make_participant
from tests.factories import MemberFactory
from tests.labs.factories import LabFactory, WorkshopFactory

UTC = datetime.UTC


@pytest.fixture
def english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def page_text(response):
    return " ".join(re.sub(r"<[^>]*>", " ", response.content.decode()).split())


def session_data(**overrides):
    return {
        "kind": "online",
        "title": "Caring cities",
        "description": "",
        "time_zone": "Europe/Madrid",
        "starts_at": "2030-03-11T15:00",
        "ends_at": "2030-03-11T16:30",
        "video_link": "https://meet.example.org/care",
        "venue": "",
        "city": "",
        "country": "",
        "language": "en",
        "interpretation_language": "",
        "workshop": "",
        "save": "1",
        **overrides,
    }


def test_a_coordinator_creates_a_session_in_the_time_zone_they_choose(client, lab, lab_coordinator):
    client.force_login(lab_coordinator)

    response = client.post(f"/events/manage/{lab.code}/sessions/new/", session_data())

    assert response.status_code == 302
    session = Session.objects.get()
    assert (session.title, session.starts_at, session.ends_at, session.time_zone) == (
        "Caring cities",
        datetime.datetime(2030, 3, 11, 14, 0, tzinfo=UTC),
        datetime.datetime(2030, 3, 11, 15, 30, tzinfo=UTC),
        "Europe/Madrid",
    )


def test_checking_local_times_flags_people_outside_working_hours_and_saves_nothing(
    english, lab, laura, lab_coordinator
):
    seoul = MemberFactory(name="Seoul", time_zone="Asia/Seoul")
    make_participant(lab=lab, member=seoul, name="Min-jun Kim", time_zone="Asia/Seoul")
    english.force_login(lab_coordinator)
    data = session_data(save="", check="1")
    del data["save"]

    response = english.post(f"/events/manage/{lab.code}/sessions/new/", data)

    assert Session.objects.count() == 0
    rows = [(row.attendee.name, f"{row.starts:%H:%M}", row.outside) for row in response.context["local_times"]]
    assert rows == [("Laura Gómez", "09:00", False), ("Min-jun Kim", "23:00", True)]
    text = page_text(response)
    assert "1 person would join outside 08:00–20:00 local time." in text
    assert "Mon 23:00–00:30 Asia/Seoul Outside 08:00–20:00" in text
    assert_accessible(response)


def test_bad_input_is_shown_at_its_field_and_kept(english, lab, lab_coordinator):
    english.force_login(lab_coordinator)

    response = english.post(
        f"/events/manage/{lab.code}/sessions/new/",
        session_data(kind="onsite", video_link="", ends_at="2030-03-11T14:00"),
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "ends_at": ["The end must come after the start."],
        "city": ["Give the city of an onsite workshop."],
        "country": ["Give the country of an onsite workshop."],
    }
    assert response.context["form"]["title"].value() == "Caring cities"
    assert Session.objects.count() == 0


def test_editing_a_session_shows_its_times_in_its_zone_and_moving_it_makes_a_revision(client, lab, lab_coordinator):
    session = SessionFactory(lab=lab, time_zone="America/Bogota")  # 14:00 UTC = 09:00 in Bogotá
    client.force_login(lab_coordinator)

    form = client.get(f"/events/manage/sessions/{session.pk}/edit/").context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    assert (data["starts_at"], data["time_zone"]) == (datetime.datetime(2030, 3, 10, 9, 0), "America/Bogota")
    response = client.post(
        f"/events/manage/sessions/{session.pk}/edit/",
        {**data, "starts_at": "2030-03-10T10:00", "ends_at": "2030-03-10T11:30", "save": "1"},
    )

    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.starts_at, session.sequence) == (datetime.datetime(2030, 3, 10, 15, 0, tzinfo=UTC), 1)


def test_another_coordinators_lab_and_session_answer_404(client, lab, other_coordinator):
    session = SessionFactory(lab=lab)
    client.force_login(other_coordinator)

    assert client.get(f"/events/manage/{lab.code}/sessions/").status_code == 404
    assert client.get(f"/events/manage/{lab.code}/sessions/new/").status_code == 404
    assert client.get(f"/events/manage/sessions/{session.pk}/edit/").status_code == 404
    assert client.post(f"/events/manage/sessions/{session.pk}/edit/", session_data()).status_code == 404
    session.refresh_from_db()
    assert session.sequence == 0


def test_participants_and_focal_points_are_refused(client, lab, laura, focal_point_a):
    for someone in (laura, focal_point_a):
        client.force_login(someone)
        assert client.get(f"/events/manage/{lab.code}/sessions/").status_code == 403


def test_suggested_slots(english, lab, laura, awa, lab_coordinator):
    english.force_login(lab_coordinator)

    response = english.get(
        f"/events/manage/{lab.code}/slots/", {"day": "2030-03-11", "duration": "90", "time_zone": "UTC"}
    )

    slots = response.context["slots"]
    assert len(slots) == 10
    assert [(f"{slot.starts_at:%H:%M}", len(slot.outside)) for slot, _starts, _ends in slots[:2]] == [
        ("13:00", 0),
        ("13:30", 0),
    ]
    assert (
        "/events/manage/SL9/sessions/new/?starts=2030-03-11T13%3A00%3A00%2B00%3A00&amp;ends=2030-03-11T14%3A30%3A00%2B00%3A00&amp;time_zone=UTC"
        in response.content.decode()
    )
    assert_accessible(response)


def test_a_suggested_slot_opens_the_form_with_its_times(client, lab, lab_coordinator):
    client.force_login(lab_coordinator)

    response = client.get(
        f"/events/manage/{lab.code}/sessions/new/",
        {"starts": "2030-03-11T13:00:00+00:00", "ends": "2030-03-11T14:30:00+00:00", "time_zone": "Europe/Madrid"},
    )

    form = response.context["form"]
    assert (form["starts_at"].value(), form["ends_at"].value(), form["time_zone"].value()) == (
        datetime.datetime(2030, 3, 11, 14, 0),
        datetime.datetime(2030, 3, 11, 15, 30),
        "Europe/Madrid",
    )
    assert response.context["local_times"] == []  # no participant yet


def test_the_lists_make_a_fixed_number_of_queries(
    client, lab, lab_coordinator, django_assert_max_num_queries, django_assert_num_queries
):
    SessionFactory(lab=lab)
    client.force_login(lab_coordinator)
    pages = ["/events/manage/", f"/events/manage/{lab.code}/sessions/"]
    few = {}
    for path in pages:
        with django_assert_max_num_queries(12) as counted:
            client.get(path)
        few[path] = len(counted.captured_queries)
    for number in range(5):
        SessionFactory(lab=lab)
        other = LabFactory(code=f"SX{number}")
        other.coordinators.add(lab_coordinator)

    for path in pages:
        with django_assert_num_queries(few[path]):
            assert client.get(path).status_code == 200


def test_the_coordinators_pages_are_accessible(english, lab, lab_coordinator):
    session = SessionFactory(lab=lab)
    english.force_login(lab_coordinator)

    for path in [
        "/events/manage/",
        f"/events/manage/{lab.code}/sessions/",
        f"/events/manage/{lab.code}/sessions/new/",
        f"/events/manage/sessions/{session.pk}/edit/",
        f"/events/manage/{lab.code}/documents/new/",
    ]:
        assert_accessible(english.get(path))


def test_saving_an_onsite_session_unchanged_keeps_its_revision(client, lab, lab_coordinator):
    session = OnsiteSessionFactory(lab=lab, workshop=WorkshopFactory(lab=lab))
    client.force_login(lab_coordinator)
    form = client.get(f"/events/manage/sessions/{session.pk}/edit/").context["form"]
    data = {name: form[name].value() or "" for name in form.fields}

    response = client.post(
        f"/events/manage/sessions/{session.pk}/edit/",
        {**data, "starts_at": "2030-06-02T09:00", "ends_at": "2030-06-04T17:00", "save": "1"},
    )

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.sequence == 0
