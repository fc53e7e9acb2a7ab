"""Sessions as iCalendar (RFC 5545), for one session or a person's subscription.

Each event keeps one UID for the life of the session; its SEQUENCE,
LAST-MODIFIED and DTSTAMP change when the session changes, so calendars
replace what they hold. Times are written in UTC."""

import datetime
import hashlib
from urllib.parse import urlparse

import icalendar
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from events import wording
from labs.wording import interpretation_note

PRODUCT_ID = "-//Metropolis//Solutions Labs//EN"
UTC = datetime.UTC
CACHE_TIMEOUT = 60 * 60


def session_uid(session):
    return f"session-{session.pk}@{urlparse(settings.SITE_URL).hostname or 'localhost'}"


def session_event(session):
    event = icalendar.Event()
    event.add("uid", session_uid(session))
    event.add("summary", f"{session.lab.code}: {session.title}")
    event.add("dtstart", session.starts_at.astimezone(UTC))
    event.add("dtend", session.ends_at.astimezone(UTC))
    event.add("dtstamp", session.updated_at.astimezone(UTC))
    event.add("last-modified", session.updated_at.astimezone(UTC))
    event.add("created", session.created_at.astimezone(UTC))
    event.add("sequence", session.sequence)
    event.add("location", wording.where(session))
    if session.video_link:
        event.add("url", session.video_link)
    event.add("description", _description(session))
    return event


def _description(session):
    lines = [str(session.lab), session.get_kind_display(), f"{_('Language')}: {session.get_language_display()}"]
    if session.interpretation_language:
        lines.append(f"{_('Interpretation into')}: {session.get_interpretation_language_display()}")
    elif interpretation_note(lab=session.lab):
        lines.append(interpretation_note(lab=session.lab))
    if session.description:
        lines += ["", session.description]
    return "\n".join(lines)


def calendar_of(sessions, *, name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # An X- property is written as it is, not escaped like the event's text:
    # a line break in a session's title would end it (and break the calendar).
    calendar.add("x-wr-calname", " ".join(name.split()))
    for session in sessions:
        calendar.add_component(session_event(session))
    return calendar.to_ical()


def cached_calendar_of(sessions, *, name):
    """calendar_of, kept in the cache under what the calendar shows: each
    session's id, revision and last change (a session's every save changes
    them), the catalogue version (bumped by any change to a lab, whose code,
    title and interpretation the events show), the name and the language. A
    subscription read every few minutes then costs one light query."""
    from labs.models import CatalogueVersion

    rows = sessions.order_by("starts_at", "pk").values_list("pk", "sequence", "updated_at")
    state = repr([CatalogueVersion.current(), get_language(), str(name), *rows])
    key = "events:ical:" + hashlib.sha256(state.encode()).hexdigest()
    content = cache.get(key)
    if content is None:
        content = calendar_of(sessions.order_by("starts_at", "pk"), name=name)
        cache.set(key, content, CACHE_TIMEOUT)
    return content
