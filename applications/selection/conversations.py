"""The conversation log a coordinator keeps for each interest, and the
follow-ups that are due. A follow-up is due from its date until it is marked
done, or until a later conversation with the member is logged; follow-ups of
interests that have reached a final state are never due."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from applications.enums import ACTIVE
from applications.models import Conversation


def log_conversation(*, interest, by, held_on, channel, notes, next_step="", follow_up_on=None):
    """Adds an entry to the log; the earlier follow-ups of the interest are done."""
    _check(by, interest)
    entry = Conversation(
        interest=interest,
        held_on=held_on,
        channel=channel,
        notes=notes.strip(),
        next_step=next_step.strip(),
        follow_up_on=follow_up_on,
        logged_by=by,
    )
    entry.full_clean(exclude=["interest", "logged_by"])
    with transaction.atomic():
        interest.conversations.filter(follow_up_done_at=None, held_on__lte=held_on).update(
            follow_up_done_at=timezone.now()
        )
        entry.save()
    return entry


def mark_follow_up_done(*, conversation, by):
    _check(by, conversation.interest)
    Conversation.objects.filter(pk=conversation.pk, follow_up_done_at=None).update(follow_up_done_at=timezone.now())


def due_follow_ups(*, interests, today):
    """The follow-ups due on `today` (or before) among these interests, oldest first."""
    return (
        Conversation.objects.filter(
            interest__in=interests,
            interest__state__in=ACTIVE,
            follow_up_on__lte=today,
            follow_up_done_at=None,
        )
        .select_related("interest__member", "interest__lab")
        .order_by("follow_up_on", "pk")
    )


def _check(by, interest):
    if not by.has_perm("applications.see_conversations", interest):
        raise PermissionDenied(f"{by} does not keep the log of {interest}.")
