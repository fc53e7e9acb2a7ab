"""Selection writes to the audit log (members.audit) inside each change."""

import pytest

from applications.enums import InterestState as S
from applications.selection import decisions, invitations
from members.models_audit import AuditEntry
from tests.applications.factories import InterestFactory
from tests.applications.selection.factories import FormalInvitationFactory, in_days

pytestmark = pytest.mark.django_db


def entries():
    mine = AuditEntry.objects.exclude(action__startswith="role_")  # granting roles to the cast is audited too
    return list(mine.order_by("pk").values_list("action", "actor", "member", "lab", "detail"))


def test_changes_invitations_notices_and_lapses_are_audited(member_a, lab, lab_coordinator):
    first = InterestFactory(member=member_a, lab=lab, state=S.PRESELECTED)
    lapsing = FormalInvitationFactory(respond_by=in_days(-1)).interest

    (invitation,) = invitations.invite_members(lab=lab, interests=[first], deadline=in_days(9), by=lab_coordinator)
    decisions.change_states(interests=[first], to=S.NOT_SELECTED, by=lab_coordinator, reason="Cohort full")
    decisions.send_not_selected_notices(interests=[first], by=lab_coordinator)
    invitations.lapse_unanswered()

    coordinator, member = lab_coordinator.pk, member_a.pk
    assert entries() == [
        ("interest_state_changed", coordinator, member, lab.pk, "preselected → invited"),
        ("formal_invitation_sent", coordinator, member, lab.pk, invitation.respond_by.isoformat()),
        ("interest_state_changed", coordinator, member, lab.pk, "invited → not_selected"),
        ("not_selected_notice_sent", coordinator, member, lab.pk, ""),
        ("interest_state_changed", None, lapsing.member_id, lapsing.lab_id, "invited → not_selected"),
    ]
