"""iCalendar: one session's .ics, the personal subscription, and updates when a session moves."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from config import page_cache
from events import services
from events.models import CalendarFeed, Session
from tests.events.factories import START, OnsiteSessionFactory, SessionFactory
from tests.factories import UserFactory

UTC = datetime.UTC


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events_of(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_a_sessions_ics_is_valid_icalendar_in_utc(client, settings, lab, laura):
    settings.SITE_URL = "https://labs.example.org"
    session = SessionFactory(lab=lab, title="Care in the city")
    client.force_login(laura)

    calendar = parse(client.get(f"/events/sessions/{session.pk}/calendar.ics"))

    assert (str(calendar["VERSION"]), str(calendar["METHOD"])) == ("2.0", "PUBLISH")
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"session-{session.pk}@labs.example.org"
    assert str(event["SUMMARY"]) == "SL9: Care in the city"
    assert event.decoded("DTSTART") == START
    assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(0)
    assert event.decoded("DTEND") == START + datetime.timedelta(minutes=90)
    assert str(event["LOCATION"]) == "https://meet.example.org/lab"
    assert event["SEQUENCE"] == 0
    assert b"DTSTART:20300310T140000Z" in client.get(f"/events/sessions/{session.pk}/calendar.ics").content


def test_a_line_break_in_a_title_stays_inside_its_property(client, lab, laura):
    session = SessionFactory(lab=lab, title="Care\r\nX-INJECTED:yes", description="One\nTwo")
    client.force_login(laura)

    calendar = parse(client.get(f"/events/sessions/{session.pk}/calendar.ics"))

    assert str(calendar["X-WR-CALNAME"]) == "SL9: Care X-INJECTED:yes"
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "SL9: Care\nX-INJECTED:yes"
    assert str(event["DESCRIPTION"]).endswith("\n\nOne\nTwo")
    assert "X-INJECTED" not in calendar and "X-INJECTED" not in event


def test_an_onsite_sessions_location_is_its_place(client, lab, laura):
    session = OnsiteSessionFactory(lab=lab)
    client.force_login(laura)

    [event] = parse(client.get(f"/events/sessions/{session.pk}/calendar.ics")).walk("VEVENT")

    assert str(event["LOCATION"]) == "Centro de Convenciones, Bogotá, Colombia"


def test_moving_a_session_updates_the_event_with_the_same_uid(client, lab, laura, lab_coordinator):
    session = SessionFactory(lab=lab)
    # iCalendar times are to the second: the session was last changed an hour ago.
    Session.objects.filter(pk=session.pk).update(updated_at=timezone.now() - datetime.timedelta(hours=1))
    client.force_login(laura)
    before = parse(client.get(f"/events/sessions/{session.pk}/calendar.ics")).walk("VEVENT")[0]
    later = START + datetime.timedelta(days=2, hours=1)

    services.update_session(
        session=session, by=lab_coordinator, starts_at=later, ends_at=later + datetime.timedelta(hours=1)
    )

    after = parse(client.get(f"/events/sessions/{session.pk}/calendar.ics")).walk("VEVENT")[0]
    assert str(after["UID"]) == str(before["UID"])
    assert (before["SEQUENCE"], after["SEQUENCE"]) == (0, 1)
    assert after.decoded("DTSTART") == later
    assert after.decoded("LAST-MODIFIED") > before.decoded("LAST-MODIFIED")
    assert after.decoded("DTSTAMP") > before.decoded("DTSTAMP")


def test_the_subscription_lists_all_my_sessions_without_signing_in(client, lab, laura):
    SessionFactory(lab=lab, title="First discussion")
    OnsiteSessionFactory(lab=lab, title="Workshop")
    SessionFactory(title="Another lab's discussion")
    token = services.calendar_feed_for(laura).token

    response = client.get(f"/events/calendar/{token}.ics")

    assert sorted(events_of(parse(response))) == ["SL9: First discussion", "SL9: Workshop"]
    assert response["Cache-Control"] == "private, no-store"


def test_the_subscription_leaves_out_onsite_sessions_i_will_not_attend(client, lab, laura):
    SessionFactory(lab=lab, title="First discussion")
    workshop = OnsiteSessionFactory(lab=lab, title="Workshop")
    services.answer_onsite(person=laura, session=workshop, attending=False)

    calendar = parse(client.get(f"/events/calendar/{services.calendar_feed_for(laura).token}.ics"))

    assert sorted(events_of(calendar)) == ["SL9: First discussion"]


def test_a_coordinators_subscription_lists_their_labs_sessions(client, lab, lab_coordinator):
    SessionFactory(lab=lab, title="First discussion")

    calendar = parse(client.get(f"/events/calendar/{services.calendar_feed_for(lab_coordinator).token}.ics"))

    assert sorted(events_of(calendar)) == ["SL9: First discussion"]


def test_resetting_the_token_stops_the_old_address(client, lab, laura):
    SessionFactory(lab=lab)
    old = services.calendar_feed_for(laura).token
    client.force_login(laura)

    response = client.post("/events/calendar/reset/")

    new = CalendarFeed.objects.get(person=laura).token
    assert response.status_code == 302
    assert new != old
    client.logout()
    assert client.get(f"/events/calendar/{old}.ics").status_code == 404
    assert client.get(f"/events/calendar/{new}.ics").status_code == 200


def test_the_page_shows_no_address_until_one_is_asked_for(client, lab, laura):
    client.force_login(laura)

    assert client.get("/events/").context["feed_url"] is None
    assert CalendarFeed.objects.count() == 0  # a GET changes nothing
    client.post("/events/calendar/reset/")

    token = CalendarFeed.objects.get(person=laura).token
    assert client.get("/events/").context["feed_url"] == f"http://testserver/events/calendar/{token}.ics"


@pytest.mark.parametrize("token", ["not-a-token", ""])
def test_an_unknown_token_answers_404(client, db, token):
    UserFactory()

    assert client.get(f"/events/calendar/{token or 'x'}.ics").status_code == 404


def test_another_labs_session_answers_404(client, lab, laura):
    elsewhere = SessionFactory()
    client.force_login(laura)

    assert client.get(f"/events/sessions/{elsewhere.pk}/calendar.ics").status_code == 404


def test_the_subscription_read_again_shows_every_change_at_once(client, lab, laura, lab_coordinator):
    """The feed is cached (events.ical.cached_calendar_of): a moved session, a
    renamed lab, a new session and a declined workshop all show on the next read."""
    session = SessionFactory(lab=lab, title="First discussion")
    workshop = OnsiteSessionFactory(lab=lab, title="Workshop")
    address = f"/events/calendar/{services.calendar_feed_for(laura).token}.ics"
    assert sorted(events_of(parse(client.get(address)))) == ["SL9: First discussion", "SL9: Workshop"]
    assert parse(client.get(address)).to_ical() == parse(client.get(address)).to_ical()  # served from the cache
    later = START + datetime.timedelta(days=3)

    services.update_session(
        session=session, by=lab_coordinator, starts_at=later, ends_at=later + datetime.timedelta(hours=1)
    )
    assert events_of(parse(client.get(address)))["SL9: First discussion"].decoded("DTSTART") == later

    lab.title = "A renamed lab"
    lab.save()
    assert "A renamed lab" in str(events_of(parse(client.get(address)))["SL9: First discussion"]["DESCRIPTION"])

    SessionFactory(lab=lab, title="Second discussion")
    services.answer_onsite(person=laura, session=workshop, attending=False)
    assert sorted(events_of(parse(client.get(address)))) == ["SL9: First discussion", "SL9: Second discussion"]


def test_a_replaced_subscription_address_stops_working_at_once_in_every_process(client, lab, laura):
    """The feed's address is a secret: its page is never kept in a process
    (config.page_cache.visitor_pages), whose copies another process's write
    would not reach."""
    SessionFactory(lab=lab, title="First discussion")
    address = f"/events/calendar/{services.calendar_feed_for(laura).token}.ics"
    assert client.get(address).status_code == 200
    assert page_cache.visitor_pages._pages == {}

    # Another process replaces it: the shared generation moves on, this process keeps whatever it kept.
    kept = dict(page_cache.visitor_pages._pages)
    services.reset_calendar_token(person=laura)
    page_cache.visitor_pages._pages.update(kept)

    assert client.get(address).status_code == 404
