"""Issue 10.4: pages with personal data may be stored by neither browsers nor proxies."""

import pytest
from django.urls import reverse

from members.audit import record
from tests.labs.factories import LabFactory, ProposalFactory
from tests.members.factories import InvitationFactory, LinkRequestFactory

PRIVATE = "private, no-store"  # what the portal adds; pages marked never_cache say more


def directives(response):
    return set(response.get("Cache-Control", "").split(", ")) - {""}


@pytest.fixture
def pages(member_a, focal_point_a, person_without_member, secretariat_admin):
    link_request = LinkRequestFactory(person=person_without_member, member=member_a)
    proposal = ProposalFactory(proposer=focal_point_a, member=member_a)
    invitation = InvitationFactory(email="invited@example.org", member=member_a)
    record(actor=secretariat_admin, action="role_granted", target=member_a)
    return {
        "profile": ("participant_a", reverse("members:profile")),
        "data download": ("participant_a", reverse("members:download_my_data")),
        "member page": ("focal_point_a", reverse("members:member_detail", kwargs={"pk": member_a.pk})),
        "member list": ("secretariat_admin", reverse("members:member_list")),
        "linking requests": ("focal_point_a", reverse("members:link_request_list")),
        "linking request": ("focal_point_a", reverse("members:link_request_detail", kwargs={"pk": link_request.pk})),
        "ask to be linked": ("person_without_member", reverse("members:ask_to_be_linked")),
        "invitations": ("secretariat_admin", reverse("members:invitation_list")),
        "proposal": ("focal_point_a", reverse("labs:proposal", kwargs={"pk": proposal.pk})),
        "audit log": ("secretariat_admin", reverse("audit_log")),
        "administration": ("secretariat_admin", reverse("admin:members_user_changelist")),
        "invitation link, not signed in": (None, reverse("members:accept_invitation", args=[invitation.token])),
    }


def test_every_page_with_personal_data_says_no_store(client, request, pages, participant_a):
    answers = {}
    for name, (person, path) in pages.items():
        client.logout()
        if person:
            client.force_login(request.getfixturevalue(person))
        response = client.get(path)
        answers[name] = (response.status_code, {"private", "no-store"} <= directives(response))

    assert answers == dict.fromkeys(pages, (200, True))


def test_any_page_shown_to_a_signed_in_person_says_no_store_even_a_public_one(client, participant_a, db):
    lab = LabFactory(code="SL9")
    client.force_login(participant_a)

    for path in (reverse("home"), reverse("labs:catalogue"), lab.get_absolute_url()):
        assert client.get(path)["Cache-Control"] == PRIVATE


def test_a_redirect_for_a_signed_in_person_says_no_store_too(client, participant_a):
    client.force_login(participant_a)

    response = client.get(reverse("account_login"))

    assert response.status_code == 302
    assert {"private", "no-store"} <= directives(response)


def test_public_pages_for_visitors_are_left_cacheable(client, db):
    lab = LabFactory(code="SL9")

    for path in (reverse("home"), reverse("labs:catalogue"), lab.get_absolute_url()):
        assert directives(client.get(path)) == set()


def test_a_page_that_forbids_caching_itself_keeps_its_own_rule(client, participant_a):
    client.force_login(participant_a)

    response = client.get(reverse("healthz"))

    assert directives(response) == {"max-age=0", "must-revalidate", "no-cache", "no-store", "private"}
