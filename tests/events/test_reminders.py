"""Welcome messages and session reminders: once each, in each person's language and time zone."""

import datetime

from django.utils import timezone

from events import reminders
from events.messages import welcome_participant
from events.services import answer_onsite, calendar_feed_for
from events.tasks import remind_sessions, welcome_participants
from members.outbox.enums import Occasion
from members.outbox.models import Message
from tests.applications.factories import NamedParticipantFactory
from tests.events.factories import OnsiteSessionFactory, SessionFactory, make_participant
from tests.labs.factories import LabFactory

NOW = datetime.datetime(2030, 3, 1, 12, 0, tzinfo=datetime.UTC)


def sent(occasion):
    return sorted(Message.objects.filter(occasion=occasion).values_list("recipient__email", "dedupe_key", "language"))


def test_a_new_participant_is_welcomed_once_with_sessions_and_calendar(settings, lab, laura):
    settings.SITE_URL = "https://labs.example.org"
    SessionFactory(lab=lab, title="Caring cities", starts_at=timezone.now() + datetime.timedelta(days=3))

    welcome_participants()
    welcome_participants()

    assert sent(Occasion.PARTICIPANT_WELCOME) == [("laura@bogota.example", "", "es")]
    body = Message.objects.get(occasion=Occasion.PARTICIPANT_WELCOME).text_body
    assert "Caring cities" in body
    assert f"https://labs.example.org/events/calendar/{calendar_feed_for(laura).token}.ics" in body
    assert "https://labs.example.org/events/" in body


def test_each_participant_is_welcomed_to_each_lab(lab, laura, awa):
    other = LabFactory(code="SL3")
    make_participant(lab=other, person=laura, member=laura.member)

    assert reminders.welcome_new_participants() == 3
    assert reminders.welcome_new_participants() == 0
    assert sent(Occasion.PARTICIPANT_WELCOME) == [
        ("awa@dakar.example", "", "fr"),
        ("laura@bogota.example", "", "es"),
        ("laura@bogota.example", "", "es"),
    ]


def test_people_named_without_an_account_or_not_accepted_are_not_welcomed(lab, laura):
    NamedParticipantFactory(interest=laura.named_participations.get().interest, person=None)

    assert reminders.welcome_new_participants() == 1


def test_welcoming_by_hand_then_by_the_task_sends_one_message(lab, laura):
    welcome_participant(participant=laura.named_participations.get())

    assert reminders.welcome_new_participants() == 0
    assert len(sent(Occasion.PARTICIPANT_WELCOME)) == 1


def test_reminders_7_days_and_1_day_before_once_each(lab, laura, awa):
    session = SessionFactory(lab=lab, title="Caring cities", starts_at=NOW + datetime.timedelta(days=6, hours=20))

    assert reminders.remind_upcoming_sessions(now=NOW) == 2
    assert reminders.remind_upcoming_sessions(now=NOW + datetime.timedelta(hours=1)) == 0
    assert reminders.remind_upcoming_sessions(now=NOW + datetime.timedelta(days=6)) == 2
    assert reminders.remind_upcoming_sessions(now=NOW + datetime.timedelta(days=6, hours=10)) == 0

    assert sent(Occasion.SESSION_REMINDER) == [
        ("awa@dakar.example", "1d-20300308T0800Z", "fr"),
        ("awa@dakar.example", "7d-20300308T0800Z", "fr"),
        ("laura@bogota.example", "1d-20300308T0800Z", "es"),
        ("laura@bogota.example", "7d-20300308T0800Z", "es"),
    ]
    assert Message.objects.filter(object_id=session.pk).count() == 4


def test_a_reminder_is_in_the_participants_language_and_time_zone(lab, laura):
    SessionFactory(lab=lab, title="Caring cities", starts_at=datetime.datetime(2030, 3, 5, 14, 0, tzinfo=datetime.UTC))

    reminders.remind_upcoming_sessions(now=NOW)

    message = Message.objects.get(occasion=Occasion.SESSION_REMINDER)
    assert message.subject == "Recordatorio: SL9: Caring cities"
    assert "Comienza el 5 de marzo de 2030 a las 09:00 (America/Bogota)." in message.text_body
    assert "Dónde: https://meet.example.org/lab" in message.text_body


def test_a_moved_session_is_reminded_again_for_its_new_time(lab, laura):
    session = SessionFactory(lab=lab, starts_at=NOW + datetime.timedelta(days=5))
    reminders.remind_upcoming_sessions(now=NOW)
    session.starts_at += datetime.timedelta(days=1)
    session.ends_at += datetime.timedelta(days=1)
    session.save()

    assert reminders.remind_upcoming_sessions(now=NOW) == 1
    assert [key for _email, key, _language in sent(Occasion.SESSION_REMINDER)] == [
        "7d-20300306T1200Z",
        "7d-20300307T1200Z",
    ]


def test_no_reminder_of_an_onsite_session_one_will_not_attend(lab, laura, awa):
    workshop = OnsiteSessionFactory(lab=lab, starts_at=NOW + datetime.timedelta(days=3))
    workshop.ends_at = workshop.starts_at + datetime.timedelta(days=2)
    workshop.save()
    answer_onsite(person=awa, session=workshop, attending=False)

    reminders.remind_upcoming_sessions(now=NOW)

    assert [email for email, _key, _language in sent(Occasion.SESSION_REMINDER)] == ["laura@bogota.example"]


def test_past_and_distant_sessions_are_not_reminded(lab, laura):
    SessionFactory(lab=lab, starts_at=NOW - datetime.timedelta(hours=1))
    SessionFactory(lab=lab, starts_at=NOW + datetime.timedelta(days=7, minutes=1))

    assert reminders.remind_upcoming_sessions(now=NOW) == 0


def test_the_task_runs_the_reminders(lab, laura):
    SessionFactory(lab=lab, starts_at=timezone.now() + datetime.timedelta(hours=5))

    remind_sessions()

    assert [key[:3] for _email, key, _language in sent(Occasion.SESSION_REMINDER)] == ["1d-"]
