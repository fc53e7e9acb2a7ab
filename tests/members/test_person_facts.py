"""A signed-in person's row, roles and second factor come from the cache while
no write has happened (members.person_facts), and any change shows at once."""

from allauth.mfa.models import Authenticator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.roles import Role, grant_role
from tests.factories import UserFactory

PROFILE = reverse("members:profile")


def queried_tables(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, " ".join(query["sql"] for query in queries.captured_queries)


def test_the_person_their_roles_and_second_factor_are_read_once_then_from_the_cache(client, db):
    coordinator = UserFactory(role=Role.COORDINATOR)
    client.force_login(coordinator)

    _first, first = queried_tables(client, reverse("home"))
    _again, again = queried_tables(client, reverse("home"))

    roles, person = 'SELECT "auth_group"."name"', 'FROM "members_user"'
    assert roles in first and "mfa_authenticator" in first and person in first
    assert roles not in again and "mfa_authenticator" not in again and person not in again
    assert "django_session" not in again  # the session too comes from the cache (config/sessions.py)


def test_a_role_granted_shows_at_once(client, db):
    person = UserFactory()
    client.force_login(person)
    assert client.get(reverse("members:member_list")).status_code == 403

    grant_role(person, Role.SECRETARIAT)

    response = client.get(reverse("members:member_list"))
    # The new Secretariat admin is recognised at once, and first sent to set up a second factor.
    assert (response.status_code, response.url) == (302, reverse("mfa_activate_totp"))


def test_an_authenticator_removed_shows_at_once(client, db):
    coordinator = UserFactory(role=Role.COORDINATOR)
    client.force_login(coordinator)
    assert client.get(PROFILE).status_code == 200

    Authenticator.objects.filter(user=coordinator).delete()

    response = client.get(PROFILE)
    assert (response.status_code, response.url) == (302, reverse("mfa_activate_totp"))


def test_a_deactivated_account_is_signed_out_at_once(client, db):
    person = UserFactory()
    client.force_login(person)
    assert client.get(PROFILE).status_code == 200

    type(person).objects.filter(pk=person.pk).update(is_active=False)

    response = client.get(PROFILE)
    assert response.status_code == 302 and reverse("account_login") in response.url


def test_a_password_changed_elsewhere_signs_the_other_sessions_out_at_once(client, db):
    person = UserFactory()
    client.force_login(person)
    assert client.get(PROFILE).status_code == 200

    person.set_password("another-long-passphrase-2026")
    person.save(update_fields=["password"])

    response = client.get(PROFILE)
    assert response.status_code == 302 and reverse("account_login") in response.url


def test_a_changed_time_zone_shows_at_once(client, db):
    person = UserFactory(time_zone="UTC")
    client.force_login(person)
    assert client.get(PROFILE).context["TIME_ZONE"] == "UTC"

    type(person).objects.filter(pk=person.pk).update(time_zone="America/Bogota")

    assert client.get(PROFILE).context["TIME_ZONE"] == "America/Bogota"
