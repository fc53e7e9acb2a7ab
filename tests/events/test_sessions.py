import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from events import services
from events.enums import SessionKind
from tests.events.factories import START, SessionFactory
from tests.labs.factories import WorkshopFactory

ONLINE = {
    "kind": SessionKind.ONLINE,
    "title": "Care in the city",
    "starts_at": START,
    "ends_at": START + datetime.timedelta(hours=2),
    "time_zone": "Europe/Madrid",
    "video_link": "https://meet.example.org/care",
    "language": "en",
}


def test_a_coordinator_creates_a_session_of_their_lab(lab, lab_coordinator):
    session = services.create_session(lab=lab, by=lab_coordinator, **ONLINE)

    assert (session.lab, session.title, session.starts_at, session.sequence) == (lab, "Care in the city", START, 0)


def test_another_coordinator_cannot(lab, other_coordinator):
    with pytest.raises(PermissionDenied):
        services.create_session(lab=lab, by=other_coordinator, **ONLINE)


def test_the_secretariat_can(lab, secretariat_admin):
    assert services.create_session(lab=lab, by=secretariat_admin, **ONLINE).lab == lab


def test_an_onsite_session_needs_a_city_and_a_country_and_no_video_link(lab, lab_coordinator):
    with pytest.raises(ValidationError) as refused:
        services.create_session(lab=lab, by=lab_coordinator, **{**ONLINE, "kind": SessionKind.ONSITE})

    assert refused.value.message_dict == {
        "city": ["Give the city of an onsite workshop."],
        "country": ["Give the country of an onsite workshop."],
        "video_link": ["An onsite workshop has no video link; leave it empty."],
    }


def test_a_session_ends_after_it_starts(lab, lab_coordinator):
    with pytest.raises(ValidationError) as refused:
        services.create_session(lab=lab, by=lab_coordinator, **{**ONLINE, "ends_at": START})

    assert refused.value.message_dict == {"ends_at": ["The end must come after the start."]}


def test_the_workshop_must_be_one_of_the_labs(lab, lab_coordinator):
    elsewhere = WorkshopFactory()
    onsite = {**ONLINE, "kind": SessionKind.ONSITE, "video_link": "", "city": "Lima", "country": "PE"}

    with pytest.raises(ValidationError) as refused:
        services.create_session(lab=lab, by=lab_coordinator, workshop=elsewhere, **onsite)

    assert refused.value.message_dict == {"workshop": ["Choose one of this lab's planned workshops."]}


def test_moving_a_session_makes_a_new_revision(lab, lab_coordinator):
    session = SessionFactory(lab=lab)
    later = START + datetime.timedelta(days=1)

    moved = services.update_session(
        session=session, by=lab_coordinator, starts_at=later, ends_at=later + datetime.timedelta(hours=1)
    )

    assert (moved.starts_at, moved.sequence) == (later, 1)
    assert moved.updated_at > session.updated_at


def test_saving_without_a_change_keeps_the_revision(lab, lab_coordinator):
    session = SessionFactory(lab=lab)

    same = services.update_session(session=session, by=lab_coordinator, title=session.title)

    assert same.sequence == 0


def test_another_coordinator_cannot_edit(lab, other_coordinator):
    session = SessionFactory(lab=lab)

    with pytest.raises(PermissionDenied):
        services.update_session(session=session, by=other_coordinator, title="Taken over")
