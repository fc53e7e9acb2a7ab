"""Issue 10.2: every state-changing view needs a CSRF token; a GET changes nothing."""

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from members.models import User
from tests.factories import TEST_PASSWORD, UserFactory
from tests.members.matrix import ROLES
from tests.test_permission_matrix import PATTERNS, build_world, concrete_path, rule_for

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


# Every URL of the permission matrix, posted to without a token, by a person of
# a role that reaches it and by an anonymous visitor. The data would change
# something on many pages if the token were not checked.
FORGED_FORM = {
    "name": "Changed by a forged form",
    "title": "Forged",
    "email": "forged@evil.example",
    "status": "accepted",
    "decision": "approve",
    "note": "forged",
    "language": "fr",
    "preferred_language": "fr",
    "time_zone": "UTC",
    "confirm": "on",
    "password": TEST_PASSWORD,
    "next": "/",
}


def database_state():
    """Every row of every table but the sessions', to compare before and after."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_models()
        if model._meta.label != "sessions.Session"
    }


def reaching_role(expected):
    """A signed-in role for which the page answers (200), or takes POST only (405)."""
    for role in ROLES:
        if role != "anonymous" and expected[role] in (200, 405):
            return role
    return "secretariat"


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build_world()


@pytest.mark.parametrize("pattern", PATTERNS, ids=[pattern.key for pattern in PATTERNS])
def test_every_url_refuses_a_post_without_a_token_and_a_get_changes_nothing(pattern, world):
    expected, kwargs, query = rule_for(pattern)
    path = concrete_path(pattern.route, kwargs(world))
    role = reaching_role(expected)
    before = database_state()

    answers = {}
    for person in (world.people[role], None):
        client = Client(enforce_csrf_checks=True)
        if person is not None:
            client.force_login(person)
            before = database_state()  # signing in records the time of the sign-in
        client.get(path, query())
        response = client.post(path, FORGED_FORM)
        answers[person.email if person else "anonymous"] = (
            response.status_code,
            "The form could not be sent" in response.content.decode(),
        )

    assert answers == {world.people[role].email: (403, True), "anonymous": (403, True)}
    assert database_state() == before
