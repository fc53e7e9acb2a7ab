"""Secretariat staff (admins and coordinators) sign in with a second factor.

allauth's MFA asks for the authenticator app's code at sign-in once a person
has one; this middleware makes sure staff have one before they reach any page
beyond setting it up, signing out and their account.
"""

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from members.roles import Role, has_role

SETUP_URL_NAME = "mfa_activate_totp"
# Pages a person may reach before setting up the second factor (URL names, or their prefixes).
OPEN_URL_NAMES = {"switch_language", "healthz"}
OPEN_URL_PREFIXES = ("account_", "mfa_")


def needs_second_factor(user):
    """Whether this person must use an authenticator app: the Secretariat's staff."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or has_role(user, Role.SECRETARIAT) or has_role(user, Role.COORDINATOR)


def has_authenticator_app(user):
    """Read once per request (or from the cache: members.person_facts)."""
    known = getattr(user, "_has_authenticator_app", None)
    if known is None:
        known = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        user._has_authenticator_app = known
    return known


def is_open_page(view_name):
    return view_name in OPEN_URL_NAMES or view_name.startswith(OPEN_URL_PREFIXES)


class StaffSecondFactorMiddleware:
    """Sends staff without an authenticator app to its set-up page, with a message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if is_open_page(request.resolver_match.view_name or ""):
            return None
        if not needs_second_factor(request.user) or has_authenticator_app(request.user):
            return None
        messages.warning(
            request,
            _(
                "Secretariat staff sign in with a second factor. Set up an authenticator app "
                "to continue; you will also receive recovery codes."
            ),
        )
        return redirect(SETUP_URL_NAME)
