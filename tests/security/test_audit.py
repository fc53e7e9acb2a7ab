"""Issue 10.8: the audit log records who did what to which record and when, and
cannot be edited from the portal."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from members import audit
from members.models import AuditEntry
from members.models_audit import AuditEntryChangeRefused
from members.roles import Role, grant_role, revoke_all_roles
from members.services import accept_invitation, anonymise_person
from tests.factories import TEST_PASSWORD, UserFactory
from tests.labs.factories import LabFactory, ProposalFactory
from tests.members.factories import InvitationFactory, LinkRequestFactory


def entries(**filters):
    """(action, actor email, target label, member name, detail) of the matching entries, oldest first."""
    return [
        (entry.action, entry.actor_label, entry.target_label, entry.member.name if entry.member else None, entry.detail)
        for entry in AuditEntry.objects.filter(**filters).select_related("member").order_by("pk")
    ]


def test_record_writes_an_entry_and_derives_member_lab_and_person(db, member_a, secretariat_admin):
    lab = LabFactory(code="SL7")
    link_request = LinkRequestFactory(person=UserFactory(email="asker@example.org"), member=member_a)

    on_request = audit.record(actor=secretariat_admin, action="link_request_approved", target=link_request, detail="ok")
    on_lab = audit.record(actor=None, action="proposal_decided", target=lab)
    explicit = audit.record(actor=None, action="proposal_decided", target=None, member=member_a, lab=lab)

    assert (on_request.member, on_request.lab, on_request.person.email) == (member_a, None, "asker@example.org")
    assert (on_request.actor, on_request.actor_label, on_request.detail) == (
        secretariat_admin,
        "admin@example.org",
        "ok",
    )
    assert (on_request.target_type, on_request.target_id) == ("members.linkrequest", str(link_request.pk))
    assert (on_lab.lab, on_lab.member, on_lab.actor) == (lab, None, None)
    assert (explicit.member, explicit.lab, explicit.target_label) == (member_a, lab, "")


def test_an_unknown_action_is_refused(db):
    with pytest.raises(ValueError, match="Unknown audit action 'stole_the_data'"):
        audit.record(actor=None, action="stole_the_data", target=None)


def test_an_entry_can_be_neither_changed_nor_deleted(db, member_a):
    entry = audit.record(actor=None, action="role_granted", target=member_a)

    entry.detail = "rewritten"
    with pytest.raises(AuditEntryChangeRefused):
        entry.save()
    with pytest.raises(AuditEntryChangeRefused):
        entry.delete()
    assert AuditEntry.objects.get(pk=entry.pk).detail == ""


def test_role_changes_are_recorded_however_they_are_made(db, member_a):
    person = UserFactory(email="paula@example.org", name="Paula", member=member_a)

    grant_role(person, Role.PARTICIPANT)
    grant_role(person, Role.PARTICIPANT)  # already held: nothing changes, nothing recorded
    Group.objects.get_or_create(name=Role.FOCAL_POINT)[0].user_set.add(person)
    person.groups.remove(Group.objects.get(name=Role.PARTICIPANT))
    revoke_all_roles(person)

    assert entries(person=person) == [
        ("role_granted", "", "Paula", "Member A", "Participant"),
        ("role_granted", "", "Paula", "Member A", "Focal point"),
        ("role_removed", "", "Paula", "Member A", "Participant"),
        ("role_removed", "", "Paula", "Member A", "Focal point"),
    ]


def test_a_decision_on_a_linking_request_records_the_decider(client, focal_point_a, member_a):
    person = UserFactory(email="asker@example.org", name="Asker")
    link_request = LinkRequestFactory(person=person, member=member_a, role=Role.PARTICIPANT)
    client.force_login(focal_point_a)

    client.post(reverse("members:link_request_detail", args=[link_request.pk]), {"decision": "approve", "note": "Hi"})

    assert entries(person=person) == [
        ("role_granted", "focal.a@example.org", "Asker", "Member A", "Participant"),
        ("link_request_approved", "focal.a@example.org", str(link_request), "Member A", "Hi"),
    ]
    assert AuditEntry.objects.filter(person=person).values_list("ip_address", flat=True).distinct().get() == (
        "127.0.0.1"
    )


def test_accepting_an_invitation_is_recorded(db, member_a):
    person = UserFactory(email="amina@example.org", name="Amina")
    invitation = InvitationFactory(email="amina@example.org", member=member_a, role=Role.FOCAL_POINT)

    accept_invitation(invitation=invitation, person=person)

    assert entries(action="invitation_accepted") == [
        ("invitation_accepted", "amina@example.org", str(invitation), "Member A", "Focal point")
    ]


def test_a_proposal_outcome_is_recorded(client, secretariat_admin, focal_point_a, member_a):
    proposal = ProposalFactory(proposer=focal_point_a, member=member_a, title="Heat")
    client.force_login(secretariat_admin)

    client.post(reverse("labs:decide_proposal", args=[proposal.pk]), {"status": "declined", "note": "Not now"})

    assert entries(action="proposal_decided") == [
        ("proposal_decided", "admin@example.org", "Heat", "Member A", "declined Not now")
    ]


def test_a_failed_sign_in_records_the_address_tried_never_the_password(client, db):
    person = UserFactory(email="officer@city.example")

    client.post(reverse("account_login"), {"login": "Officer@City.example", "password": "guess-number-one"})
    client.post(reverse("account_login"), {"login": "nobody@city.example", "password": "guess-number-two"})

    failures = AuditEntry.objects.filter(action="sign_in_failed").order_by("pk")
    assert [(entry.detail, entry.person, entry.actor) for entry in failures] == [
        ("officer@city.example", person, None),  # as allauth normalises it
        ("nobody@city.example", None, None),
    ]
    every_value = str(list(AuditEntry.objects.values()))
    assert "guess-number" not in every_value
    assert TEST_PASSWORD not in every_value


def test_anonymising_a_person_removes_their_name_and_addresses_from_the_log(db, member_a, client):
    person = UserFactory(email="paula@example.org", name="Paula", member=member_a, role=Role.PARTICIPANT)
    client.post(reverse("account_login"), {"login": "paula@example.org", "password": "wrong-password"})
    audit.record(actor=person, action="invitation_accepted", target=member_a)

    anonymise_person(person=person)

    every_value = str(list(AuditEntry.objects.values()))
    assert "paula@example.org" not in every_value
    assert "Paula" not in every_value
    assert AuditEntry.objects.filter(person=person).count() == 3  # granted, failed sign-in, removed at anonymisation
