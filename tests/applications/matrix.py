"""The applications app's rows of the permission matrix (see tests/members/matrix.py).

The form and the dashboard are the focal points' (each for their own member);
an interest is seen by its member's focal points, the Secretariat and the
coordinators of its lab, and answers 404 to anyone else who may see interests.

Selection is the lab's coordinators' and the Secretariat's: another lab's
coordinator gets 404, everyone else 403. Answering an invitation and naming
participants are the member's focal points' (another member's: 404)."""

import datetime

from django.utils import timezone

from applications.enums import InterestState
from applications.models import Conversation, FormalInvitation
from tests.applications.factories import InterestFactory, NamedParticipantFactory, StateChangeFactory
from tests.labs.factories import LabFactory
from tests.members.matrix import LOGIN, Row, expect


def build(world):
    world.interest_a = InterestFactory(member=world.member_a, lab=world.lab_x, state=InterestState.SUBMITTED)
    NamedParticipantFactory(interest=world.interest_a)
    StateChangeFactory(interest=world.interest_a, by=world.people["focal_point_a"])
    Conversation.objects.create(
        interest=world.interest_a, held_on=timezone.localdate(), channel="call", notes="Talked about the lab."
    )
    world.invited_a = InterestFactory(member=world.member_a, lab=world.lab_y, state=InterestState.INVITED)
    FormalInvitation.objects.create(
        interest=world.invited_a,
        respond_by=timezone.now() + datetime.timedelta(days=10),
        commitments=["online_sessions", "share_experience"],
    )
    world.accepted_a = InterestFactory(member=world.member_a, lab=LabFactory(code="SLZ"), state=InterestState.ACCEPTED)


def interest_a(world):
    return {"pk": world.interest_a.pk}


FOCAL_POINTS_ONLY = expect(
    anonymous=LOGIN,
    no_member=403,
    focal_point_a=200,
    focal_point_b=200,
    participant_a=403,
    coordinator_x=403,
    coordinator_y=403,
    secretariat=403,
)
THE_MEMBERS_FOCAL_POINTS = {**FOCAL_POINTS_ONLY, "focal_point_b": 404}

SELECTION = expect(
    anonymous=LOGIN,
    no_member=403,
    focal_point_a=403,
    focal_point_b=403,
    participant_a=403,
    coordinator_x=200,
    coordinator_y=404,
    secretariat=200,
)


def lab_x(world):
    return {"code": world.lab_x.code}


ROWS = [
    Row("applications:dashboard", FOCAL_POINTS_ONLY),
    Row("applications:express_interest", FOCAL_POINTS_ONLY),
    Row(
        "applications:interest",
        expect(
            anonymous=LOGIN,
            no_member=403,
            focal_point_a=200,
            focal_point_b=404,
            participant_a=403,
            coordinator_x=200,
            coordinator_y=404,
            secretariat=200,
        ),
        kwargs=interest_a,
    ),
    Row("applications:edit_interest", THE_MEMBERS_FOCAL_POINTS, kwargs=interest_a),
    Row("applications:withdraw", THE_MEMBERS_FOCAL_POINTS, kwargs=interest_a),
    Row("applications:selection_home", {**SELECTION, "coordinator_y": 200}),
    Row("applications:every_lab_xlsx", {**SELECTION, "coordinator_y": 200}),  # their own labs' rows
    Row("applications:pipeline", SELECTION, kwargs=lab_x),
    Row("applications:pipeline_csv", SELECTION, kwargs=lab_x),
    Row("applications:pipeline_xlsx", SELECTION, kwargs=lab_x),
    Row("applications:cohort", SELECTION, kwargs=lab_x),
    Row("applications:selection_interest", SELECTION, kwargs=interest_a),
    Row("applications:answer_invitation", THE_MEMBERS_FOCAL_POINTS, kwargs=lambda world: {"pk": world.invited_a.pk}),
    Row("applications:participants", THE_MEMBERS_FOCAL_POINTS, kwargs=lambda world: {"pk": world.accepted_a.pk}),
]
