import re
from datetime import timedelta
from urllib.parse import urlparse

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from members.emails import send_person_invitation
from members.models import Invitation, User
from members.outbox.models import Message
from members.roles import Role, role_names
from members.services import invite_person
from tests.factories import TEST_PASSWORD, UserFactory
from tests.members.factories import InvitationFactory

NEW_PASSWORD = "green-metropolis-2024"


def link_in(message):
    return urlparse(re.search(r"https?://\S+/people/invitations/accept/\S+/", message.body).group(0)).path


def invite(client, member, email="amina@dakar.example", role=Role.FOCAL_POINT, language="en", **extra):
    return client.post(
        reverse("members:invitation_create"),
        {"email": email, "member": member.pk, "role": role, "language": language, **extra},
    )


def test_invitation_end_to_end_from_the_email_to_signing_in(
    client, secretariat_admin, member_a, django_capture_on_commit_callbacks
):
    client.force_login(secretariat_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, member_a, email="Amina@Dakar.example", language="fr")
    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["amina@dakar.example"]]
    email = mail.outbox[0]
    assert email.subject == "Votre invitation à agir pour Member A sur le portail Solutions Labs"
    assert "Choisissez votre mot de passe" in email.body
    html = email.alternatives[0][0]
    assert link_in(email) in html

    client.logout()
    page = client.get(link_in(email))
    assert page.status_code == 200
    assert "amina@dakar.example" in page.content.decode()
    response = client.post(
        link_in(email), {"name": "Amina Diallo", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == reverse("members:profile")
    person = User.objects.get(email="amina@dakar.example")
    assert (person.name, person.member, person.preferred_language) == ("Amina Diallo", member_a, "fr")
    assert role_names(person) == {Role.FOCAL_POINT}
    address = EmailAddress.objects.get(user=person)
    assert (address.email, address.verified, address.primary) == ("amina@dakar.example", True, True)
    invitation = Invitation.objects.get()
    assert (invitation.accepted_by, invitation.status) == (person, "accepted")
    assert client.session["_auth_user_id"] == str(person.pk)

    client.logout()
    signed_in = client.post(reverse("account_login"), {"login": "amina@dakar.example", "password": NEW_PASSWORD})
    assert signed_in.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


def test_the_new_password_must_pass_the_validators_and_the_name_is_kept(client, db):
    invitation = InvitationFactory(email="amina@dakar.example")

    response = client.post(
        reverse("members:accept_invitation", args=[invitation.token]),
        {"name": "Amina Diallo", "password1": "short", "password2": "short"},
    )

    assert response.status_code == 200
    assert (
        "This password is too short. It must contain at least 12 characters."
        in response.context["form"].errors["password1"]
    )
    assert 'value="Amina Diallo"' in response.content.decode()
    assert not User.objects.filter(email="amina@dakar.example").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_a_password_like_the_email_address_is_refused(client, db):
    invitation = InvitationFactory(email="amina.diallo@dakar.example")

    response = client.post(
        reverse("members:accept_invitation", args=[invitation.token]),
        {"name": "Someone", "password1": "amina.diallo@dakar", "password2": "amina.diallo@dakar"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["password1"] == ["The password is too similar to the email address."]


def test_two_different_passwords_are_refused(client, db):
    invitation = InvitationFactory()

    response = client.post(
        reverse("members:accept_invitation", args=[invitation.token]),
        {"name": "Amina", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD + "!"},
    )

    assert response.context["form"].errors == {"password2": ["The two passwords differ."]}
    assert User.objects.count() == 0


def test_inviting_again_refreshes_the_same_invitation_and_the_old_link_stops_working(
    client, secretariat_admin, member_a, django_capture_on_commit_callbacks
):
    client.force_login(secretariat_admin)
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, member_a)
    first = Invitation.objects.get()
    Invitation.objects.filter(pk=first.pk).update(expires_at=timezone.now() + timedelta(days=1))

    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, member_a)

    assert response.status_code == 302
    again = Invitation.objects.get()
    assert again.pk == first.pk
    assert again.token != first.token
    assert again.expires_at > timezone.now() + timedelta(days=13)
    assert len(mail.outbox) == 2
    client.logout()
    assert client.get(link_in(mail.outbox[0])).status_code == 404
    assert client.get(link_in(mail.outbox[1])).status_code == 200


def test_inviting_again_after_acceptance_gives_a_new_link_that_works(
    client, member_a, secretariat_admin, django_capture_on_commit_callbacks
):
    person = UserFactory(email="amina@dakar.example", member=member_a)
    InvitationFactory(email="amina@dakar.example", member=member_a, role=Role.PARTICIPANT, accepted_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite_person(
            email="amina@dakar.example",
            member=member_a,
            role=Role.PARTICIPANT,
            language="en",
            invited_by=secretariat_admin,
        )
    client.force_login(person)
    response = client.post(link_in(mail.outbox[0]))

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.accepted_by == person
    assert Invitation.objects.count() == 1


def test_an_expired_invitation_says_so_and_creates_nothing(client, db):
    invitation = InvitationFactory(expires_at=timezone.now() - timedelta(minutes=1))
    url = reverse("members:accept_invitation", args=[invitation.token])

    page = client.get(url)
    posted = client.post(url, {"name": "Late", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert page.status_code == posted.status_code == 410
    assert "This invitation has expired. Ask the Secretariat to invite you again" in page.content.decode()
    assert User.objects.count() == 0


def test_a_used_invitation_says_so(client, db):
    invitation = InvitationFactory(accepted_at=timezone.now())

    page = client.get(reverse("members:accept_invitation", args=[invitation.token]))

    assert page.status_code == 410
    assert "This invitation has already been accepted." in page.content.decode()


def test_an_unknown_link_says_so(client, db):
    page = client.get(reverse("members:accept_invitation", args=["no-such-token"]))

    assert page.status_code == 404
    assert "This invitation link is not valid." in page.content.decode()


def test_a_person_with_an_account_signs_in_then_accepts(client, member_a):
    person = UserFactory(email="amina@dakar.example")
    invitation = InvitationFactory(email="amina@dakar.example", member=member_a, role=Role.PARTICIPANT)
    url = reverse("members:accept_invitation", args=[invitation.token])

    anonymous = client.get(url)
    assert "sign in to accept the invitation" in anonymous.content.decode()
    assert client.post(url, {"name": "x", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}).status_code == 200
    person.refresh_from_db()
    assert person.member is None
    assert person.check_password(TEST_PASSWORD)

    client.force_login(person)
    response = client.post(url)

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.member == member_a
    assert role_names(person) == {Role.PARTICIPANT}


def test_someone_signed_in_with_another_account_cannot_accept(client, member_a, person_without_member):
    invitation = InvitationFactory(email="amina@dakar.example", member=member_a)
    client.force_login(person_without_member)

    response = client.post(reverse("members:accept_invitation", args=[invitation.token]))

    assert response.status_code == 200
    assert "You are signed in with another account." in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    person_without_member.refresh_from_db()
    assert person_without_member.member is None


def test_a_person_who_acts_for_another_member_cannot_be_invited(client, secretariat_admin, member_a, focal_point_b):
    client.force_login(secretariat_admin)

    response = invite(client, member_a, email=focal_point_b.email)

    assert response.status_code == 200
    assert response.context["form"].errors["email"] == ["focal.b@example.org already acts for Member B."]
    assert Invitation.objects.count() == 0


def test_the_email_is_in_the_language_of_an_existing_account(
    client, member_a, secretariat_admin, django_capture_on_commit_callbacks
):
    UserFactory(email="ana@bogota.example", preferred_language="es")

    with django_capture_on_commit_callbacks(execute=True):
        invite_person(
            email="ana@bogota.example",
            member=member_a,
            role=Role.FOCAL_POINT,
            language="fr",
            invited_by=secretariat_admin,
        )

    assert mail.outbox[0].subject == "Su invitación para actuar en nombre de Member A en el portal Solutions Labs"
    assert "Inicie sesión y acepte la invitación" in mail.outbox[0].body


def test_the_secretariat_sends_an_invitation_again_from_the_list(
    client, secretariat_admin, django_capture_on_commit_callbacks
):
    invitation = InvitationFactory()
    client.force_login(secretariat_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:invitation_resend", args=[invitation.pk]))

    assert response.status_code == 302
    old_token = invitation.token
    invitation.refresh_from_db()
    assert invitation.token != old_token
    assert invitation.invited_by == secretariat_admin
    assert [message.to for message in mail.outbox] == [[invitation.email]]


def test_a_focal_point_cannot_invite(client, focal_point_a, member_a):
    client.force_login(focal_point_a)

    response = invite(client, member_a)

    assert response.status_code == 403
    assert Invitation.objects.count() == 0


def test_the_invitation_list_costs_the_same_queries_for_one_or_many(
    client, secretariat_admin, django_assert_max_num_queries
):
    client.force_login(secretariat_admin)
    InvitationFactory(invited_by=secretariat_admin)
    with django_assert_max_num_queries(10) as one:
        client.get(reverse("members:invitation_list"))

    InvitationFactory.create_batch(20, invited_by=secretariat_admin, accepted_by=UserFactory())
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(reverse("members:invitation_list"))

    assert len(response.context["page"].object_list) == 21


@pytest.mark.parametrize("role", [Role.SECRETARIAT, Role.COORDINATOR])
def test_only_member_roles_can_be_given_by_invitation(client, secretariat_admin, member_a, role):
    client.force_login(secretariat_admin)

    response = invite(client, member_a, role=role)

    assert "role" in response.context["form"].errors
    assert Invitation.objects.count() == 0


def test_the_invitation_goes_through_the_outbox_once_per_link(
    client, secretariat_admin, member_a, django_capture_on_commit_callbacks
):
    client.force_login(secretariat_admin)
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, member_a, email="new.person@city.example", language="es")
    invitation = Invitation.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        send_person_invitation(invitation)  # the same link again: nothing new goes out

    first = Message.objects.get()
    assert (first.recipient, first.recipient_email, first.language, first.status) == (
        None,
        "new.person@city.example",
        "es",
        "sent",
    )
    assert len(mail.outbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        invite(client, member_a, email="new.person@city.example", language="es")

    assert Message.objects.count() == 2
    assert len(mail.outbox) == 2
    assert mail.outbox[0].body != mail.outbox[1].body  # each carries its own link


@pytest.mark.parametrize("member", ["abc", "", "-1", "99999"])
def test_a_malformed_or_unknown_member_in_the_address_only_leaves_the_field_empty(client, secretariat_admin, member):
    client.force_login(secretariat_admin)

    response = client.get(reverse("members:invitation_create"), {"member": member})

    assert response.status_code == 200
    assert response.context["form"].initial.get("member") is None
