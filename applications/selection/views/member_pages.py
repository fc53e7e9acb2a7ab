"""The member's side: a focal point answers the formal invitation (accepting
every commitment, or declining with a reason), then names the participants."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from applications.enums import InterestState as S
from applications.rules import interests_visible_to
from applications.selection import commitments, participants
from applications.selection.decisions import DecisionRefused
from applications.selection.forms import AcceptForm, DeclineForm, ParticipantForm
from applications.selection.invitations import accept_invitation, decline_invitation
from members.views.access import check, requires


def _member_interest(request, pk, perm):
    interests = interests_visible_to(request.user).select_related("lab__support_package", "member", "invitation")
    interest = get_object_or_404(interests, pk=pk)
    check(request, perm, interest)
    return interest


@requires("applications.see_dashboard")
def answer_invitation(request, pk):
    interest = _member_interest(request, pk, "applications.answer_invitation")
    invitation = getattr(interest, "invitation", None)
    if invitation is None:
        raise Http404
    invitation.interest = interest
    texts = commitments.commitment_texts(invitation)
    data = request.POST if request.method == "POST" else None
    action = (data or {}).get("action")
    accept = AcceptForm(data if action == "accept" else None, commitments=texts, prefix="accept")
    decline = DeclineForm(data if action == "decline" else None, prefix="decline")
    answered = False
    if action == "accept" and accept.is_valid():
        keys = list(accept.cleaned_data)
        answered = _answer(request, accept, accept_invitation, invitation=invitation, commitments=keys)
    elif action == "decline" and decline.is_valid():
        reason = decline.cleaned_data["reason"]
        answered = _answer(request, decline, decline_invitation, invitation=invitation, reason=reason)
    if answered and action == "accept":
        messages.success(request, _("Thank you: the member has accepted. Now name its participants."))
        return redirect("applications:participants", pk=interest.pk)
    if answered:
        messages.success(request, _("The invitation has been declined; the coordinator has been told."))
        return redirect(interest)
    context = {
        "interest": interest,
        "invitation": invitation,
        "open": interest.state == S.INVITED and invitation.lapsed_at is None,
        "accept": accept,
        "decline": decline,
        "sessions": commitments.planned_sessions(interest.lab),
        "support": commitments.support_offered(lab=interest.lab, member=interest.member),
        "accepted_texts": [text for key, text in texts if key in invitation.accepted_commitments],
    }
    return render(request, "applications/selection/answer_invitation.html", context)


def _answer(request, form, service, **values):
    try:
        service(by=request.user, **values)
    except ValidationError as error:
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        return False
    except DecisionRefused as error:
        form.add_error(None, error.message)
        return False
    return True


@requires("applications.see_dashboard")
def name_participants(request, pk):
    interest = _member_interest(request, pk, "applications.name_participants")
    if interest.state != S.ACCEPTED:
        messages.error(request, _("Participants are named once the member has accepted the invitation."))
        return redirect(interest)
    named = list(interest.lab_participants.select_related("person"))
    named_emails = {row.email.lower() for row in named}
    people = [
        person
        for person in interest.member.people.filter(is_active=True, anonymised_at=None).order_by("name", "email")
        if person.email.lower() not in named_emails
    ]
    data = request.POST if request.method == "POST" else None
    action = (data or {}).get("action")
    form = ParticipantForm(data if action == "add" else None, people=people)
    if action == "remove":
        row = get_object_or_404(interest.lab_participants.all(), pk=data.get("participant"))
        participants.remove_participant(participant=row, by=request.user)
        messages.success(request, _("%(name)s is no longer named for this lab.") % {"name": row})
        return redirect("applications:participants", pk=interest.pk)
    if action == "add" and form.is_valid() and _add(request, interest, form):
        return redirect("applications:participants", pk=interest.pk)
    context = {
        "interest": interest,
        "named": named,
        "form": form,
        "limit": interest.lab.participants_per_member,
        "places_left": max(interest.lab.participants_per_member - len(named), 0),
    }
    return render(request, "applications/selection/participants.html", context)


def _add(request, interest, form):
    person = form.chosen_person()
    try:
        row = participants.name_participant(
            interest=interest, by=request.user, person=person, details=None if person else form.details()
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error.messages)
        return False
    if row.portal_invitation is not None:
        text = _("%(name)s is named, and invited to the portal as a participant.")
    else:
        text = _("%(name)s is named as a participant.")
    messages.success(request, text % {"name": row})
    return True
