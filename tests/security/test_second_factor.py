"""Issue 10.3: Secretariat admins and coordinators use a second factor (TOTP and
recovery codes), enforced before any staff page."""

import io

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, TOTP
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse

from members.demo import DEMO_TOTP_SECRET
from members.models import User
from members.roles import Role
from tests.factories import TEST_PASSWORD, TEST_TOTP_SECRET, UserFactory, totp_code

LOGIN = reverse("account_login")
SETUP = reverse("mfa_activate_totp")
MEMBER_LIST = reverse("members:member_list")


def authenticator_types(person):
    return sorted(Authenticator.objects.filter(user=person).values_list("type", flat=True))


def sign_in(client, email, password=TEST_PASSWORD):
    return client.post(LOGIN, {"login": email, "password": password})


@pytest.fixture
def admin_without_app(db):
    return UserFactory(email="new.admin@example.org", role=Role.SECRETARIAT, totp=False)


@pytest.fixture
def coordinator_without_app(db):
    return UserFactory(email="new.coordinator@example.org", role=Role.COORDINATOR, totp=False)


@pytest.mark.parametrize(
    ("person", "path"),
    [("admin_without_app", MEMBER_LIST), ("admin_without_app", "/admin/"), ("coordinator_without_app", "/")],
)
def test_staff_without_an_authenticator_app_are_sent_to_set_one_up(client, db, request, person, path):
    client.force_login(request.getfixturevalue(person))

    response = client.get(path)

    assert (response.status_code, response.url) == (302, SETUP)
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "Secretariat staff sign in with a second factor. Set up an authenticator app to continue; "
        "you will also receive recovery codes."
    ]


def test_staff_reach_their_pages_once_they_have_an_authenticator_app(client, admin_without_app):
    TOTP.activate(admin_without_app, TEST_TOTP_SECRET)
    client.force_login(admin_without_app)

    assert client.get(MEMBER_LIST).status_code == 200
    assert client.get("/admin/").status_code == 200


def test_people_who_are_not_staff_need_no_second_factor(client, participant_a):
    client.force_login(participant_a)

    assert client.get(reverse("members:profile")).status_code == 200
    assert authenticator_types(participant_a) == []


@pytest.mark.parametrize(
    "name",
    ["account_email", "account_change_password", "account_reauthenticate", "mfa_index", "account_logout", "healthz"],
)
def test_the_account_sign_out_and_health_pages_stay_open(client, coordinator_without_app, name):
    client.force_login(coordinator_without_app)

    assert client.get(reverse(name)).status_code == 200


def test_the_language_switch_stays_open(client, coordinator_without_app):
    client.force_login(coordinator_without_app)

    response = client.post(reverse("switch_language"), {"language": "fr", "next": "/"})

    assert (response.status_code, response.url) == (302, "/")
    coordinator_without_app.refresh_from_db()
    assert coordinator_without_app.preferred_language == "fr"


def test_a_coordinator_sets_up_the_app_and_receives_recovery_codes(client, coordinator_without_app):
    home = sign_in(client, "new.coordinator@example.org").url
    assert client.get(home).url == SETUP
    # allauth asks for the password again before second factors change.
    assert client.get(SETUP).url == f"{reverse('account_reauthenticate')}?next={SETUP.replace('/', '%2F')}"
    response = client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD, "next": SETUP})
    assert response.url == SETUP
    assert client.get(SETUP).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]

    response = client.post(SETUP, {"code": totp_code(secret)})

    assert (response.status_code, response.url) == (302, reverse("mfa_view_recovery_codes"))
    assert authenticator_types(coordinator_without_app) == ["recovery_codes", "totp"]
    assert client.get("/").status_code == 200


def test_signing_in_with_an_authenticator_app_asks_for_its_code(client, secretariat_admin):
    response = sign_in(client, "admin@example.org")

    assert (response.status_code, response.url) == (302, reverse("mfa_authenticate"))
    assert "_auth_user_id" not in client.session

    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000" if totp_code() != "000000" else "111111"})
    assert wrong.status_code == 200
    assert "Incorrect code." in wrong.content.decode()
    assert "_auth_user_id" not in client.session

    right = client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    assert (right.status_code, right.url) == (302, reverse("home"))
    assert client.session["_auth_user_id"] == str(secretariat_admin.pk)
    assert client.get(MEMBER_LIST).status_code == 200


def test_a_recovery_code_also_signs_in(client, secretariat_admin):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    recovery = RecoveryCodes(Authenticator.objects.get(user=secretariat_admin, type="recovery_codes"))
    sign_in(client, "admin@example.org")

    response = client.post(reverse("mfa_authenticate"), {"code": recovery.get_unused_codes()[0]})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(secretariat_admin.pk)


def test_staff_made_by_the_factory_have_an_app_and_recovery_codes_unless_told_not_to(db):
    assert authenticator_types(UserFactory(role=Role.SECRETARIAT)) == ["recovery_codes", "totp"]
    assert authenticator_types(UserFactory(role=Role.COORDINATOR)) == ["recovery_codes", "totp"]
    assert authenticator_types(UserFactory(is_staff=True)) == ["recovery_codes", "totp"]
    assert authenticator_types(UserFactory(role=Role.SECRETARIAT, totp=False)) == []
    assert authenticator_types(UserFactory(role=Role.FOCAL_POINT)) == []


def test_the_demo_staff_sign_in_with_the_published_secret(client, db):
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    call_command("load_demo", stdout=io.StringIO())  # idempotent: still one app each

    assert f"oathtool --totp -b {DEMO_TOTP_SECRET}" in output.getvalue()
    for email in ("admin@solutionslabs.example", "coordinator@solutionslabs.example"):
        assert authenticator_types(User.objects.get(email=email)) == ["recovery_codes", "totp"]
    assert authenticator_types(User.objects.get(email="focal.point@bogota.example")) == []

    sign_in(client, "admin@solutionslabs.example", password="solutions-labs-demo")
    client.post(reverse("mfa_authenticate"), {"code": totp_code(DEMO_TOTP_SECRET)})
    assert client.get(MEMBER_LIST).status_code == 200
