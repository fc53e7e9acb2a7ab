"""The applications app's rows of the permission matrix (see tests/members/matrix.py).

The form and the dashboard are the focal points' (each for their own member);
an interest is seen by its member's focal points, the Secretariat and the
coordinators of its lab, and answers 404 to anyone else who may see interests."""

from applications.enums import InterestState
from tests.applications.factories import InterestFactory, NamedParticipantFactory, StateChangeFactory
from tests.members.matrix import LOGIN, Row, expect


def build(world):
    world.interest_a = InterestFactory(member=world.member_a, lab=world.lab_x, state=InterestState.SUBMITTED)
    NamedParticipantFactory(interest=world.interest_a)
    StateChangeFactory(interest=world.interest_a, by=world.people["focal_point_a"])


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
]
