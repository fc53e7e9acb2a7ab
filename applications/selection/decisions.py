"""A coordinator's decisions on interests, one or many at a time: each change
goes through change_state (history, messages), all of them or none."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications import audit
from applications.enums import InterestState as S
from applications.models import Interest
from applications.selection import emails
from applications.transitions import COORDINATOR, TRANSITIONS, change_state

# What a coordinator moves interests to by hand (inviting has its own page).
DECISIONS = [S.IN_CONVERSATION, S.PRESELECTED, S.NOT_SELECTED]


class DecisionRefused(Exception):
    """Nothing was changed; `message` says why, in the reader's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def change_states(*, interests, to, by, reason="", message=""):
    """Moves every interest to `to`, or none: a reason is needed to mark a
    member not selected; an interest the workflow cannot move refuses all."""
    to = S(to)
    reason, message = reason.strip(), message.strip()
    if to not in DECISIONS:
        raise ValueError(f"{to} is not a coordinator's decision")
    if to == S.NOT_SELECTED and not reason:
        raise ValidationError({"reason": _("Say why these members are not selected.")})
    interests = list(interests)
    if not interests:
        raise DecisionRefused(_("Tick at least one member."))
    with transaction.atomic():
        locked = list(Interest.objects.select_for_update().filter(pk__in=[i.pk for i in interests]).order_by("pk"))
        stuck = [i for i in locked if TRANSITIONS.get((i.state, to)) != COORDINATOR]
        if stuck:
            raise DecisionRefused(
                _("Nothing was changed: %(members)s cannot be moved to “%(state)s”.")
                % {"members": ", ".join(f"{i.member} ({i.get_state_display()})" for i in stuck), "state": to.label}
            )
        for interest in locked:
            change_state(interest=interest, to=to, by=by, reason=reason, message=message)
    return locked


def notice_due(interest):
    """Whether the not-selected notice is still to be sent (send_not_selected_notices claims it once)."""
    return interest.state == S.NOT_SELECTED and interest.not_selected_notice_at is None


def send_not_selected_notices(*, interests, by):
    """The courteous notice, to every focal point of each member not selected,
    in their language, once per interest. Returns the interests notified now."""
    sent = []
    with transaction.atomic():
        for interest in interests:
            if not by.has_perm("applications.act_for_lab", interest):
                raise PermissionDenied(f"{by} does not select for {interest.lab}.")
            claimed = Interest.objects.filter(pk=interest.pk, state=S.NOT_SELECTED, not_selected_notice_at=None).update(
                not_selected_notice_at=timezone.now()
            )
            if claimed:
                emails.send_not_selected_notice(interest=interest)
                audit.record(actor=by, action="not_selected_notice_sent", target=interest)
                sent.append(interest)
    return sent
