"""Selection under two requests at the same moment, on PostgreSQL."""

from django.core.exceptions import ValidationError

from applications.enums import InterestState as S
from applications.models import FormalInvitation, Interest, LabParticipant, StateChange
from applications.selection import invitations, participants
from members.roles import Role
from tests.applications.factories import InterestFactory
from tests.applications.selection.factories import in_days
from tests.applications.test_concurrency import pytestmark as on_postgresql
from tests.applications.test_concurrency import run_together
from tests.factories import UserFactory

pytestmark = on_postgresql


def test_two_focal_points_naming_the_last_place_at_once_name_one(member_a, focal_point_a, colleague_a, lab):
    lab.participants_per_member = 1
    lab.save()
    interest = InterestFactory(member=member_a, lab=lab, state=S.ACCEPTED)

    def name(by, email):
        return lambda: participants.name_participant(interest=interest, by=by, details={"name": email, "email": email})

    results = run_together(name(focal_point_a, "one@city.example"), name(colleague_a, "two@city.example"))

    assert sorted(type(result).__name__ for result in results) == ["LabParticipant", "ValidationError"]
    assert isinstance([r for r in results if not isinstance(r, LabParticipant)][0], ValidationError)
    assert LabParticipant.objects.count() == 1


def test_two_coordinators_inviting_the_same_member_at_once_send_one_invitation(member_a, lab, lab_coordinator):
    second = UserFactory(email="ali@secretariat.example", role=Role.COORDINATOR)
    lab.coordinators.add(second)
    interest = InterestFactory(member=member_a, lab=lab, state=S.PRESELECTED)

    def invite(by):
        return lambda: invitations.invite_members(lab=lab, interests=[interest], deadline=in_days(9), by=by)

    results = run_together(invite(lab_coordinator), invite(second))

    assert sorted(type(result).__name__ for result in results) == ["DecisionRefused", "list"]
    assert FormalInvitation.objects.count() == 1
    assert Interest.objects.get(pk=interest.pk).state == S.INVITED
    assert StateChange.objects.filter(interest=interest).count() == 1
