"""The events app's rows of the permission matrix (see tests/members/matrix.py).

Lab V (SLV, coordinated by coordinator_x) has member A's accepted interest and
participant_a as its participant, with an online and an onsite session, an
uploaded document and participant_a's accepted travel support. A participant's
own pages (support, letter) answer 404 to everyone else who is signed in; the
coordinator's pages answer 403 to people who manage no lab and 404 to the
coordinator of another lab."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from applications.enums import InterestState
from events import services
from events.support import SupportItems, accept_travel_support, offer_travel_support
from tests.applications.factories import InterestFactory, NamedParticipantFactory
from tests.events.factories import OnsiteSessionFactory, SessionFactory
from tests.labs.factories import LabFactory, SupportPackageFactory
from tests.members.matrix import LOGIN, Row, everyone, expect, signed_in


def build(world):
    people = world.people
    world.lab_v = LabFactory(code="SLV")
    world.lab_v.coordinators.add(people["coordinator_x"])
    SupportPackageFactory(lab=world.lab_v)
    interest = InterestFactory(member=world.member_a, lab=world.lab_v, state=InterestState.ACCEPTED)
    NamedParticipantFactory(interest=interest, person=people["participant_a"], email=people["participant_a"].email)
    world.online_v = SessionFactory(lab=world.lab_v)
    world.onsite_v = OnsiteSessionFactory(lab=world.lab_v)
    world.document_v = services.publish_document(
        lab=world.lab_v,
        by=people["coordinator_x"],
        title="Slides",
        file=SimpleUploadedFile("slides.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf"),
    )
    support = offer_travel_support(
        participant=people["participant_a"],
        lab=world.lab_v,
        session=world.onsite_v,
        items=SupportItems(accommodation_nights=2),
        by=people["coordinator_x"],
    )
    world.support_v = accept_travel_support(
        support=support,
        by=people["participant_a"],
        arrival_date=datetime.date(2030, 6, 1),
        departure_date=datetime.date(2030, 6, 5),
        departure_city="Paris",
    )
    world.feed_token = services.calendar_feed_for(people["participant_a"]).token


def lab_v(world):
    return {"code": world.lab_v.code}


def support_v(world):
    return {"pk": world.support_v.pk}


# The participant's own support: theirs, their lab's coordinator's and the Secretariat's (letter).
ONLY_THE_PARTICIPANT = {**signed_in(404), "participant_a": 200}
THE_LABS_PEOPLE = {**signed_in(404), "participant_a": 200, "coordinator_x": 200, "secretariat": 200}
# The coordinator's pages of lab V.
LAB_V_MANAGERS = expect(
    anonymous=LOGIN,
    no_member=403,
    focal_point_a=403,
    focal_point_b=403,
    participant_a=403,
    coordinator_x=200,
    coordinator_y=404,
    secretariat=200,
)

ROWS = [
    Row("events:my_labs", signed_in(200)),
    Row("events:answer", signed_in(405), kwargs=lambda world: {"key": f"s{world.onsite_v.pk}"}),  # POST only
    Row("events:my_support", ONLY_THE_PARTICIPANT, kwargs=support_v),
    Row("events:support_letter", THE_LABS_PEOPLE, kwargs=support_v),
    Row("events:session_calendar", THE_LABS_PEOPLE, kwargs=lambda world: {"pk": world.online_v.pk}),
    Row("events:reset_calendar", signed_in(405)),  # POST only
    # The subscription address is the secret: calendar programs read it without signing in.
    Row("events:calendar_feed", everyone(200), kwargs=lambda world: {"token": world.feed_token}),
    Row("events:document", THE_LABS_PEOPLE, kwargs=lambda world: {"pk": world.document_v.pk}),
    Row(
        "events:manage_index",
        {**signed_in(403), "coordinator_x": 200, "coordinator_y": 200, "secretariat": 200},
    ),
    Row("events:lab_sessions", LAB_V_MANAGERS, kwargs=lab_v),
    Row("events:session_create", LAB_V_MANAGERS, kwargs=lab_v),
    Row("events:session_edit", LAB_V_MANAGERS, kwargs=lambda world: {"pk": world.online_v.pk}),
    Row("events:suggest_slots", LAB_V_MANAGERS, kwargs=lab_v),
    Row("events:document_create", LAB_V_MANAGERS, kwargs=lab_v),
    Row("events:support_overview", LAB_V_MANAGERS, kwargs=lab_v),
    Row("events:support_export", LAB_V_MANAGERS, kwargs=lab_v),
    Row("events:support_offer", LAB_V_MANAGERS, kwargs=lab_v),
    Row("events:support_detail", LAB_V_MANAGERS, kwargs=support_v),
]
