"""Issue 10.4: a form given fields it does not show (state, member, staff status,
funding...) ignores them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from labs.enums import ProposalStatus
from labs.models import LabProposal, Theme
from members.enums import LinkRequestStatus
from members.models import LinkRequest, Member, User
from members.roles import Role, role_names
from tests.factories import UserFactory
from tests.labs.factories import ProposalFactory
from tests.members.factories import InvitationFactory, LinkRequestFactory

NEW_PASSWORD = "green-metropolis-2024"


@pytest.fixture
def extra(member_b, secretariat_admin):
    """Fields no public form shows, with values an attacker would like."""
    return {
        "state": "accepted",
        "status": "approved",
        "member": member_b.pk,
        "is_staff": "on",
        "is_superuser": "on",
        "is_active": "on",
        "groups": ["1", "2"],
        "funded": "on",
        "email": "attacker@evil.example",
        "person": secretariat_admin.pk,
        "proposer": secretariat_admin.pk,
        "decided_by": secretariat_admin.pk,
        "role": Role.FOCAL_POINT,
        "anonymised_at": "2020-01-01",
    }


def test_the_profile_form_ignores_extra_fields(client, participant_a, member_a, extra):
    client.force_login(participant_a)
    fields = {"name": "Paula", "position": "", "department": "", "preferred_language": "en", "time_zone": "UTC"}

    response = client.post(reverse("members:profile"), {**extra, **fields})

    assert response.status_code == 302
    participant_a.refresh_from_db()
    assert (participant_a.name, participant_a.email, participant_a.member) == (
        "Paula",
        "participant.a@example.org",
        member_a,
    )
    assert (participant_a.is_staff, participant_a.is_superuser, participant_a.anonymised_at) == (False, False, None)
    assert role_names(participant_a) == {Role.PARTICIPANT}


def test_the_proposal_form_ignores_extra_fields(client, focal_point_a, member_a, extra):
    client.force_login(focal_point_a)
    theme = Theme.objects.get(slug="metropolitan-ecosystems")
    fields = {"title": "Urban heat", "themes": [theme.pk], "challenge": "Heat.", "languages": ["en"]}

    response = client.post(reverse("labs:propose"), {**extra, **fields})

    assert response.status_code == 302
    proposal = LabProposal.objects.get()
    assert (proposal.status, proposal.proposer, proposal.member, proposal.decided_by) == (
        ProposalStatus.SUBMITTED,
        focal_point_a,
        member_a,
        None,
    )


def test_the_proposal_outcome_form_changes_only_the_outcome(client, secretariat_admin, focal_point_a, member_a, extra):
    proposal = ProposalFactory(proposer=focal_point_a, member=member_a, title="Heat")
    client.force_login(secretariat_admin)

    response = client.post(
        reverse("labs:decide_proposal", kwargs={"pk": proposal.pk}),
        {**extra, "status": "declined", "title": "Renamed", "note": "Not now"},
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.title, proposal.proposer, proposal.member) == (
        ProposalStatus.DECLINED,
        "Heat",
        focal_point_a,
        member_a,
    )


def test_the_linking_request_form_ignores_extra_fields(client, person_without_member, member_a, extra):
    client.force_login(person_without_member)
    fields = {"member": member_a.pk, "role": Role.PARTICIPANT, "message": "Mobility advisor"}

    response = client.post(reverse("members:ask_to_be_linked"), {**extra, **fields})

    assert response.status_code == 302
    link_request = LinkRequest.objects.get()
    assert (link_request.person, link_request.status, link_request.decided_by) == (
        person_without_member,
        LinkRequestStatus.PENDING,
        None,
    )
    person_without_member.refresh_from_db()
    assert (person_without_member.member, person_without_member.is_staff) == (None, False)
    assert role_names(person_without_member) == frozenset()


def test_the_linking_decision_gives_the_member_and_role_asked_for_only(client, focal_point_a, member_a, extra):
    person = UserFactory(email="asker@example.org")
    link_request = LinkRequestFactory(person=person, member=member_a, role=Role.PARTICIPANT)
    client.force_login(focal_point_a)

    response = client.post(
        reverse("members:link_request_detail", args=[link_request.pk]), {**extra, "decision": "approve", "note": ""}
    )

    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.member, person.is_staff, person.is_superuser) == (member_a, False, False)
    assert role_names(person) == {Role.PARTICIPANT}


def test_accepting_an_invitation_ignores_extra_fields(client, member_a, extra):
    invitation = InvitationFactory(email="invited@example.org", member=member_a, role=Role.PARTICIPANT)
    fields = {"name": "Ines", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}

    response = client.post(reverse("members:accept_invitation", args=[invitation.token]), {**extra, **fields})

    assert response.status_code == 302
    person = User.objects.get(email="invited@example.org")
    assert (person.name, person.member, person.is_staff, person.is_superuser) == ("Ines", member_a, False, False)
    assert role_names(person) == {Role.PARTICIPANT}
    assert not User.objects.filter(email="attacker@evil.example").exists()


def test_the_member_import_takes_only_the_file(client, secretariat_admin, extra):
    client.force_login(secretariat_admin)
    rows = "name,country,region,income_group,income_group_year,status,kind,time_zone\n"
    rows += "City of Dakar,SN,africa,lower-middle,2024,member,city,Africa/Dakar\n"
    upload = SimpleUploadedFile("members.csv", rows.encode(), content_type="text/csv")

    client.post(reverse("members:member_import"), {**extra, "file": upload, "income_group": "high"})
    response = client.post(reverse("members:member_import_confirm"), {**extra, "status": "lapsed", "rows": "[]"})

    assert response.status_code == 302
    dakar = Member.objects.get(name="City of Dakar")
    assert (dakar.status, dakar.income_group, dakar.region) == ("member", "lower_middle", "africa")
    assert sorted(Member.objects.values_list("name", flat=True)) == ["City of Dakar", "Member B"]
