"""The audit log: who did what to which record, and when.

Every app records its state changes and decisions with one call, inside the
same transaction as the change, so that the entry exists if and only if the
change does:

    from members import audit

    audit.register_action("interest_submitted", _("Expression of interest submitted"))  # once, at import

    audit.record(
        actor=request_user_or_None,  # who did it; None for the system or an anonymous visitor
        action="interest_submitted",  # a registered code (unknown codes are refused)
        target=interest,  # the record acted upon (any model instance), or None
        member=None,  # the member concerned; by default target.member_id (or the target if a Member)
        lab=None,  # the lab concerned; by default target.lab_id (or the target if a Lab)
        person=None,  # the person concerned; by default the target if a User, or target.person_id
        detail="submitted → invited",  # free text: the new state, a reason, an amount
    )

`current_actor()` is the person signed in on the request being served (None in
tasks and commands): services that are not given the actor may use it.

Recorded here without any call from the apps: role changes (any change to a
person's role groups, from services or the administration) and sign-in
failures (the address tried, never the password): see members/audit_hooks.py.
Entries cannot be changed or deleted from the portal: the administration and
the Secretariat's page (`audit_log`) only read them.
"""

from contextvars import ContextVar

import rules
from django.utils.translation import gettext_lazy as _

from members.rules import is_secretariat

# Secretariat admins read the log (page and administration); nobody may change it.
rules.add_perm("members.read_audit_log", is_secretariat)
rules.add_perm("members.view_auditentry", is_secretariat)

_actions = {}
_request = ContextVar("audit_request", default=None)


def register_action(code, label):
    """Declares an action code and its label for the Secretariat's page."""
    _actions[code] = label


def action_choices():
    return sorted(_actions.items(), key=lambda item: str(item[1]))


def action_label(code):
    return _actions.get(code, code)


register_action("role_granted", _("Role granted"))
register_action("role_removed", _("Role removed"))
register_action("sign_in_failed", _("Sign-in failed"))
register_action("link_request_approved", _("Linking request approved"))
register_action("link_request_refused", _("Linking request refused"))
register_action("invitation_accepted", _("Invitation accepted"))
register_action("proposal_decided", _("Lab proposal decided"))


def current_actor():
    request = _request.get()
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def _client_address():
    request = _request.get()
    if request is None:
        return None
    # REMOTE_ADDR, not X-Forwarded-For: a visitor can write the latter.
    return request.META.get("REMOTE_ADDR") or None


def _derived(target, model_name, attribute):
    if target is None:
        return None
    if target._meta.label_lower == model_name:
        return target.pk
    return getattr(target, attribute, None)


def record(*, actor, action, target, member=None, lab=None, person=None, detail=""):
    """Writes one audit entry (see the module docstring) and returns it."""
    from members.models_audit import AuditEntry

    if action not in _actions:
        raise ValueError(f"Unknown audit action {action!r}: register it with audit.register_action first.")
    if actor is not None and not actor.is_authenticated:
        actor = None
    return AuditEntry.objects.create(
        actor=actor,
        actor_label=actor.email if actor else "",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:300] if target is not None else "",
        person_id=person.pk if person is not None else _derived(target, "members.user", "person_id"),
        member_id=member.pk if member is not None else _derived(target, "members.member", "member_id"),
        lab_id=lab.pk if lab is not None else _derived(target, "labs.lab", "lab_id"),
        detail=detail,
        ip_address=_client_address(),
    )


class AuditContextMiddleware:
    """Makes the request being served known to `current_actor` and `record`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
