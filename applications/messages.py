"""The emails about expressions of interest: one function per message, each
queued through the outbox inside the transaction of the change (the outbox
sends it once that transaction commits, once per recipient and occasion)."""

from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse

from applications.enums import InterestState as S
from members.outbox.enums import Occasion
from members.outbox.services import queue_message
from members.roles import Role


def after_state_change(*, interest, from_state, by, change=None):
    """Called by change_state for every change, inside its transaction."""
    from applications.selection import emails as selection

    if interest.state == S.SUBMITTED:
        acknowledge_interest(interest=interest, submitter=by)
        notify_coordinators(interest=interest)
    elif interest.state == S.WITHDRAWN and from_state != S.DRAFT:
        notify_coordinators_of_withdrawal(interest=interest)
    elif interest.state == S.INVITED and invitation_of(interest) is not None:
        selection.send_invitation(invitation=invitation_of(interest))
    elif interest.state in (S.ACCEPTED, S.DECLINED):
        selection.tell_coordinators_of_answer(interest=interest, change=change)
    elif interest.state == S.NOT_SELECTED and getattr(invitation_of(interest), "lapsed_at", None):
        selection.tell_coordinators_of_lapse(invitation=invitation_of(interest))
    if change is not None and change.message:
        selection.tell_member_of_change(interest=interest, change=change)


def invitation_of(interest):
    """The interest's formal invitation (applications.selection.invitations), or None."""
    try:
        return interest.invitation
    except ObjectDoesNotExist:
        return None


def focal_points_of(member):
    return member.people.filter(is_active=True, groups__name=Role.FOCAL_POINT).order_by("pk")


def coordinators_of(lab):
    return lab.coordinators.filter(is_active=True).order_by("pk")


def acknowledge_interest(*, interest, submitter):
    """To the focal point who submitted and every other focal point of the member."""
    recipients = {person.pk: person for person in focal_points_of(interest.member)}
    if submitter is not None:
        recipients.setdefault(submitter.pk, submitter)
    for person in recipients.values():
        _queue(Occasion.INTEREST_ACKNOWLEDGEMENT, interest, person, {"title": str(interest.lab)})


def notify_coordinators(*, interest):
    for person in coordinators_of(interest.lab):
        _queue(Occasion.INTEREST_NOTICE, interest, person, {"title": str(interest.lab)})


def notify_coordinators_of_withdrawal(*, interest):
    reason = interest.state_changes.order_by("-at", "-pk").values_list("reason", flat=True).first() or ""
    for person in coordinators_of(interest.lab):
        context = {"title": str(interest), "state": S.WITHDRAWN.label, "note": reason}
        _queue(Occasion.STATE_CHANGE, interest, person, context)


def remind_draft(*, interest):
    """To every focal point of the member, once per draft and deadline."""
    deadline = interest.lab.interest_deadline
    context = {
        "title": str(interest.lab),
        "deadline": deadline,
        "link": reverse("applications:edit_interest", kwargs={"pk": interest.pk}),
    }
    for person in focal_points_of(interest.member):
        _queue(Occasion.DRAFT_REMINDER, interest, person, context, dedupe_key=f"deadline-{deadline.isoformat()}")


def _queue(occasion, interest, recipient, context, dedupe_key=""):
    queue_message(
        occasion=occasion,
        about=interest,
        recipient=recipient,
        context=context,
        dedupe_key=dedupe_key,
        lab=interest.lab,
        member=interest.member,
    )
