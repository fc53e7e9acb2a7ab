"""The labs app's rows of the permission matrix (see tests/members/matrix.py)."""

from labs.enums import LabStatus, ThemeSlug
from tests.labs.factories import LabFactory, ProposalFactory
from tests.members.matrix import LOGIN, Row, everyone, expect, secretariat_only, signed_in


def build(world):
    people = world.people
    world.lab_x = LabFactory(code="SLX")
    world.lab_x.coordinators.add(people["coordinator_x"])
    world.lab_y = LabFactory(code="SLY")
    world.lab_y.coordinators.add(people["coordinator_y"])
    world.draft_lab = LabFactory(code="SLD", status=LabStatus.DRAFT)
    world.proposal_a = ProposalFactory(proposer=people["focal_point_a"], member=world.member_a)


ROWS = [
    Row("labs:catalogue", everyone(200)),
    Row("labs:how_to_take_part", everyone(200)),
    Row("labs:theme", everyone(200), kwargs=lambda world: {"slug": ThemeSlug.GENDER_EQUITY}),
    Row("labs:lab", everyone(200), kwargs=lambda world: {"code": world.lab_x.code}),
    Row("labs:my_proposals", signed_in(200)),
    Row("labs:propose", signed_in(200)),
    Row("labs:review_proposals", secretariat_only()),
    # Only its proposer and the Secretariat see a proposal; to anyone else it does not exist.
    Row(
        "labs:proposal",
        expect(
            anonymous=LOGIN,
            no_member=404,
            focal_point_a=200,
            focal_point_b=404,
            participant_a=404,
            coordinator_x=404,
            coordinator_y=404,
            secretariat=200,
        ),
        kwargs=lambda world: {"pk": world.proposal_a.pk},
    ),
    # POST only; who may decide is tested in tests/labs/test_proposals.py.
    Row("labs:decide_proposal", signed_in(405), kwargs=lambda world: {"pk": world.proposal_a.pk}),
]
