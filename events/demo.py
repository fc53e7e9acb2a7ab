"""Demo sessions and travel support for `manage.py load_demo` (idempotent).

Bogotá takes part in SL9 (Supporting Caregivers): its expression of interest
goes through the whole selection to accepted, with Paula Participant named.
SL9 then has a past kick-off, two online discussions and its two alternative
onsite meetings (Istanbul in English, Dakar in French), a published document,
and travel support offered to Paula for Istanbul. Made through the services,
so the history and the messages are what the portal itself would make. Runs
after the members, the catalogue and the expressions of interest."""

import datetime

from django.utils import timezone

from applications import services as interests
from applications.enums import InterestState as S
from applications.transitions import change_state
from events import services
from events.enums import HOLDS_PLACE, SessionKind
from events.messages import welcome_participant
from events.models import LabDocument, Session, TravelSupport
from events.selectors import participation
from events.support import SupportItems, offer_travel_support
from labs.demo import DEMO_COORDINATOR
from labs.models import Lab
from members.models import User

LAB = "SL9"
FOCAL_POINT = "focal.point@bogota.example"
PARTICIPANT = "participant@bogota.example"
ANSWERS = {
    "motivation": "Bogotá's District Care System puts care at the centre of the city's planning.",
    "experience": "Care blocks that bring services for caregivers close to where they live.",
    "intends_to_attend_onsite": True,
    "asks_travel_support": True,
    "acknowledged_non_binding": True,
}
SELECTION = [
    (S.IN_CONVERSATION, "coordinator"),
    (S.PRESELECTED, "coordinator"),
    (S.INVITED, "coordinator"),
    (S.ACCEPTED, "focal_point"),
]


def load(stdout):
    lab = Lab.objects.filter(code=LAB).first()
    people = {
        "focal_point": User.objects.filter(email=FOCAL_POINT).select_related("member").first(),
        "coordinator": User.objects.filter(email=DEMO_COORDINATOR).first(),
        "participant": User.objects.filter(email=PARTICIPANT).first(),
    }
    if lab is None or None in people.values():
        stdout.write("Demo sessions: skipped (the catalogue or the demo people are missing).")
        return
    if not _accepted(lab, people):
        stdout.write(f"Demo sessions: skipped (Bogotá's interest in {LAB} is not accepted).")
        return
    sessions = _sessions(lab, people["coordinator"])
    _documents(lab, people["coordinator"], sessions["kick-off"])
    _support(lab, people, sessions["istanbul"])
    welcome_participant(participant=participation(person=people["participant"], lab=lab))
    stdout.write(f"Demo sessions: {Session.objects.filter(lab=lab).count()} sessions of {LAB}.")


def _accepted(lab, people):
    member = people["focal_point"].member
    interest = interests.existing_interest(member=member, lab=lab)
    if interest is None:
        participant = {
            "name": people["participant"].name,
            "email": PARTICIPANT,
            "position": "Director of care policy",
            "department": "Women's Affairs",
            "working_language": "es",
            "gender": "",
        }
        interest = interests.submit_interest(
            member=member, lab=lab, by=people["focal_point"], answers=ANSWERS, participants=[participant]
        )
        for state, who in SELECTION:
            change_state(interest=interest, to=state, by=people[who], reason="Demo")
    return interest.state == S.ACCEPTED


def _monday_in(weeks, hour):
    today = timezone.now().date()
    monday = today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(weeks=weeks)
    return datetime.datetime.combine(monday, datetime.time(hour), tzinfo=datetime.UTC)


def _sessions(lab, coordinator):
    workshops = {workshop.language: workshop for workshop in lab.workshops.all()}
    plans = {
        "kick-off": ("Kick-off: care at the centre of planning", SessionKind.ONLINE, -3, {}),
        "second": ("Online discussion: caregivers' time and income", SessionKind.ONLINE, 3, {}),
        "third": ("Online discussion: pilot projects", SessionKind.ONLINE, 8, {}),
        "istanbul": (
            "Onsite meeting in Istanbul",
            SessionKind.ONSITE,
            12,
            {
                "city": "Istanbul",
                "country": "TR",
                "venue": "Metropolis Istanbul office",
                "time_zone": "Europe/Istanbul",
            },
        ),
        "dakar": (
            "Onsite meeting in Dakar",
            SessionKind.ONSITE,
            20,
            {
                "city": "Dakar",
                "country": "SN",
                "venue": "Hôtel de Ville",
                "time_zone": "Africa/Dakar",
                "language": "fr",
            },
        ),
    }
    sessions = {}
    for key, (title, kind, weeks, extra) in plans.items():
        existing = Session.objects.filter(lab=lab, title=title).first()
        if existing:
            sessions[key] = existing
            continue
        starts = _monday_in(weeks, 13)
        fields = {"kind": kind, "title": title, "starts_at": starts, "language": "en", **extra}
        if kind == SessionKind.ONLINE:
            fields.update(ends_at=starts + datetime.timedelta(minutes=90), video_link="https://meet.example.org/sl9")
        else:
            fields.update(
                ends_at=starts + datetime.timedelta(days=2, hours=4),
                workshop=workshops.get(fields["language"]),
            )
        sessions[key] = services.create_session(lab=lab, by=coordinator, **fields)
    return sessions


def _documents(lab, coordinator, kick_off):
    if not LabDocument.objects.filter(lab=lab).exists():
        services.publish_document(
            lab=lab,
            by=coordinator,
            session=kick_off,
            title="Kick-off: conclusions",
            note="Care is infrastructure: each city will map where its caregivers live and what they lack.",
            link="https://www.metropolis.org/",
        )


def _support(lab, people, istanbul):
    participant = people["participant"]
    if TravelSupport.objects.filter(participant=participant, lab=lab, status__in=HOLDS_PLACE).exists():
        return
    items = SupportItems(airfare=True, accommodation_nights=3, local_transport=True, meals=True)
    offer_travel_support(participant=participant, lab=lab, session=istanbul, items=items, by=people["coordinator"])
