"""Issue 10.1: headers and cookies with production settings."""

import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory

PRODUCTION = {
    "DEBUG": False,
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}

MAIN_PAGES = ["home", "account_login", "account_signup", "account_reset_password"]


@pytest.mark.django_db
@override_settings(**PRODUCTION)
@pytest.mark.parametrize("name", MAIN_PAGES)
def test_main_pages_carry_the_security_headers(client, name):
    response = client.get(reverse(name), secure=True)

    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy).group(1)
    assert re.search(r"'nonce-[A-Za-z0-9+/=]{16,}'", script_src)
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy


@pytest.mark.django_db
@override_settings(**PRODUCTION)
def test_the_nonce_changes_with_every_request(client):
    first = client.get(reverse("home"), secure=True)["Content-Security-Policy"]
    second = client.get(reverse("home"), secure=True)["Content-Security-Policy"]

    assert re.search(r"'nonce-([^']+)'", first).group(1) != re.search(r"'nonce-([^']+)'", second).group(1)


@pytest.mark.django_db
@override_settings(**PRODUCTION)
def test_plain_http_is_redirected_to_https(client):
    response = client.get(reverse("home"))

    assert response.status_code == 301
    assert response.url.startswith("https://")


@pytest.mark.django_db
@override_settings(**PRODUCTION)
def test_session_and_csrf_cookies_are_secure(client):
    UserFactory(email="officer@city.example")
    client.get(reverse("account_login"), secure=True)
    response = client.post(
        reverse("account_login"), {"login": "officer@city.example", "password": TEST_PASSWORD}, secure=True
    )

    session = response.cookies["sessionid"]
    csrf = client.cookies["csrftoken"]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    assert csrf["secure"] is True
    assert csrf["samesite"] == "Lax"


@pytest.mark.django_db
def test_a_foreign_host_header_gets_400_and_sends_no_email(client):
    response = client.get(reverse("home"), HTTP_HOST="evil.example.com")

    assert response.status_code == 400
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_password_reset_for_a_foreign_host_sends_no_email(client):
    UserFactory(email="officer@city.example")

    response = client.post(
        reverse("account_reset_password"), {"email": "officer@city.example"}, HTTP_HOST="evil.example.com"
    )

    assert response.status_code == 400
    assert mail.outbox == []
