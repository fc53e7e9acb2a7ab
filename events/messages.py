"""The emails of sessions and travel support: one function per message, each
queued through the outbox inside the transaction of the change (sent once that
transaction commits, once per recipient, occasion and repeat key)."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from events import wording
from events.models import Session
from events.services import calendar_feed_for
from members.outbox.enums import Occasion
from members.outbox.services import queue_message

REMINDERS = {"7d": 7, "1d": 1}  # repeat key → days before the session


def in_language_of(person):
    return translation.override(person.preferred_language or settings.LANGUAGE_CODE)


def welcome_participant(*, participant):
    """Welcomes a participant (a NamedParticipant linked to an account, of an
    accepted interest) to the lab, with its sessions and their calendar
    address: once per person and lab, however often it is called."""
    person, lab = participant.person, participant.interest.lab
    upcoming = Session.objects.filter(lab=lab, ends_at__gte=timezone.now()).order_by("starts_at", "pk")
    context = {
        "title": str(lab),
        "link": reverse("events:my_labs"),
        "sessions": list(upcoming),
        "calendar_url": settings.SITE_URL + calendar_feed_for(person).get_absolute_url(),
    }
    return queue_message(
        occasion=Occasion.PARTICIPANT_WELCOME,
        about=lab,
        recipient=person,
        context=context,
        lab=lab,
        member=participant.interest.member,
    )


def reminder_key(*, session, before):
    """`before` ("7d" or "1d") and the start in UTC: a session that moves is
    reminded again for its new time, never twice for the same one."""
    return f"{before}-{session.starts_at.astimezone(datetime.UTC):%Y%m%dT%H%MZ}"


def remind_session(*, session, person, member, before):
    with in_language_of(person):
        where = wording.where(session)
    context = {
        "title": str(session),
        "starts_at": session.starts_at,
        "where": where,
        "link": reverse("events:my_labs") + f"#session-{session.pk}",
    }
    return queue_message(
        occasion=Occasion.SESSION_REMINDER,
        about=session,
        recipient=person,
        context=context,
        dedupe_key=reminder_key(session=session, before=before),
        lab=session.lab,
        member=member,
    )


def _support_context(support):
    with in_language_of(support.participant):
        return {
            "title": f"{support.lab.code}: {support.session.title}",
            "items": wording.describe_items(support),
            "state": support.get_status_display(),
            "link": reverse("events:my_support", kwargs={"pk": support.pk}),
        }


def support_offered(*, support):
    return queue_message(
        occasion=Occasion.TRAVEL_SUPPORT_OFFERED,
        about=support,
        recipient=support.participant,
        context=_support_context(support),
        lab=support.lab,
        member=support.member,
    )


def support_changed(*, support, change):
    """Tells the participant about one change (each change is its own message)."""
    return queue_message(
        occasion=Occasion.TRAVEL_SUPPORT_CHANGED,
        about=support,
        recipient=support.participant,
        context={**_support_context(support), "note": change.note},
        dedupe_key=f"change-{change.pk}",
        lab=support.lab,
        member=support.member,
    )
