"""Fair scheduling of online sessions: the local time of a slot for each person
of the cohort, and the slots of a day that put the fewest people outside
working hours (08:00 to 20:00 where they are)."""

import datetime
import zoneinfo
from dataclasses import dataclass

from applications.enums import InterestState
from applications.models import Interest
from events.selectors import participations

WORKDAY_STARTS = datetime.time(8, 0)
WORKDAY_ENDS = datetime.time(20, 0)
UTC = datetime.UTC


@dataclass(frozen=True)
class Attendee:
    name: str
    member: str
    time_zone: str

    @property
    def zone(self):
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")


@dataclass(frozen=True)
class LocalTime:
    attendee: Attendee
    starts: datetime.datetime
    ends: datetime.datetime
    outside: bool


@dataclass(frozen=True)
class Slot:
    starts_at: datetime.datetime  # UTC
    ends_at: datetime.datetime
    outside: tuple  # the attendees for whom it is outside working hours


def is_outside_working_hours(local_starts, local_ends):
    """Whether a session from local_starts to local_ends (wall-clock times of
    one zone) starts before 08:00 or ends after 20:00 of its first day."""
    day_starts = local_starts.replace(hour=WORKDAY_STARTS.hour, minute=0, second=0, microsecond=0)
    day_ends = local_starts.replace(hour=WORKDAY_ENDS.hour, minute=0, second=0, microsecond=0)
    return local_starts < day_starts or local_ends > day_ends


def local_times(*, starts_at, ends_at, attendees):
    """The slot in each attendee's own time, flagged when outside working hours."""
    rows = []
    for attendee in attendees:
        starts, ends = starts_at.astimezone(attendee.zone), ends_at.astimezone(attendee.zone)
        rows.append(
            LocalTime(attendee=attendee, starts=starts, ends=ends, outside=is_outside_working_hours(starts, ends))
        )
    return rows


def candidate_starts(*, day, zone, step):
    """Every start time of `day` in `zone`, `step` apart, in UTC."""
    moment = datetime.datetime.combine(day, datetime.time(0), tzinfo=zone).astimezone(UTC)
    while moment.astimezone(zone).date() == day:
        yield moment
        moment += step


def suggest_slots(*, day, duration, attendees, zone, step=datetime.timedelta(minutes=30)):
    """The slots of `day` (in `zone`), fewest attendees outside working hours
    first, then earliest first."""
    slots = []
    for starts_at in candidate_starts(day=day, zone=zone, step=step):
        ends_at = starts_at + duration
        times = local_times(starts_at=starts_at, ends_at=ends_at, attendees=attendees)
        outside = tuple(row.attendee for row in times if row.outside)
        slots.append(Slot(starts_at=starts_at, ends_at=ends_at, outside=outside))
    return sorted(slots, key=lambda slot: (len(slot.outside), slot.starts_at))


def cohort(lab):
    """Whom a session of the lab should suit: each participant, in their own
    time zone, and each accepted member that has not named anyone with an
    account yet, in the member's time zone."""
    attendees, members_with_people, people = [], set(), set()
    for row in participations(lab=lab).order_by("pk"):
        members_with_people.add(row.interest.member_id)
        if row.person_id not in people:
            people.add(row.person_id)
            person = row.person
            attendees.append(Attendee(person.get_full_name(), row.interest.member.name, person.time_zone))
    accepted = Interest.objects.filter(lab=lab, state=InterestState.ACCEPTED).select_related("member")
    for interest in accepted.exclude(member_id__in=members_with_people).order_by("member__name"):
        attendees.append(Attendee("", interest.member.name, interest.member.time_zone))
    return sorted(attendees, key=lambda attendee: (attendee.member, attendee.name))
