import pytest
from django.urls import reverse

from members.enums import LinkRequestStatus
from members.models import LinkRequest
from members.roles import Role, role_names
from tests.factories import UserFactory
from tests.members.factories import LinkRequestFactory

APPROVE = {"decision": "approve", "note": ""}


def decide(client, link_request, decision, note=""):
    return client.post(
        reverse("members:link_request_detail", args=[link_request.pk]), {"decision": decision, "note": note}
    )


def test_a_person_without_member_asks_to_be_linked(client, person_without_member, member_a):
    client.force_login(person_without_member)

    response = client.post(
        reverse("members:ask_to_be_linked"),
        {"member": member_a.pk, "role": Role.FOCAL_POINT, "message": "International relations officer"},
    )

    assert response.status_code == 302
    link_request = LinkRequest.objects.get()
    assert (link_request.person, link_request.member, link_request.role, link_request.status) == (
        person_without_member,
        member_a,
        Role.FOCAL_POINT,
        LinkRequestStatus.PENDING,
    )
    page = client.get(reverse("members:ask_to_be_linked")).content.decode()
    assert "Your request to be linked to Member A is waiting for a decision." in page


def test_a_second_request_while_one_waits_is_not_offered(client, person_without_member, member_a, member_b):
    LinkRequestFactory(person=person_without_member, member=member_a)
    client.force_login(person_without_member)

    response = client.post(reverse("members:ask_to_be_linked"), {"member": member_b.pk, "role": Role.PARTICIPANT})

    assert response.status_code == 200
    assert response.context["form"] is None
    assert LinkRequest.objects.count() == 1


def test_a_request_without_a_member_is_refused_at_the_field(client, person_without_member):
    client.force_login(person_without_member)

    response = client.post(reverse("members:ask_to_be_linked"), {"role": Role.PARTICIPANT, "message": "Kept text"})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["member"]
    assert "Kept text" in response.content.decode()
    assert LinkRequest.objects.count() == 0


def test_people_with_a_member_or_a_secretariat_role_do_not_ask(client, participant_a, coordinator, member_b):
    for person in (participant_a, coordinator):
        client.force_login(person)
        response = client.post(reverse("members:ask_to_be_linked"), {"member": member_b.pk, "role": Role.PARTICIPANT})
        assert response.status_code == 403
    assert LinkRequest.objects.count() == 0


@pytest.mark.parametrize("reviewer", ["secretariat_admin", "focal_point_a"])
def test_the_secretariat_or_the_members_focal_point_approves(client, request, reviewer, member_a):
    decided_by = request.getfixturevalue(reviewer)
    person = UserFactory(email="new.officer@example.org")
    link_request = LinkRequestFactory(person=person, member=member_a, role=Role.PARTICIPANT)
    client.force_login(decided_by)

    response = decide(client, link_request, "approve", note="Welcome")

    assert response.status_code == 302
    link_request.refresh_from_db()
    assert (link_request.status, link_request.decided_by, link_request.decision_note) == (
        LinkRequestStatus.APPROVED,
        decided_by,
        "Welcome",
    )
    person.refresh_from_db()
    assert person.member == member_a
    assert role_names(person) == {Role.PARTICIPANT}

    client.force_login(person)
    profile = client.get(reverse("members:profile")).content.decode()
    assert "You act for Member A." in profile
    assert "Approved" in profile


@pytest.mark.parametrize("reviewer", ["secretariat_admin", "focal_point_a"])
def test_the_secretariat_or_the_members_focal_point_refuses_and_the_person_sees_why(
    client, request, reviewer, member_a, person_without_member
):
    link_request = LinkRequestFactory(person=person_without_member, member=member_a)
    client.force_login(request.getfixturevalue(reviewer))

    decide(client, link_request, "refuse", note="We do not know you: write to the mayor's office.")

    link_request.refresh_from_db()
    assert link_request.status == LinkRequestStatus.REFUSED
    person_without_member.refresh_from_db()
    assert person_without_member.member is None
    assert role_names(person_without_member) == frozenset()
    client.force_login(person_without_member)
    page = client.get(reverse("members:ask_to_be_linked")).content.decode()
    assert "Refused" in page
    assert "We do not know you: write to the mayor&#x27;s office." in page
    assert "Send my request" in page  # a new request can be made


def test_another_members_focal_point_gets_404_and_changes_nothing(client, focal_point_b, member_a):
    link_request = LinkRequestFactory(member=member_a)
    client.force_login(focal_point_b)

    assert client.get(reverse("members:link_request_detail", args=[link_request.pk])).status_code == 404
    assert decide(client, link_request, "approve").status_code == 404

    link_request.refresh_from_db()
    assert link_request.status == LinkRequestStatus.PENDING
    listed = client.get(reverse("members:link_request_list"))
    assert list(listed.context["page"].object_list) == []


def test_a_participant_may_not_decide(client, participant_a, member_a):
    link_request = LinkRequestFactory(member=member_a)
    client.force_login(participant_a)

    assert decide(client, link_request, "approve").status_code == 403
    link_request.refresh_from_db()
    assert link_request.status == LinkRequestStatus.PENDING


def test_a_decided_request_cannot_be_decided_again(client, secretariat_admin, member_a):
    link_request = LinkRequestFactory(member=member_a)
    client.force_login(secretariat_admin)
    decide(client, link_request, "refuse")

    page = client.get(reverse("members:link_request_detail", args=[link_request.pk]))
    decide(client, link_request, "approve")

    assert page.context["form"] is None
    link_request.refresh_from_db()
    assert link_request.status == LinkRequestStatus.REFUSED
    assert link_request.person.member is None


def test_approval_is_refused_when_the_person_meanwhile_acts_for_another_member(
    client, secretariat_admin, member_a, member_b
):
    link_request = LinkRequestFactory(member=member_a)
    link_request.person.member = member_b
    link_request.person.save()
    client.force_login(secretariat_admin)

    response = decide(client, link_request, "approve")

    assert response.status_code == 302
    messages = [str(message) for message in response.wsgi_request._messages]
    assert messages == ["This person is already linked to another member."]
    link_request.refresh_from_db()
    assert link_request.status == LinkRequestStatus.PENDING


def test_a_focal_point_lists_only_their_members_requests(client, focal_point_a, member_a, member_b):
    mine = LinkRequestFactory(member=member_a)
    LinkRequestFactory(member=member_b)
    client.force_login(focal_point_a)

    response = client.get(reverse("members:link_request_list"))

    assert list(response.context["page"].object_list) == [mine]


def test_the_request_list_costs_the_same_queries_for_one_or_many(
    client, secretariat_admin, django_assert_max_num_queries
):
    client.force_login(secretariat_admin)
    LinkRequestFactory()
    with django_assert_max_num_queries(10) as one:
        client.get(reverse("members:link_request_list"))

    LinkRequestFactory.create_batch(15)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(reverse("members:link_request_list"))

    assert len(response.context["page"].object_list) == 16


def test_the_decision_field_is_required_and_nothing_changes(client, secretariat_admin, member_a):
    link_request = LinkRequestFactory(member=member_a)
    client.force_login(secretariat_admin)

    response = client.post(reverse("members:link_request_detail", args=[link_request.pk]), {"note": "Typed note"})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["decision"]
    assert "Typed note" in response.content.decode()
    link_request.refresh_from_db()
    assert link_request.status == LinkRequestStatus.PENDING
