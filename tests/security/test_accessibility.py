"""The security pages pass the accessibility lint of tests/a11y.py, in every language."""

import pytest
from django.test import Client
from django.urls import reverse

from members import audit
from tests.a11y import assert_accessible
from tests.factories import TEST_PASSWORD, UserFactory
from tests.security.test_faults import REDIS_CACHE_DOWN

LANGUAGES = ["en", "fr", "es"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_audit_log_is_accessible(client, secretariat_admin, member_a, language):
    audit.record(actor=secretariat_admin, action="role_granted", target=member_a, detail="x")
    client.force_login(secretariat_admin)
    client.cookies["django_language"] = language

    response = client.get(reverse("audit_log"))

    assert response.status_code == 200
    assert_accessible(response)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_csrf_refusal_page_is_accessible(db, language):
    client = Client(enforce_csrf_checks=True)
    client.cookies["django_language"] = language

    response = client.post(reverse("account_login"), {"login": "a@example.org", "password": "x"})

    assert response.status_code == 403
    assert_accessible(response)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_503_and_400_pages_are_accessible(client, db, settings, language):
    client.cookies["django_language"] = language
    bad = client.get("/labs/?q=%00")
    settings.CACHES = REDIS_CACHE_DOWN
    unavailable = client.post(reverse("account_login"), {"login": "a@example.org", "password": "x"})

    assert (bad.status_code, unavailable.status_code) == (400, 503)
    assert_accessible(bad)
    assert_accessible(unavailable)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_second_factor_pages_are_accessible(client, db, language):
    UserFactory(email="new.admin@example.org", role="Secretariat admin", totp=False)
    UserFactory(email="staff@example.org", role="Coordinator")
    client.cookies["django_language"] = language

    client.post(reverse("account_login"), {"login": "staff@example.org", "password": TEST_PASSWORD})
    code_page = client.get(reverse("mfa_authenticate"))
    assert code_page.status_code == 200
    assert_accessible(code_page)

    other = Client()
    other.cookies["django_language"] = language
    other.post(reverse("account_login"), {"login": "new.admin@example.org", "password": TEST_PASSWORD})
    setup = reverse("mfa_activate_totp")
    other.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD, "next": setup})
    setup_page = other.get(setup)
    assert setup_page.status_code == 200
    assert_accessible(setup_page)
