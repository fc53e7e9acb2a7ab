"""Fair scheduling on a known cohort: Bogotá (UTC−5), Dakar (UTC), Paris
(UTC+1 in March, no participant with an account yet) and Seoul (UTC+9)."""

import datetime
import zoneinfo

import pytest

from events.scheduling import Attendee, candidate_starts, cohort, is_outside_working_hours, local_times, suggest_slots
from tests.events.factories import accepted_interest, make_participant
from tests.factories import MemberFactory

UTC = datetime.UTC
DAY = datetime.date(2030, 3, 11)
NINETY_MINUTES = datetime.timedelta(minutes=90)


@pytest.fixture
def known_cohort(lab, laura, awa, paris):
    seoul = MemberFactory(name="Seoul", time_zone="Asia/Seoul")
    make_participant(lab=lab, member=seoul, name="Min-jun Kim", time_zone="Asia/Seoul")
    accepted_interest(lab=lab, member=paris)
    return cohort(lab)


def at(hour, minute=0):
    return datetime.datetime(2030, 3, 11, hour, minute, tzinfo=UTC)


def test_the_cohort_is_each_participant_and_each_member_without_one(known_cohort):
    assert known_cohort == [
        Attendee("Laura Gómez", "Bogotá", "America/Bogota"),
        Attendee("Awa Ndiaye", "Dakar", "Africa/Dakar"),
        Attendee("", "Paris", "Europe/Paris"),
        Attendee("Min-jun Kim", "Seoul", "Asia/Seoul"),
    ]


def test_local_times_of_a_slot_are_flagged_outside_working_hours(known_cohort):
    rows = local_times(starts_at=at(14), ends_at=at(15, 30), attendees=known_cohort)

    assert [(row.attendee.member, f"{row.starts:%a %H:%M}–{row.ends:%H:%M}", row.outside) for row in rows] == [
        ("Bogotá", "Mon 09:00–10:30", False),
        ("Dakar", "Mon 14:00–15:30", False),
        ("Paris", "Mon 15:00–16:30", False),
        ("Seoul", "Mon 23:00–00:30", True),
    ]


@pytest.mark.parametrize(
    ("starts", "ends", "outside"),
    [
        ("08:00", "09:30", False),
        ("18:30", "20:00", False),
        ("07:59", "09:00", True),
        ("18:31", "20:01", True),
        ("19:00", "00:30", True),
    ],
)
def test_working_hours_are_08_to_20_local(starts, ends, outside):
    zone = zoneinfo.ZoneInfo("Asia/Seoul")
    start = datetime.datetime.combine(DAY, datetime.time.fromisoformat(starts), tzinfo=zone)
    end = datetime.datetime.combine(DAY, datetime.time.fromisoformat(ends), tzinfo=zone)
    if end < start:
        end += datetime.timedelta(days=1)

    assert is_outside_working_hours(start, end) is outside


def test_suggested_slots_put_the_fewest_people_outside_working_hours(known_cohort):
    slots = suggest_slots(day=DAY, duration=NINETY_MINUTES, attendees=known_cohort, zone=zoneinfo.ZoneInfo("UTC"))

    ranked = [(f"{slot.starts_at:%H:%M}", [attendee.member for attendee in slot.outside]) for slot in slots]
    assert len(ranked) == 48
    assert ranked[:6] == [
        ("08:00", ["Bogotá"]),
        ("08:30", ["Bogotá"]),
        ("09:00", ["Bogotá"]),
        ("09:30", ["Bogotá"]),
        ("13:00", ["Seoul"]),
        ("13:30", ["Seoul"]),
    ]
    assert [start for start, outside in ranked if len(outside) == 1] == [
        "08:00", "08:30", "09:00", "09:30",
        "13:00", "13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00", "17:30",
    ]  # fmt: skip
    assert ranked[-1] == ("22:30", ["Dakar", "Paris", "Seoul"])


def test_slots_of_a_day_follow_the_zone_of_the_day():
    madrid = zoneinfo.ZoneInfo("Europe/Madrid")

    starts = list(candidate_starts(day=datetime.date(2030, 3, 31), zone=madrid, step=datetime.timedelta(minutes=30)))

    assert len(starts) == 46  # the day clocks go forward has 23 hours
    assert (starts[0], starts[-1]) == (
        datetime.datetime(2030, 3, 30, 23, 0, tzinfo=UTC),
        datetime.datetime(2030, 3, 31, 21, 30, tzinfo=UTC),
    )
