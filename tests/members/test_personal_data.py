import json

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from members import personal_data
from members.enums import LinkRequestStatus
from members.models import Invitation, LinkRequest, User
from members.roles import Role, role_names
from members.services import anonymise_person
from tests.factories import TEST_PASSWORD, UserFactory
from tests.members.factories import InvitationFactory, LinkRequestFactory


@pytest.fixture
def amina(member_a):
    person = UserFactory(
        email="amina@dakar.example",
        name="Amina Diallo",
        position="Head of international relations",
        department="Mayor's office",
        preferred_language="fr",
        time_zone="Africa/Dakar",
        gender="woman",
        member=member_a,
        role=Role.FOCAL_POINT,
    )
    return person


def test_a_person_downloads_their_data_as_json(client, amina, member_a, member_b, secretariat_admin):
    invitation = InvitationFactory(email="amina@dakar.example", member=member_a, accepted_at=timezone.now())
    refused = LinkRequestFactory(
        person=amina,
        member=member_b,
        message="I work for B",
        status=LinkRequestStatus.REFUSED,
        decision_note="No",
        decided_at=timezone.now(),
    )
    InvitationFactory(email="someone.else@example.org", member=member_a)
    client.force_login(amina)

    response = client.get(reverse("members:download_my_data"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="solutions-labs-my-data-')
    data = json.loads(response.content)
    amina.refresh_from_db()
    assert sorted(data) == [
        "audit_log",
        "email_addresses",
        "exported_at",
        "invitations",
        "lab_participations",  # the applications app's sections
        "link_requests",
        "member",
        "named_participations",
        "profile",
        "roles",
        "sessions_and_travel_support",  # the events app's section
    ]
    assert data["profile"] == {
        "email": "amina@dakar.example",
        "name": "Amina Diallo",
        "position": "Head of international relations",
        "department": "Mayor's office",
        "preferred_language": "fr",
        "time_zone": "Africa/Dakar",
        "gender": "woman",
        "date_joined": amina.date_joined.isoformat(),
        "last_login": amina.last_login.isoformat(),
    }
    assert data["member"] == {"name": "Member A", "country": "FR"}
    assert data["roles"] == ["Focal point"]
    assert data["email_addresses"] == [{"email": "amina@dakar.example", "verified": True, "primary": True}]
    assert data["invitations"] == [
        {
            "member": "Member A",
            "role": "Focal point",
            "email": "amina@dakar.example",
            "sent_at": invitation.sent_at.isoformat(),
            "expires_at": invitation.expires_at.isoformat(),
            "accepted_at": invitation.accepted_at.isoformat(),
        }
    ]
    assert data["link_requests"] == [
        {
            "member": "Member B",
            "role": "Participant",
            "message": "I work for B",
            "status": "refused",
            "asked_at": refused.created_at.isoformat(),
            "decided_at": refused.decided_at.isoformat(),
            "decision_note": "No",
        }
    ]


def test_other_apps_add_their_sections_to_the_export(amina, monkeypatch):
    monkeypatch.setattr(personal_data, "_sections", dict(personal_data._sections))
    personal_data.register_section("interests", export=lambda person: [f"interest of {person.email}"])

    data = personal_data.export_personal_data(person=amina)

    assert data["interests"] == ["interest of amina@dakar.example"]


def test_the_download_needs_a_sign_in(client, db):
    response = client.get(reverse("members:download_my_data"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_deletion_needs_the_persons_password_and_the_confirmation(client, amina):
    client.force_login(amina)

    wrong = client.post(reverse("members:delete_my_account"), {"password": "not-my-password", "confirm": "on"})
    unconfirmed = client.post(reverse("members:delete_my_account"), {"password": TEST_PASSWORD})

    assert wrong.context["form"].errors == {"password": ["Ce n'est pas votre mot de passe."]}  # in her language
    assert list(unconfirmed.context["form"].errors) == ["confirm"]
    amina.refresh_from_db()
    assert (amina.is_active, amina.email) == (True, "amina@dakar.example")


def test_deletion_anonymises_the_person_at_once_and_signs_them_out(client, amina, member_a):
    client.force_login(amina)

    response = client.post(reverse("members:delete_my_account"), {"password": TEST_PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert "_auth_user_id" not in client.session
    person = User.objects.get(pk=amina.pk)
    assert (person.name, person.email, person.position, person.department, person.gender) == (
        "",
        f"deleted-{amina.pk}@anonymised.invalid",
        "",
        "",
        "",
    )
    with translation.override("en"):
        assert (person.is_active, person.has_usable_password(), str(person)) == (False, False, "Deleted person")
    assert person.anonymised_at is not None
    assert role_names(person) == frozenset()
    assert EmailAddress.objects.filter(user=person).count() == 0
    signing_in = client.post(reverse("account_login"), {"login": "amina@dakar.example", "password": TEST_PASSWORD})
    assert "_auth_user_id" not in client.session
    assert signing_in.status_code == 200


def test_anonymisation_keeps_the_records_that_reference_the_person(amina, member_a, secretariat_admin):
    newcomer = UserFactory()
    decided = LinkRequestFactory(person=newcomer, member=member_a)
    LinkRequest.objects.filter(pk=decided.pk).update(decided_by=amina, status=LinkRequestStatus.APPROVED)
    sent = InvitationFactory(member=member_a, invited_by=amina)
    accepted = InvitationFactory(email="amina@dakar.example", member=member_a, accepted_by=amina)
    own_request = LinkRequestFactory(person=amina, member=member_a, message="My phone is 555-0100")

    anonymise_person(person=amina)

    decided.refresh_from_db()
    sent.refresh_from_db()
    accepted.refresh_from_db()
    own_request.refresh_from_db()
    assert decided.decided_by_id == amina.pk
    assert sent.invited_by_id == amina.pk
    assert (accepted.accepted_by_id, accepted.email) == (amina.pk, f"deleted-{amina.pk}@anonymised.invalid")
    assert (own_request.person_id, own_request.message) == (amina.pk, "")
    assert User.objects.get(pk=amina.pk).member == member_a
    assert Invitation.objects.filter(email__iexact="amina@dakar.example").count() == 0


def test_anonymisation_runs_the_other_apps_anonymisers(amina, monkeypatch):
    cleared = []
    monkeypatch.setattr(personal_data, "_sections", dict(personal_data._sections))
    personal_data.register_section(
        "interests", export=lambda person: [], anonymise=lambda person: cleared.append(person.pk)
    )

    anonymise_person(person=amina)

    assert cleared == [amina.pk]


def test_the_profile_offers_the_download_and_the_deletion(client, amina):
    client.force_login(amina)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    page = client.get(reverse("members:profile")).content.decode()

    assert reverse("members:download_my_data") in page
    assert reverse("members:delete_my_account") in page
    assert "You act for Member A." in page
    assert "Your roles: Focal point" in page
