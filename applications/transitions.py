"""Every change of an interest's state goes through `change_state`.

TRANSITIONS is the whole workflow: (from, to) → who makes the change. The
member's side is a focal point of the member (or the Secretariat acting for
it); the lab's side is one of the lab's coordinators (or the Secretariat).
Coordinators never act on drafts: a draft is the member's own until submitted.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.enums import Actor
from applications.enums import InterestState as S
from applications.models import Interest, StateChange

MEMBER, COORDINATOR = Actor.MEMBER, Actor.COORDINATOR

TRANSITIONS = {
    (S.DRAFT, S.SUBMITTED): MEMBER,
    (S.DRAFT, S.WITHDRAWN): MEMBER,
    (S.SUBMITTED, S.IN_CONVERSATION): COORDINATOR,
    (S.SUBMITTED, S.NOT_SELECTED): COORDINATOR,
    (S.SUBMITTED, S.WITHDRAWN): MEMBER,
    (S.IN_CONVERSATION, S.PRESELECTED): COORDINATOR,
    (S.IN_CONVERSATION, S.NOT_SELECTED): COORDINATOR,
    (S.IN_CONVERSATION, S.WITHDRAWN): MEMBER,
    (S.PRESELECTED, S.INVITED): COORDINATOR,
    (S.PRESELECTED, S.NOT_SELECTED): COORDINATOR,
    (S.PRESELECTED, S.WITHDRAWN): MEMBER,
    (S.INVITED, S.ACCEPTED): MEMBER,
    (S.INVITED, S.DECLINED): MEMBER,
    (S.INVITED, S.NOT_SELECTED): COORDINATOR,  # e.g. the invitation lapsed unanswered
    (S.INVITED, S.WITHDRAWN): MEMBER,
}

PERMISSION_OF = {MEMBER: "applications.act_for_member", COORDINATOR: "applications.act_for_lab"}


class IllegalTransition(Exception):
    """The workflow has no such change; nothing was changed."""

    def __init__(self, from_state, to_state):
        self.from_state, self.to_state = S(from_state), S(to_state)
        super().__init__(f"An expression of interest cannot go from {self.from_state} to {self.to_state}.")

    @property
    def message(self):
        """The same, in the reader's language."""
        return _("An expression of interest cannot go from “%(from)s” to “%(to)s”.") % {
            "from": self.from_state.label,
            "to": self.to_state.label,
        }


def allowed_targets(*, state, actor=None):
    """The states an interest in `state` can move to (by this actor, if given)."""
    return [to for (frm, to), who in TRANSITIONS.items() if frm == state and actor in (None, who)]


def change_state(*, interest, to, by, reason="", message=""):
    """Moves the interest to `to`, or raises IllegalTransition (the workflow has
    no such change) or PermissionDenied (`by` is not on the side that makes it).
    The row is locked so two people acting at once cannot both move it; the
    history row, the audit entry and the messages belong to the same
    transaction. `message` is what the coordinator tells the member (emailed
    to its focal points); `reason` stays in the history."""
    from applications import audit, messages

    to = S(to)
    with transaction.atomic():
        locked = Interest.objects.select_for_update(of=("self",)).select_related("lab", "member").get(pk=interest.pk)
        actor = TRANSITIONS.get((locked.state, to))
        if actor is None:
            raise IllegalTransition(locked.state, to)
        if by is not None and not by.has_perm(PERMISSION_OF[actor], locked):
            raise PermissionDenied(f"{by} may not move {locked} to {to}.")
        from_state = locked.state
        locked.state = to
        fields = ["state", "updated_at"]
        if to == S.SUBMITTED:
            locked.submitted_at = timezone.now()
            fields.append("submitted_at")
        locked.save(update_fields=fields)
        change = StateChange.objects.create(
            interest=locked, from_state=from_state, to_state=to, by=by, reason=reason, message=message
        )
        audit.record(actor=by, action="interest_state_changed", target=locked, detail=f"{from_state} → {to}")
        messages.after_state_change(interest=locked, from_state=from_state, by=by, change=change)
    for field in fields:
        setattr(interest, field, getattr(locked, field))
    return locked
