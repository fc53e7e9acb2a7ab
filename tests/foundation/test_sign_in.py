import pytest
from django.core import mail
from django.urls import reverse

from members.models import User
from tests.factories import TEST_PASSWORD, UserFactory

LOGIN = reverse("account_login")


@pytest.fixture
def person(db):
    return UserFactory(email="officer@city.example")


def test_a_verified_person_signs_in_with_email_and_password(client, person):
    response = client.post(LOGIN, {"login": "officer@city.example", "password": TEST_PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("home")
    assert client.session["_auth_user_id"] == str(person.pk)


def test_email_is_matched_whatever_its_case(client, person):
    client.post(LOGIN, {"login": "Officer@City.Example", "password": TEST_PASSWORD})

    assert client.session["_auth_user_id"] == str(person.pk)


def test_a_wrong_password_is_refused_with_a_message(client, person):
    response = client.post(LOGIN, {"login": "officer@city.example", "password": "not-the-password"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "The email address and/or password you specified are not correct." in response.content.decode()


def test_an_unknown_address_gets_the_same_answer_as_a_wrong_password(client, person):
    known = client.post(LOGIN, {"login": "officer@city.example", "password": "wrong-password"})
    unknown = client.post(LOGIN, {"login": "nobody@city.example", "password": "wrong-password"})

    assert known.status_code == unknown.status_code == 200
    assert known.context["form"].errors == unknown.context["form"].errors


def test_an_unverified_address_cannot_sign_in_until_verified(client, db):
    UserFactory(email="unverified@city.example", verified=False)

    response = client.post(LOGIN, {"login": "unverified@city.example", "password": TEST_PASSWORD})

    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert len(mail.outbox) == 1
    assert "unverified@city.example" in mail.outbox[0].to


def test_sign_up_requires_a_long_uncommon_password_and_sends_a_verification(client, db):
    weak = client.post(
        reverse("account_signup"), {"email": "new@city.example", "password1": "password", "password2": "password"}
    )
    assert weak.status_code == 200
    assert not User.objects.filter(email="new@city.example").exists()
    errors = " ".join(weak.context["form"].errors["password1"])
    assert "at least 12 characters" in errors
    assert "too common" in errors

    strong = client.post(
        reverse("account_signup"),
        {"email": "new@city.example", "password1": "green-metropolis-2024", "password2": "green-metropolis-2024"},
    )
    assert strong.status_code == 302
    assert User.objects.filter(email="new@city.example").exists()
    assert "_auth_user_id" not in client.session
    assert [m.to for m in mail.outbox] == [["new@city.example"]]


def test_passwords_are_hashed_with_argon2(person):
    assert person.password.startswith("argon2")


def test_sign_out_ends_the_session(client, person):
    client.force_login(person)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, person):
    known = client.post(reverse("account_reset_password"), {"email": "officer@city.example"})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@city.example"})

    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url
    assert [m.to for m in mail.outbox] == [["officer@city.example"], ["nobody@city.example"]]
    assert "reset" in mail.outbox[0].body.lower()
    assert "/accounts/password/reset/key/" not in mail.outbox[1].body


def test_repeated_wrong_passwords_for_one_account_are_throttled(client, person):
    for _attempt in range(5):
        client.post(LOGIN, {"login": "officer@city.example", "password": "wrong-password"})

    response = client.post(LOGIN, {"login": "officer@city.example", "password": TEST_PASSWORD})

    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


def test_the_admin_login_goes_through_the_throttled_sign_in(client, db):
    response = client.get(reverse("admin:login"))

    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_the_admin_is_refused_to_a_signed_in_person_without_staff_status(client, person):
    client.force_login(person)

    response = client.get(reverse("admin:index"))

    assert response.status_code in (302, 403)
    assert "Site administration" not in response.content.decode()
