"""A metro-scale data set, written with bulk inserts.

At scale 1: 1,500 members, 4,000 people, 100 labs over 10 editions, 20,000
expressions of interest with their state histories, 1,000 sessions, 5,000
lab participants and 2,000 travel support records. `scale` shrinks every
count (the query-count tests use it at 1% and 3%). The data set is
deterministic (a seeded generator), so two runs measure the same pages.

The tables must be empty of portal data (a fresh database, migrated): the
bench runner creates one; the tests use pytest-django's.

    python -m bench generate [--scale 1.0]
"""

import datetime
import random
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from applications.enums import InterestState as S
from applications.models import (
    Conversation,
    FormalInvitation,
    Interest,
    LabParticipant,
    NamedParticipant,
    StateChange,
    WaitingListEntry,
)
from events.enums import SessionKind, SupportStatus
from events.models import CalendarFeed, Session, SupportChange, TravelSupport
from labs.enums import LabStatus
from labs.models import CatalogueVersion, Edition, KeyQuestion, Lab, OnsiteWorkshop, SupportPackage, Theme
from members.enums import IncomeGroup, Language, MemberKind, MembershipStatus, WorldRegion
from members.models import Member, User
from members.roles import Role

BATCH = 2000
SEED = 20260
BENCH_EMAIL_DOMAIN = "bench.example"
# The people the bench signs in as (and the tests look up).
FOCAL_POINT_EMAIL = f"focal.point.0@{BENCH_EMAIL_DOMAIN}"
COORDINATOR_EMAIL = f"coordinator.0@{BENCH_EMAIL_DOMAIN}"
PARTICIPANT_EMAIL = f"participant.0@{BENCH_EMAIL_DOMAIN}"
SECRETARIAT_EMAIL = f"secretariat@{BENCH_EMAIL_DOMAIN}"
TOTP_SECRET = "BENCHBENCHBENCHBENCHBENCHBENCH23"  # nosec B105  (a benchmark's throwaway account)

FULL = {
    "members": 1500,
    "people": 4000,
    "labs": 100,
    "editions": 10,
    "interests": 20000,
    "sessions_per_lab": 10,
    "accepted_per_lab": 25,
    "supports": 2000,
    "coordinators": 10,
}
# The largest lab gathers this share of the members' interests.
LARGEST_SHARE = 0.7
# The bench member (whose focal point's dashboard is measured) is accepted in this many labs.
BENCH_MEMBER_ACCEPTED = 20
COUNTRIES = ["CO", "SN", "FR", "ES", "MX", "BR", "IN", "ZA", "TR", "KR", "CA", "US", "EG", "KE", "ID", "AR"]
ZONES = ["America/Bogota", "Africa/Dakar", "Europe/Paris", "Asia/Seoul", "America/Mexico_City", "UTC"]
LANGS = ["en", "fr", "es", "pt", "ar", "zh"]
WORDS = [
    "water",
    "mobility",
    "housing",
    "climate",
    "finance",
    "data",
    "youth",
    "gender",
    "heat",
    "coast",
    "transit",
    "waste",
    "energy",
    "green",
]
# How far along the workflow each state is, for the history written before it.
PATHS = {
    S.DRAFT: [S.DRAFT],
    S.SUBMITTED: [S.DRAFT, S.SUBMITTED],
    S.IN_CONVERSATION: [S.DRAFT, S.SUBMITTED, S.IN_CONVERSATION],
    S.PRESELECTED: [S.DRAFT, S.SUBMITTED, S.IN_CONVERSATION, S.PRESELECTED],
    S.INVITED: [S.DRAFT, S.SUBMITTED, S.IN_CONVERSATION, S.PRESELECTED, S.INVITED],
    S.ACCEPTED: [S.DRAFT, S.SUBMITTED, S.IN_CONVERSATION, S.PRESELECTED, S.INVITED, S.ACCEPTED],
    S.DECLINED: [S.DRAFT, S.SUBMITTED, S.IN_CONVERSATION, S.PRESELECTED, S.INVITED, S.DECLINED],
    S.NOT_SELECTED: [S.DRAFT, S.SUBMITTED, S.IN_CONVERSATION, S.NOT_SELECTED],
    S.WITHDRAWN: [S.DRAFT, S.SUBMITTED, S.WITHDRAWN],
}
# The states of the interests outside each lab's accepted cohort, drawn with these weights.
OTHER_STATES = [
    (S.DRAFT, 2),
    (S.SUBMITTED, 6),
    (S.IN_CONVERSATION, 3),
    (S.PRESELECTED, 1),
    (S.INVITED, 1),
    (S.DECLINED, 1),
    (S.NOT_SELECTED, 3),
    (S.WITHDRAWN, 1),
]


@dataclass
class Counts:
    """What was written, table by table."""

    rows: dict = field(default_factory=dict)

    def add(self, name, objects):
        self.rows[name] = self.rows.get(name, 0) + len(objects)
        return objects


def sizes(scale):
    def scaled(name, least):
        return max(least, round(FULL[name] * scale))

    return {
        "members": scaled("members", 30),
        "people": scaled("people", 60),
        "labs": scaled("labs", 10),
        "editions": FULL["editions"],
        "interests": scaled("interests", 200),
        "sessions_per_lab": FULL["sessions_per_lab"],
        "accepted_per_lab": scaled("accepted_per_lab", 3),
        "supports": scaled("supports", 20),
        "coordinators": scaled("coordinators", 2),
    }


def bulk(model, objects, counts, name=None):
    created = model.objects.bulk_create(objects, batch_size=BATCH)
    counts.add(name or model.__name__, created)
    return created


@transaction.atomic
def generate(*, scale=1.0, seed=SEED, now=None):
    """Writes the data set; returns a Counts of the rows written per table."""
    if Member.objects.exists() or Lab.objects.exists():
        raise RuntimeError("The bench data set goes into an empty database (create and migrate a new one).")
    rng = random.Random(seed)  # noqa: S311  (made-up data, reproducible on purpose)
    now = now or timezone.now()
    size = sizes(scale)
    counts = Counts()
    password = make_password(None)  # nobody signs in with a password: the bench makes sessions itself
    groups = {role: Group.objects.get_or_create(name=role)[0] for role in Role.values}

    members = bulk(
        Member,
        [
            Member(
                name=f"Metropolis {number:04d}",
                country=COUNTRIES[number % len(COUNTRIES)],
                region=WorldRegion.values[number % len(WorldRegion.values)],
                income_group=IncomeGroup.values[number % len(IncomeGroup.values)],
                income_group_year=2024,
                status=MembershipStatus.MEMBER if number % 10 else MembershipStatus.NON_MEMBER,
                kind=MemberKind.values[number % len(MemberKind.values)],
                time_zone=ZONES[number % len(ZONES)],
            )
            for number in range(size["members"])
        ],
        counts,
    )

    # People: a Secretariat admin, the coordinators, one focal point per member, the rest participants
    # spread over the members.
    people = [User(email=SECRETARIAT_EMAIL, name="Secretariat Admin", password=password, is_staff=True)]
    coordinators = [
        User(
            email=f"coordinator.{number}@{BENCH_EMAIL_DOMAIN}",
            name=f"Coordinator {number}",
            password=password,
            is_staff=True,
        )
        for number in range(size["coordinators"])
    ]
    people += coordinators
    focal_points = [
        User(
            email=f"focal.point.{number}@{BENCH_EMAIL_DOMAIN}",
            name=f"Focal Point {number}",
            password=password,
            member=member,
            preferred_language=Language.values[number % 3],
            time_zone=member.time_zone,
        )
        for number, member in enumerate(members)
    ]
    people += focal_points
    participant_count = size["people"] - len(people)
    participants = [
        User(
            email=f"participant.{number}@{BENCH_EMAIL_DOMAIN}",
            name=f"Participant {number}",
            password=password,
            member=members[number % len(members)],
            preferred_language=Language.values[number % 3],
            time_zone=ZONES[number % len(ZONES)],
            gender=["woman", "man", "non_binary", ""][number % 4],
        )
        for number in range(participant_count)
    ]
    people += participants
    people = bulk(User, people, counts)
    secretariat, people = people[0], people[1:]
    coordinators, focal_points, participants = (
        people[: len(coordinators)],
        people[len(coordinators) : len(coordinators) + len(focal_points)],
        people[len(coordinators) + len(focal_points) :],
    )
    through = User.groups.through
    bulk(
        through,
        [through(user_id=secretariat.pk, group_id=groups[Role.SECRETARIAT].pk)]
        + [through(user_id=user.pk, group_id=groups[Role.COORDINATOR].pk) for user in coordinators]
        + [through(user_id=user.pk, group_id=groups[Role.FOCAL_POINT].pk) for user in focal_points]
        + [through(user_id=user.pk, group_id=groups[Role.PARTICIPANT].pk) for user in participants],
        counts,
        "role",
    )
    _authenticators([secretariat, *coordinators], counts)
    people_of_member = {}
    for person in participants:
        people_of_member.setdefault(person.member_id, []).append(person)

    # The catalogue: editions a year apart, the last one the current year's; the last lab is the largest.
    editions = bulk(
        Edition,
        [
            Edition(
                title=f"Bench catalogue {now.year - size['editions'] + 1 + number}",
                year=now.year - size["editions"] + 1 + number,
                published_on=datetime.date(now.year - size["editions"] + 1 + number, 1, 15),
                is_published=True,
            )
            for number in range(size["editions"])
        ],
        counts,
    )
    labs = []
    for number in range(size["labs"]):
        edition = editions[min(number * len(editions) // size["labs"], len(editions) - 1)]
        current = edition.year == now.year
        words = rng.sample(WORDS, 3)
        labs.append(
            Lab(
                edition=edition,
                code=f"B{number + 1:03d}",
                position=number,
                title=f"Metropolitan {words[0]} and {words[1]}",
                summary=f"How metropolitan governments handle {' '.join(words)}. " * 4,
                target_participants="Officers in charge of the matter.",
                number_of_online_discussions=4,
                commitment="Take part in every session.",
                estimated_timeline="A year.",
                status=(LabStatus.SELECTING if number % 2 else LabStatus.OPEN) if current else LabStatus.CLOSED,
                interest_deadline=datetime.date(edition.year, 6, 30),
                target_cohort_size=size["accepted_per_lab"],
                participants_per_member=2,
            )
        )
    labs = bulk(Lab, labs, counts)
    largest = labs[-1]
    largest.status = LabStatus.SELECTING
    largest.save(update_fields=["status"])
    themes = list(Theme.objects.all())
    bulk(
        Lab.themes.through,
        [
            Lab.themes.through(lab_id=lab.pk, theme_id=themes[(i + k) % len(themes)].pk)
            for i, lab in enumerate(labs)
            for k in range(2)
        ],
        counts,
        "lab theme",
    )
    bulk(
        Lab.working_languages.through,
        [
            Lab.working_languages.through(lab_id=lab.pk, workinglanguage_id=LANGS[(i + k) % len(LANGS)])
            for i, lab in enumerate(labs)
            for k in range(2)
        ],
        counts,
        "lab language",
    )
    bulk(
        Lab.coordinators.through,
        [
            Lab.coordinators.through(lab_id=lab.pk, user_id=coordinators[i % len(coordinators)].pk)
            for i, lab in enumerate(labs)
        ],
        counts,
        "lab coordinator",
    )
    bulk(
        KeyQuestion,
        [
            KeyQuestion(lab=lab, text=f"How do you handle {w}?", position=k)
            for lab in labs
            for k, w in enumerate(WORDS[:3])
        ],
        counts,
    )
    workshops = bulk(
        OnsiteWorkshop,
        [
            OnsiteWorkshop(
                lab=lab,
                city=f"City {k}",
                country=COUNTRIES[(i + k) % len(COUNTRIES)],
                period=f"Quarter {k + 3} {lab.edition.year}",
                alternative_group=1 if i % 3 == 0 else None,
                position=k,
            )
            for i, lab in enumerate(labs)
            for k in range(2)
        ],
        counts,
    )
    bulk(
        SupportPackage,
        [
            SupportPackage(lab=lab, has_travel_support=bool(i % 2), airfare=True, accommodation_nights=3, meals=True)
            for i, lab in enumerate(labs)
        ],
        counts,
    )

    interests = _interests(rng, size, members, labs, focal_points, now)
    interests = bulk(Interest, interests, counts)
    _histories(rng, interests, coordinators, focal_points, members, counts, now)
    accepted = [interest for interest in interests if interest.state == S.ACCEPTED]
    participations = _participants(accepted, people_of_member, members, counts)

    sessions = _sessions(labs, workshops, now, counts)
    _supports(rng, size, sessions, participations, coordinators, counts)
    bench_participant = next(person for person in participants if person.email == PARTICIPANT_EMAIL)
    bulk(CalendarFeed, [CalendarFeed(person=bench_participant)], counts)
    CatalogueVersion.bump()
    return counts


def _authenticators(staff, counts):
    from allauth.mfa.totp.internal.auth import TOTP

    for user in staff:
        TOTP.activate(user, TOTP_SECRET)
    counts.add("Authenticator", staff)


def _interests(rng, size, members, labs, focal_points, now):
    """(member, lab) pairs, each once: the bench member in every lab, the
    largest lab with LARGEST_SHARE of the members, the rest spread evenly."""
    total = size["interests"]
    largest = labs[-1]
    focal_point_of = {person.member_id: person for person in focal_points}
    per_lab = {largest.pk: min(len(members), round(len(members) * LARGEST_SHARE))}
    others = labs[:-1]
    remaining = total - per_lab[largest.pk]
    for i, lab in enumerate(others):
        per_lab[lab.pk] = min(len(members), remaining // len(others) + (1 if i < remaining % len(others) else 0))
    bench_member = members[0]
    accepted_labs = {lab.pk for lab in labs[-BENCH_MEMBER_ACCEPTED:]}
    states, weights = zip(*OTHER_STATES, strict=True)
    rows = []
    for lab in labs:
        chosen = [bench_member] + rng.sample(members[1:], per_lab[lab.pk] - 1)
        accepted_left = size["accepted_per_lab"]
        for member in chosen:
            if member is bench_member:
                state = S.ACCEPTED if lab.pk in accepted_labs else rng.choices(states, weights)[0]
            elif accepted_left > 0:
                state = S.ACCEPTED
            else:
                state = rng.choices(states, weights)[0]
            if state == S.ACCEPTED:
                accepted_left -= 1
            submitted = state != S.DRAFT
            rows.append(
                Interest(
                    member=member,
                    lab=lab,
                    state=state,
                    motivation=f"{member.name} works on {rng.choice(WORDS)}.",
                    experience="Ten years of practice.",
                    intends_to_attend_onsite=rng.choice([True, False, None]),
                    asks_travel_support=rng.random() < 0.4,
                    acknowledged_non_binding=True,
                    created_by=focal_point_of[member.pk],
                    submitted_at=now - datetime.timedelta(days=rng.randint(1, 3000)) if submitted else None,
                )
            )
    return rows


def _histories(rng, interests, coordinators, focal_points, members, counts, now):
    focal_point_of = {person.member_id: person for person in focal_points}
    coordinator_of = {}
    for lab_id, user_id in Lab.coordinators.through.objects.values_list("lab_id", "user_id"):
        coordinator_of[lab_id] = user_id
    changes, invitations, conversations, waiting = [], [], [], []
    waiting_position = {}
    for interest in interests:
        path = PATHS[S(interest.state)]
        previous = ""
        for state in path:
            by_member = state in (S.DRAFT, S.SUBMITTED, S.WITHDRAWN, S.ACCEPTED, S.DECLINED)
            changes.append(
                StateChange(
                    interest=interest,
                    from_state=previous,
                    to_state=state,
                    by_id=focal_point_of[interest.member_id].pk if by_member else coordinator_of[interest.lab_id],
                    reason="" if by_member else "Balanced cohort.",
                )
            )
            previous = state
        if S.IN_CONVERSATION in path:
            conversations.append(
                Conversation(
                    interest=interest,
                    held_on=(now - datetime.timedelta(days=rng.randint(1, 900))).date(),
                    channel="call",
                    notes="Talked about the lab.",
                    next_step="Send the cohort plan." if interest.state == S.IN_CONVERSATION else "",
                    logged_by_id=coordinator_of[interest.lab_id],
                )
            )
        if S.INVITED in path:
            answered = interest.state in (S.ACCEPTED, S.DECLINED)
            invitations.append(
                FormalInvitation(
                    interest=interest,
                    respond_by=now + datetime.timedelta(days=14),
                    commitments=["online_sessions"],
                    sent_by_id=coordinator_of[interest.lab_id],
                    answered_by_id=focal_point_of[interest.member_id].pk if answered else None,
                    answered_at=now - datetime.timedelta(days=2) if answered else None,
                    accepted_commitments=["online_sessions"] if interest.state == S.ACCEPTED else [],
                )
            )
        if interest.state == S.IN_CONVERSATION and rng.random() < 0.2:
            position = waiting_position[interest.lab_id] = waiting_position.get(interest.lab_id, 0) + 1
            waiting.append(
                WaitingListEntry(
                    lab_id=interest.lab_id,
                    interest=interest,
                    position=position,
                    added_by_id=coordinator_of[interest.lab_id],
                )
            )
    bulk(StateChange, changes, counts)
    bulk(FormalInvitation, invitations, counts)
    bulk(Conversation, conversations, counts)
    bulk(WaitingListEntry, waiting, counts)


def _participants(accepted, people_of_member, members, counts):
    """Two people per accepted interest, named in the expression of interest
    and again after accepting (an account when the member has one, else an
    invited address). Returns (interest, person) of the linked ones."""
    named, confirmed, linked = [], [], []
    for interest in accepted:
        accounts = people_of_member.get(interest.member_id, [])
        for sequence in range(2):
            person = accounts[sequence] if sequence < len(accounts) else None
            email = person.email if person else f"invited.{interest.pk}.{sequence}@{BENCH_EMAIL_DOMAIN}"
            name = person.name if person else f"Invited {interest.pk}.{sequence}"
            language = LANGS[(interest.pk + sequence) % 3]
            named.append(
                NamedParticipant(
                    interest=interest,
                    name=name,
                    position="Officer",
                    department="International relations",
                    email=email,
                    working_language=language,
                    gender=person.gender if person else "",
                    person=person,
                    sequence=sequence,
                )
            )
            confirmed.append(
                LabParticipant(
                    interest=interest,
                    person=person,
                    name=name,
                    email=email,
                    position="Officer",
                    working_language=language,
                    gender=person.gender if person else "",
                    named_by_id=interest.created_by_id,
                )
            )
            if person:
                linked.append((interest, person))
    bulk(NamedParticipant, named, counts)
    bulk(LabParticipant, confirmed, counts)
    return linked


def _sessions(labs, workshops, now, counts):
    """Ten sessions per lab over its edition's year (the current edition's from ten days on):
    eight online discussions and the two onsite workshops."""
    workshops_of = {}
    for workshop in workshops:
        workshops_of.setdefault(workshop.lab_id, []).append(workshop)
    rows = []
    for lab in labs:
        if lab.edition.year == now.year:
            start = now + datetime.timedelta(days=10)
        else:
            start = datetime.datetime(lab.edition.year, 2, 1, 14, tzinfo=datetime.UTC)
        for number in range(8):
            starts_at = start + datetime.timedelta(days=30 * number)
            rows.append(
                Session(
                    lab=lab,
                    kind=SessionKind.ONLINE,
                    title=f"Online discussion {number + 1}",
                    starts_at=starts_at,
                    ends_at=starts_at + datetime.timedelta(hours=2),
                    video_link="https://meet.example.org/bench",
                    language="en",
                )
            )
        for number, workshop in enumerate(workshops_of[lab.pk]):
            starts_at = start + datetime.timedelta(days=250 + number)
            rows.append(
                Session(
                    lab=lab,
                    kind=SessionKind.ONSITE,
                    title=f"Onsite workshop in {workshop.city}",
                    starts_at=starts_at,
                    ends_at=starts_at + datetime.timedelta(days=2),
                    time_zone="Europe/Paris",
                    venue="City hall",
                    city=workshop.city,
                    country=workshop.country,
                    workshop=workshop,
                )
            )
    return bulk(Session, rows, counts)


def _supports(rng, size, sessions, participations, coordinators, counts):
    """Travel support for participants of accepted members to their lab's onsite sessions."""
    onsite_of = {}
    for session in sessions:
        if session.kind == SessionKind.ONSITE:
            onsite_of.setdefault(session.lab_id, []).append(session)
    pairs = [
        (interest, person, session) for interest, person in participations for session in onsite_of[interest.lab_id]
    ]
    rng.shuffle(pairs)
    statuses = [SupportStatus.OFFERED, SupportStatus.ACCEPTED, SupportStatus.BOOKED, SupportStatus.DECLINED]
    rows = [
        TravelSupport(
            lab_id=interest.lab_id,
            session=session,
            participant=person,
            member_id=interest.member_id,
            status=statuses[number % len(statuses)],
            airfare=True,
            accommodation_nights=3,
            meals=True,
            offered_by_id=coordinators[0].pk,
        )
        for number, (interest, person, session) in enumerate(pairs[: size["supports"]])
    ]
    supports = bulk(TravelSupport, rows, counts)
    bulk(
        SupportChange,
        [
            SupportChange(support=support, to_status=SupportStatus.OFFERED, by_id=coordinators[0].pk)
            for support in supports
        ],
        counts,
    )


def main(argv=None):
    import argparse
    import time

    parser = argparse.ArgumentParser(prog="python -m bench generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    started = time.monotonic()
    counts = generate(scale=args.scale)
    elapsed = time.monotonic() - started
    for name, count in counts.rows.items():
        print(f"  {name:<22}{count:>8}")
    print(f"Generated in {elapsed:.1f} s")
    return elapsed
