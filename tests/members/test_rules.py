"""The rules of members/rules.py, for every person of the cast."""

import pytest

from members import rules as member_rules
from tests.members.factories import InvitationFactory, LinkRequestFactory

CAST = ["secretariat_admin", "coordinator", "focal_point_a", "focal_point_b", "participant_a", "person_without_member"]


@pytest.fixture
def cast(request, member_a, member_b):
    return {name: request.getfixturevalue(name) for name in CAST}


def test_members_visible_to_each_role(cast, member_a, member_b):
    visible = {
        name: sorted(member_rules.members_visible_to(person).values_list("name", flat=True))
        for name, person in cast.items()
    }

    assert visible == {
        "secretariat_admin": ["Member A", "Member B"],
        "coordinator": [],
        "focal_point_a": ["Member A"],
        "focal_point_b": ["Member B"],
        "participant_a": [],
        "person_without_member": [],
    }


def test_people_visible_to_each_role(cast):
    visible = {
        name: sorted(member_rules.people_visible_to(person).values_list("email", flat=True))
        for name, person in cast.items()
    }

    assert visible["secretariat_admin"] == sorted(person.email for person in cast.values())
    assert visible["focal_point_a"] == ["focal.a@example.org", "participant.a@example.org"]
    assert visible["participant_a"] == ["participant.a@example.org"]
    assert visible["person_without_member"] == ["newcomer@example.org"]


def test_link_requests_and_invitations_visible_to_each_role(cast, member_a, member_b):
    request_a, request_b = LinkRequestFactory(member=member_a), LinkRequestFactory(member=member_b)
    invitation_a, invitation_b = InvitationFactory(member=member_a), InvitationFactory(member=member_b)

    def visible(helper, name):
        return set(helper(cast[name]))

    assert visible(member_rules.link_requests_visible_to, "secretariat_admin") == {request_a, request_b}
    assert visible(member_rules.link_requests_visible_to, "focal_point_a") == {request_a}
    assert visible(member_rules.link_requests_visible_to, "participant_a") == set()
    assert visible(member_rules.invitations_visible_to, "secretariat_admin") == {invitation_a, invitation_b}
    assert visible(member_rules.invitations_visible_to, "focal_point_b") == {invitation_b}
    assert visible(member_rules.invitations_visible_to, "coordinator") == set()


def test_permissions_of_each_role(cast, member_a, member_b):
    request_a = LinkRequestFactory(member=member_a)
    checks = [
        ("members.list_members", None),
        ("members.see_member", member_a),
        ("members.see_member", member_b),
        ("members.edit_member", member_a),
        ("members.decide_link_request", request_a),
        ("members.ask_to_be_linked", None),
    ]

    table = {name: [person.has_perm(perm, obj) for perm, obj in checks] for name, person in cast.items()}

    assert table == {
        "secretariat_admin": [True, True, True, True, True, False],
        "coordinator": [False, False, False, False, False, False],
        "focal_point_a": [False, True, False, False, True, False],
        "focal_point_b": [False, False, True, False, False, False],
        "participant_a": [False, False, False, False, False, False],
        "person_without_member": [False, False, False, False, False, True],
    }


def test_a_decided_request_cannot_be_decided(secretariat_admin, member_a):
    decided = LinkRequestFactory(member=member_a, status="approved")

    assert secretariat_admin.has_perm("members.decide_link_request", decided) is False


def test_the_secretariat_role_opens_the_administration_of_members(secretariat_admin, coordinator):
    assert secretariat_admin.is_staff is True
    assert secretariat_admin.has_module_perms("members") is True
    assert secretariat_admin.has_perm("members.change_member") is True
    assert coordinator.has_module_perms("members") is False
    assert coordinator.has_perm("members.change_member") is False


def test_a_focal_point_who_lost_their_member_is_no_longer_one(focal_point_a):
    focal_point_a.member = None
    focal_point_a.save()

    assert member_rules.is_focal_point(focal_point_a) is False
    assert list(member_rules.members_visible_to(focal_point_a)) == []
