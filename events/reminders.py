"""The periodic work of events (thin Celery tasks in events/tasks.py call it):
welcoming new participants, and reminding each participant of their sessions
7 days and 1 day before, in their language and time zone, once each."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from events import messages
from events.models import OnsiteAnswer, Session
from events.selectors import participations
from labs.models import Lab
from members.outbox.enums import Occasion
from members.outbox.models import Message

DAY = datetime.timedelta(days=1)
# Repeat key → the window of start times it covers, as (after, up to) from now.
REMINDER_WINDOWS = {"7d": (DAY, 7 * DAY), "1d": (datetime.timedelta(0), DAY)}


def participants_not_welcomed():
    welcomed = Message.objects.filter(
        occasion=Occasion.PARTICIPANT_WELCOME,
        content_type=ContentType.objects.get_for_model(Lab),
        object_id=OuterRef("interest__lab_id"),
        recipient=OuterRef("person_id"),
    )
    return participations().filter(~Exists(welcomed)).order_by("pk")


def welcome_new_participants():
    """Welcomes every linked participant of an accepted interest not yet
    welcomed to that lab. Returns how many were welcomed."""
    count = 0
    for participant in participants_not_welcomed():
        with transaction.atomic():
            messages.welcome_participant(participant=participant)
        count += 1
    return count


def due_reminders(*, now):
    """(session, person, member, repeat key) for every reminder due now and not yet queued."""
    due = []
    for before, (after, up_to) in REMINDER_WINDOWS.items():
        sessions = Session.objects.filter(starts_at__gt=now + after, starts_at__lte=now + up_to).select_related("lab")
        for session in sessions:
            due += [(session, person, member, before) for person, member in _people_to_remind(session)]
    reminded = _already_reminded(due)
    return [
        (session, person, member, before)
        for session, person, member, before in due
        if (session.pk, person.pk, messages.reminder_key(session=session, before=before)) not in reminded
    ]


def _people_to_remind(session):
    """The lab's participants, less those who said they will not attend."""
    declined = set(OnsiteAnswer.objects.filter(session=session, attending=False).values_list("person_id", flat=True))
    people = {}
    for row in participations(lab=session.lab).order_by("pk"):
        if row.person_id not in declined:
            people.setdefault(row.person_id, (row.person, row.interest.member))
    return list(people.values())


def _already_reminded(due):
    """(session id, person id, repeat key) of the reminders among `due` already
    queued, in one query whatever their number (a fan-out is thousands)."""
    if not due:
        return set()
    queued = Message.objects.filter(
        occasion=Occasion.SESSION_REMINDER,
        content_type=ContentType.objects.get_for_model(Session),
        object_id__in={session.pk for session, _person, _member, _before in due},
        dedupe_key__in={messages.reminder_key(session=session, before=before) for session, _p, _m, before in due},
    )
    return set(queued.values_list("object_id", "recipient_id", "dedupe_key"))


def remind_upcoming_sessions(*, now=None):
    """Queues the reminders due; running it again queues nothing new. Returns how many were queued."""
    due = due_reminders(now=now or timezone.now())
    for session, person, member, before in due:
        with transaction.atomic():
            messages.remind_session(session=session, person=person, member=member, before=before)
    return len(due)
