"""The emails of selection, one function each, queued through the outbox
inside the transaction of the change (sent once it commits, once per
recipient and occasion). Texts computed here are written in each
recipient's language; the templates render dates in their time zone."""

from django.urls import reverse
from django.utils import translation

from applications.enums import InterestState as S
from applications.messages import coordinators_of, focal_points_of
from applications.selection import commitments
from members.outbox.enums import Occasion
from members.outbox.services import queue_message


def send_invitation(*, invitation):
    """To every focal point of the member: the commitments, the sessions
    planned, the support offered to this member and the deadline."""
    interest = invitation.interest
    lab = interest.lab
    for person in focal_points_of(interest.member):
        with translation.override(person.preferred_language):
            context = {
                "title": str(lab),
                "commitments": [text for _key, text in commitments.commitment_texts(invitation)],
                "sessions": commitments.planned_sessions(lab),
                "support": str(commitments.support_offered(lab=lab, member=interest.member)),
                "deadline": invitation.respond_by,
                "link": invitation.get_absolute_url(),
            }
        _queue(Occasion.INVITATION, invitation, person, context, interest=interest)


def remind_invitation(*, invitation, dedupe_key):
    for person in focal_points_of(invitation.interest.member):
        context = {
            "title": str(invitation.interest.lab),
            "deadline": invitation.respond_by,
            "link": invitation.get_absolute_url(),
        }
        _queue(Occasion.INVITATION_REMINDER, invitation, person, context, interest=invitation.interest, key=dedupe_key)


def tell_coordinators_of_lapse(*, invitation):
    interest = invitation.interest
    link = reverse("applications:cohort", kwargs={"code": interest.lab.code})
    for person in coordinators_of(interest.lab):
        _queue(
            Occasion.INVITATION_LAPSED, invitation, person, {"title": str(interest), "link": link}, interest=interest
        )


def tell_coordinators_of_answer(*, interest, change):
    """Accepted or declined (with the member's reason)."""
    link = reverse("applications:selection_interest", kwargs={"pk": interest.pk})
    context = {"title": str(interest), "state": S(interest.state).label, "note": change.reason, "link": link}
    for person in coordinators_of(interest.lab):
        _queue(Occasion.STATE_CHANGE, interest, person, context, interest=interest, key=f"change-{change.pk}")


def tell_member_of_change(*, interest, change):
    """The coordinator's message about a change, to every focal point of the member."""
    context = {"title": str(interest.lab), "state": S(interest.state).label, "note": change.message}
    for person in focal_points_of(interest.member):
        _queue(Occasion.STATE_CHANGE, interest, person, context, interest=interest, key=f"change-{change.pk}")


def send_not_selected_notice(*, interest):
    for person in focal_points_of(interest.member):
        _queue(Occasion.NOT_SELECTED, interest, person, {"title": str(interest.lab)}, interest=interest)


def _queue(occasion, about, recipient, context, *, interest, key=""):
    queue_message(
        occasion=occasion,
        about=about,
        recipient=recipient,
        context=context,
        dedupe_key=key,
        lab=interest.lab,
        member=interest.member,
    )
