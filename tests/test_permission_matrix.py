"""The permission matrix: every URL pattern of the project, asked by every role.

Each pattern needs a row (tests/<app>/matrix.py, listed in ROW_MODULES) or a
group rule below (the administration); a pattern added without one makes
`test_every_url_pattern_has_a_row` fail, so no page can be forgotten. Each
pattern is then requested (GET) by anonymous visitors and by one person of
each role of tests/members/matrix.py, and every answer is compared with the
expected one. The vocabulary (expect, signed_in, LOGIN...) is explained there.
"""

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve

from members.models import Member
from tests.members.matrix import (
    ADMIN_LOGIN,
    ANY_REDIRECT,
    HOME,
    LOGIN,
    ROLES,
    Redirect,
    Row,
    answer_matches,
    build_cast,
    describe,
    everyone,
    signed_in,
)

# One module per app: its ROWS, and build(world) for the objects they point at.
ROW_MODULES = [
    "tests.members.matrix",
    "tests.labs.matrix",
    "tests.outbox.matrix",
    "tests.applications.matrix",
    "tests.events.matrix",
    "tests.security.matrix",
]


def signed_in_redirect(to):
    return {**signed_in(Redirect(to)), "anonymous": LOGIN}


def public_unless_signed_in(redirect=HOME):
    return {**everyone(redirect), "anonymous": 200}


FOUNDATION_ROWS = [
    Row("home", everyone(200)),
    Row("healthz", everyone(200)),
    Row("switch_language", everyone(405)),  # POST only
]

# allauth's pages, as configured in config/settings.py. The MFA pages depend on
# the person's second factors: in the world the staff (coordinators and the
# Secretariat admin) have an authenticator app and recovery codes, nobody else
# has any, and force_login leaves no recent sign-in, so pages that change second
# factors first ask everyone to sign in again (reauthenticate).
REAUTHENTICATE = Redirect("account_reauthenticate")
STAFF = ("coordinator_x", "coordinator_y", "secretariat")


def for_staff(answer):
    return dict.fromkeys(STAFF, answer)


ACCOUNT_ROWS = [
    Row("account_login", public_unless_signed_in()),
    Row("account_logout", {**signed_in(200), "anonymous": HOME}),  # GET asks to confirm
    Row("account_inactive", everyone(200)),
    Row("account_signup", public_unless_signed_in()),
    Row("account_reauthenticate", signed_in(200)),
    Row("account_email", signed_in(200)),
    Row("account_email_verification_sent", everyone(200)),
    Row("account_change_password", signed_in(200)),
    Row("account_set_password", signed_in_redirect("account_change_password")),  # everyone has a password
    Row("account_reset_password", everyone(200)),
    Row("account_confirm_login_code", {**everyone(HOME), "anonymous": LOGIN}),  # no code was asked for
    Row("account_confirm_email", everyone(200), kwargs=lambda world: {"key": "not-a-key"}),  # says the link is bad
    Row("account_reset_password_from_key_done", everyone(200)),
    Row(
        "account_reset_password_from_key",
        everyone(200),
        kwargs=lambda world: {"uidb36": "1", "key": "not-a-key"},  # says the link is bad
    ),
    Row("account_reset_password_done", everyone(200)),
    Row("mfa_index", signed_in(200)),
    Row("mfa_authenticate", {**everyone(HOME), "anonymous": LOGIN}),  # nothing to authenticate
    Row("mfa_reauthenticate", {**signed_in_redirect("account_reauthenticate"), **for_staff(200)}),
    Row("mfa_activate_totp", signed_in_redirect("account_reauthenticate")),
    Row("mfa_deactivate_totp", {**signed_in(404), **for_staff(REAUTHENTICATE)}),
    Row("mfa_view_recovery_codes", {**signed_in(404), **for_staff(REAUTHENTICATE)}),
    Row("mfa_generate_recovery_codes", signed_in_redirect("account_reauthenticate")),
    Row("mfa_download_recovery_codes", {**signed_in(404), **for_staff(REAUTHENTICATE)}),
]


@dataclass(frozen=True)
class Pattern:
    name: str | None  # with its namespace, e.g. "members:profile"
    route: str  # the whole route, prefixes included

    @property
    def key(self):
        return self.name or self.route


def url_patterns(resolver=None, prefix="", namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
            yield from url_patterns(entry, prefix + str(entry.pattern), inner)
        else:
            yield Pattern(name=f"{namespace}{entry.name}" if entry.name else None, route=prefix + str(entry.pattern))


@dataclass(frozen=True)
class Group:
    """One rule for many patterns, which may be unnamed (the administration's)."""

    description: str
    matches: Callable
    expected: Callable  # pattern -> {role: answer}
    kwargs: Callable  # (world, pattern) -> kwargs of the route
    query: Callable = lambda pattern: {}


# The Secretariat admin reaches every page of the administration, with these
# exceptions; everyone else is sent to the administration's sign-in page,
# which refuses people without staff status.
ADMIN_CATCH_ALL = "admin/(?P<url>.*)$"
SECRETARIAT_ADMIN_EXCEPTIONS = {
    "admin:login": Redirect("admin:index"),  # already signed in
    "admin:logout": 405,  # signing out is a POST
    "admin:view_on_site": ANY_REDIRECT,  # to the member's page
    "admin:members_invitation_add": 403,  # invitations are sent from the Invitations page
    "admin:members_linkrequest_add": 403,  # people ask themselves
    "admin:applications_interest_add": 403,  # interests are read there: focal points make them
    "admin:applications_interest_delete": 403,  # no record of interest is ever deleted
    "admin:outbox_message_add": 403,  # messages are written by queue_message only
    "admin:outbox_message_delete": 403,  # and never deleted by hand
    "admin:events_travelsupport_add": 403,  # travel support is offered on the coordinator's pages only
    "admin:events_travelsupport_delete": 403,  # and its history is kept
    "admin:events_labdocument_add": 403,  # documents are published (and their uploads checked) there too
    "admin:members_auditentry_add": 403,  # the audit log is written by the portal only
    "admin:members_auditentry_delete": 403,  # and never changed
    ADMIN_CATCH_ALL: 404,
}


def admin_expected(pattern):
    if pattern.name == "admin:login":
        return {**everyone(403), "anonymous": LOGIN, "secretariat": Redirect("admin:index")}
    if pattern.name == "admin:logout":
        return {**everyone(Redirect("admin:index")), "secretariat": 405}
    if pattern.name is None and pattern.route.endswith("<path:object_id>/"):
        secretariat = ANY_REDIRECT  # the old object URL redirects to its change page
    else:
        secretariat = SECRETARIAT_ADMIN_EXCEPTIONS.get(pattern.key, 200)
    return {**everyone(ADMIN_LOGIN), "secretariat": secretariat}


def admin_kwargs(world, pattern):
    kwargs = {
        "app_label": "members",
        "url": "no-such-page/",
        "content_type_id": ContentType.objects.get_for_model(Member).pk,
        "object_id": world.member_a.pk,
        "id": world.people["no_member"].pk,
    }
    model_route = re.match(r"admin/(\w+)/(\w+)/<path:object_id>/", pattern.route)
    if model_route:
        model = apps.get_model(model_route.group(1), model_route.group(2))
        instance = model._default_manager.order_by("pk").first()
        assert instance is not None, f"No {model.__name__} in the world: create one in your app's build(world)."
        kwargs["object_id"] = instance.pk
    return kwargs


GROUPS = [
    Group(
        description="uploaded files, served by Django in development only (DEBUG)",
        matches=lambda pattern: pattern.route.startswith("^media/"),
        expected=lambda pattern: everyone(404),
        kwargs=lambda world, pattern: {"path": "no-such-file.pdf"},
    ),
    Group(
        description="the administration: the Secretariat admin only",
        matches=lambda pattern: pattern.route.startswith("admin/"),
        expected=admin_expected,
        kwargs=admin_kwargs,
        query=lambda pattern: (
            {"app_label": "members", "model_name": "user", "field_name": "member"}
            if pattern.name == "admin:autocomplete"
            else {}
        ),
    ),
]


def row_modules():
    return [importlib.import_module(name) for name in ROW_MODULES]


def all_rows():
    return FOUNDATION_ROWS + ACCOUNT_ROWS + [row for module in row_modules() for row in module.ROWS]


ROWS_BY_NAME = {row.name: row for row in all_rows()}
PATTERNS = list(url_patterns())


def rule_for(pattern):
    """(expected answers, kwargs builder, query builder) for a pattern, or None."""
    row = ROWS_BY_NAME.get(pattern.name)
    if row is not None:
        return row.expected, row.kwargs, lambda: row.query
    for group in GROUPS:
        if group.matches(pattern):
            return (
                group.expected(pattern),
                lambda world, group=group: group.kwargs(world, pattern),
                lambda group=group: group.query(pattern),
            )
    return None


def concrete_path(route, kwargs):
    """A path for the route with these values in its parameters."""
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda match: str(kwargs[match.group(1)]), route)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda match: str(kwargs[match.group(1)]), path)
    path = re.sub(r"\\(.)", r"\1", path.replace("^", "").replace("$", ""))
    return "/" + path


def test_every_url_pattern_has_a_row():
    missing = [pattern.key for pattern in PATTERNS if rule_for(pattern) is None]

    assert missing == [], "Add a Row for each of these URLs to your app's tests/<app>/matrix.py"


def test_every_row_names_an_existing_url():
    names = {pattern.name for pattern in PATTERNS}

    assert [row.name for row in all_rows() if row.name not in names] == []


def test_no_url_has_two_rows():
    names = [row.name for row in all_rows()]

    assert sorted({name for name in names if names.count(name) > 1}) == []


def test_the_cast_has_one_person_per_role(db):
    world = build_cast()

    assert sorted(world.people) == sorted(set(ROLES) - {"anonymous"})


def build_world():
    """The cast and every app's objects of the matrix (each app's build(world))."""
    world = build_cast()
    for module in row_modules():
        if hasattr(module, "build"):
            module.build(world)
    return world


@pytest.fixture
def world(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # the cast is built per test
    return build_world()


@pytest.mark.parametrize("pattern", PATTERNS, ids=[pattern.key for pattern in PATTERNS])
def test_each_role_gets_the_expected_answer(pattern, world):
    rule = rule_for(pattern)
    if rule is None:
        pytest.fail(f"{pattern.key} has no row in the permission matrix")
    expected, kwargs, query = rule
    path = concrete_path(pattern.route, kwargs(world))
    assert resolve(path).route.replace("^", "") == pattern.route.replace("^", ""), path  # the path is this pattern's

    wrong = {}
    for role in ROLES:
        client = Client()
        if role != "anonymous":
            client.force_login(world.people[role])
        response = client.get(path, query())
        if not answer_matches(expected[role], response):
            wrong[role] = f"expected {expected[role]!r}, got {describe(response)}"

    assert wrong == {}, path


def test_a_url_added_without_a_row_is_noticed():
    assert rule_for(Pattern(name="labs:lab_detail", route="labs/<int:pk>/")) is None
    assert rule_for(Pattern(name=None, route="labs/<int:pk>/old/")) is None
