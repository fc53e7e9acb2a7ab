"""The administration follows the same rules and services as the pages."""

from django.urls import reverse

from members.enums import LinkRequestStatus
from members.models import User
from members.roles import role_names
from tests.members.factories import LinkRequestFactory


def test_a_secretariat_admin_without_superuser_status_uses_the_administration(client, secretariat_admin, member_a):
    assert secretariat_admin.is_superuser is False
    client.force_login(secretariat_admin)

    index = client.get(reverse("admin:index"))
    changelist = client.get(reverse("admin:members_member_changelist"))

    assert index.status_code == 200
    assert "Members and people" in index.content.decode()
    assert [member.name for member in changelist.context["cl"].result_list] == ["Member A"]


def test_approving_in_the_administration_links_the_person(client, secretariat_admin, member_a):
    link_request = LinkRequestFactory(member=member_a, role="Participant")
    client.force_login(secretariat_admin)

    client.post(
        reverse("admin:members_linkrequest_changelist"),
        {"action": "approve", "_selected_action": [link_request.pk]},
    )

    link_request.refresh_from_db()
    assert (link_request.status, link_request.decided_by) == (LinkRequestStatus.APPROVED, secretariat_admin)
    assert link_request.person.member == member_a
    assert role_names(User.objects.get(pk=link_request.person.pk)) == {"Participant"}


def test_anonymising_in_the_administration_keeps_the_row(client, secretariat_admin, participant_a):
    client.force_login(secretariat_admin)

    client.post(
        reverse("admin:members_user_changelist"),
        {"action": "anonymise", "_selected_action": [participant_a.pk]},
    )

    person = User.objects.get(pk=participant_a.pk)
    assert (person.is_active, person.email) == (False, f"deleted-{participant_a.pk}@anonymised.invalid")
