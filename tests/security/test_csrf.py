"""Issue 10.2: every state-changing view needs a CSRF token."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from members.models import User
from tests.factories import TEST_PASSWORD, UserFactory

# A view may be exempt from CSRF only with a reason written here.
CSRF_EXEMPT_WITH_REASON = {}


def walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry


def test_no_view_is_csrf_exempt_without_a_listed_reason():
    exempt = {
        route: f"{pattern.callback.__module__}.{pattern.callback.__qualname__}"
        for route, pattern in walk(get_resolver().url_patterns)
        if getattr(pattern.callback, "csrf_exempt", False)
    }

    unexplained = {route: view for route, view in exempt.items() if route not in CSRF_EXEMPT_WITH_REASON}
    assert unexplained == {}


STATE_CHANGING = [
    ("switch_language", {"language": "fr", "next": "/"}),
    ("account_login", {"login": "officer@city.example", "password": TEST_PASSWORD}),
    (
        "account_signup",
        {"email": "x@city.example", "password1": "green-metropolis-2024", "password2": "green-metropolis-2024"},
    ),
    ("account_reset_password", {"email": "officer@city.example"}),
    ("account_logout", {}),
    ("members:profile", {"name": "Changed", "preferred_language": "fr", "time_zone": "UTC"}),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "data"), STATE_CHANGING)
def test_a_post_without_a_csrf_token_is_refused_and_changes_nothing(name, data):
    person = UserFactory(email="officer@city.example", name="Original")
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    users_before = User.objects.count()

    response = client.post(reverse(name), data)

    assert response.status_code == 403
    person.refresh_from_db()
    assert person.name == "Original"
    assert person.preferred_language == "en"
    assert User.objects.count() == users_before
    assert client.session.get("_auth_user_id") == str(person.pk)


@pytest.mark.django_db
def test_a_get_to_sign_out_does_not_sign_out(client):
    person = UserFactory()
    client.force_login(person)

    client.get(reverse("account_logout"))

    assert client.session.get("_auth_user_id") == str(person.pk)
