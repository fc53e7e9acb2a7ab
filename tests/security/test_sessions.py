"""Issue 10.3: sessions at sign-in, sign-out and password change."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory

LOGIN = reverse("account_login")


@pytest.fixture
def person(db):
    return UserFactory(email="officer@city.example")


def sign_in(client):
    return client.post(LOGIN, {"login": "officer@city.example", "password": TEST_PASSWORD})


def test_the_session_key_changes_at_sign_in(client, person):
    client.get(reverse("account_login"))
    client.session.save()
    before = client.session.session_key

    sign_in(client)

    assert client.session.session_key != before
    assert client.session["_auth_user_id"] == str(person.pk)


def test_a_session_cookie_replayed_after_sign_out_is_refused(client, person):
    sign_in(client)
    stolen = client.cookies["sessionid"].value
    client.post(reverse("account_logout"))

    replay = Client()
    replay.cookies["sessionid"] = stolen
    response = replay.get(reverse("members:profile"))

    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_changing_ones_password_ends_the_other_sessions(person):
    laptop, phone = Client(), Client()
    sign_in(laptop)
    sign_in(phone)

    response = laptop.post(
        reverse("account_change_password"),
        {
            "oldpassword": TEST_PASSWORD,
            "password1": "a-new-long-password-2025",
            "password2": "a-new-long-password-2025",
        },
    )

    assert response.status_code == 302
    assert laptop.get(reverse("members:profile")).status_code == 200
    assert phone.get(reverse("members:profile")).status_code == 302


def test_wrong_passwords_are_throttled_even_behind_a_forged_forwarded_for(client, person):
    for attempt in range(5):
        client.post(
            LOGIN,
            {"login": "officer@city.example", "password": "wrong-password"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt}",
        )

    response = client.post(
        LOGIN, {"login": "officer@city.example", "password": TEST_PASSWORD}, HTTP_X_FORWARDED_FOR="198.51.100.7"
    )

    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()
