"""Formal invitations: the coordinator invites pre-selected members; a focal
point of each accepts (ticking every commitment) or declines with a reason.

An invitation not answered by its deadline lapses: a periodic task moves the
interest from invited to not selected (reason LAPSED, within the workflow's
table) and tells the lab's coordinators, once. Focal points who have not
answered are reminded REMINDER_BEFORE the deadline, once."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications import audit
from applications.enums import InterestState as S
from applications.models import FormalInvitation, Interest, WaitingListEntry
from applications.selection import emails
from applications.selection.commitments import commitments_for
from applications.selection.decisions import DecisionRefused
from applications.transitions import change_state

REMINDER_BEFORE = datetime.timedelta(days=3)
REMINDER_KEY = "3-days-before"
LAPSED = "lapsed"  # the reason recorded when an invitation lapses


def invite_members(*, lab, interests, deadline, by):
    """Invites each pre-selected interest of the lab to answer by `deadline`
    (an aware datetime), all or none; each member's focal points get the
    invitation once this commits. Returns the invitations."""
    interests = list(interests)
    if not interests:
        raise DecisionRefused(_("Tick at least one pre-selected member to invite."))
    if deadline <= timezone.now():
        raise ValidationError({"deadline": _("Give a deadline in the future.")})
    keys = commitments_for(lab)
    invitations = []
    with transaction.atomic():
        locked = Interest.objects.select_for_update().filter(pk__in=[i.pk for i in interests]).order_by("pk")
        for interest in locked:
            if interest.lab_id != lab.pk or interest.state != S.PRESELECTED:
                raise DecisionRefused(
                    _("Nothing was sent: %(member)s is “%(state)s”; only pre-selected members can be invited.")
                    % {"member": interest.member, "state": interest.get_state_display()}
                )
            invitation = FormalInvitation.objects.create(
                interest=interest, respond_by=deadline, commitments=keys, sent_by=by
            )
            WaitingListEntry.objects.filter(interest=interest).delete()
            change_state(interest=interest, to=S.INVITED, by=by)
            audit.record(actor=by, action="formal_invitation_sent", target=interest, detail=deadline.isoformat())
            invitations.append(invitation)
    return invitations


def accept_invitation(*, invitation, by, commitments):
    """Accepts for the member; `commitments` are the keys ticked, and every
    commitment of the invitation must be."""
    missing = [key for key in invitation.commitments if key not in set(commitments)]
    if missing:
        raise ValidationError({key: _("Tick this commitment to accept the invitation.") for key in missing})
    with transaction.atomic():
        invitation = _lock_unanswered(invitation)
        invitation.answered_by, invitation.answered_at = by, timezone.now()
        invitation.accepted_commitments = list(invitation.commitments)
        invitation.save(update_fields=["answered_by", "answered_at", "accepted_commitments"])
        change_state(interest=invitation.interest, to=S.ACCEPTED, by=by)
    return invitation


def decline_invitation(*, invitation, by, reason):
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the member declines.")})
    with transaction.atomic():
        invitation = _lock_unanswered(invitation)
        invitation.answered_by, invitation.answered_at = by, timezone.now()
        invitation.decline_reason = reason
        invitation.save(update_fields=["answered_by", "answered_at", "decline_reason"])
        change_state(interest=invitation.interest, to=S.DECLINED, by=by, reason=reason)
    return invitation


def _lock_unanswered(invitation):
    locked = FormalInvitation.objects.select_for_update().select_related("interest").get(pk=invitation.pk)
    if locked.answered_at is not None or locked.interest.state != S.INVITED:
        raise DecisionRefused(_("This invitation has already been answered."))
    if locked.lapsed_at is not None or locked.respond_by <= timezone.now():
        raise DecisionRefused(_("The deadline to answer this invitation has passed."))
    return locked


def unanswered():
    return FormalInvitation.objects.filter(answered_at=None, lapsed_at=None, interest__state=S.INVITED)


def lapse_unanswered(*, now=None):
    """Lapses every unanswered invitation past its deadline. Returns how many."""
    now = now or timezone.now()
    lapsed = 0
    for invitation_id in unanswered().filter(respond_by__lte=now).values_list("pk", flat=True):
        with transaction.atomic():
            if not FormalInvitation.objects.filter(pk=invitation_id, answered_at=None, lapsed_at=None).update(
                lapsed_at=now
            ):
                continue  # answered or lapsed meanwhile
            invitation = FormalInvitation.objects.select_related("interest").get(pk=invitation_id)
            change_state(interest=invitation.interest, to=S.NOT_SELECTED, by=None, reason=LAPSED)
            lapsed += 1
    return lapsed


def remind_unanswered(*, now=None):
    """Reminds the focal points of members who have not answered, once per
    invitation, from REMINDER_BEFORE the deadline. Returns how many."""
    now = now or timezone.now()
    due = unanswered().filter(reminded_at=None, respond_by__gt=now, respond_by__lte=now + REMINDER_BEFORE)
    reminded = 0
    for invitation_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            if not FormalInvitation.objects.filter(pk=invitation_id, reminded_at=None).update(reminded_at=now):
                continue
            invitation = FormalInvitation.objects.select_related("interest__lab", "interest__member").get(
                pk=invitation_id
            )
            emails.remind_invitation(invitation=invitation, dedupe_key=REMINDER_KEY)
            reminded += 1
    return reminded
