"""A lab's cohort: its members side by side with the balance figures and
warnings, the formal invitations, and the waiting list in the order the
coordinator sets."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from applications.enums import InterestState as S
from applications.models import Interest
from applications.selection import waiting_list
from applications.selection.cohort import balance_of, candidates_of, cohort_of
from applications.selection.decisions import DecisionRefused
from applications.selection.forms import InviteForm, InviteNextForm, end_of_day
from applications.selection.invitations import invite_members
from applications.selection.views.common import back_to, selected_lab
from config.page_cache import cached_page
from members.views.access import requires


@requires("applications.see_selection")
@cached_page
def cohort(request, code):
    lab = selected_lab(request, code)
    data = request.POST if request.method == "POST" else None
    action = (data or {}).get("action", "")
    invitable = Interest.objects.filter(lab=lab, state=S.PRESELECTED).select_related("member").order_by("member__name")
    invite = InviteForm(data if action == "invite" else None, interests=invitable, prefix="invite")
    invite_next = InviteNextForm(data if action == "invite-next" else None, prefix="next")
    if data is not None and _act(request, lab, action, invite=invite, invite_next=invite_next):
        return back_to(request)
    members = list(cohort_of(lab=lab))
    waiting = list(waiting_list.waiting_list(lab=lab))
    # Pre-selected members are in the cohort or waiting: no query to know whether any can be invited.
    has_invitable = any(interest.state == S.PRESELECTED for interest in [*members, *(e.interest for e in waiting)])
    context = {
        "lab": lab,
        "members": members,
        "balance": balance_of(lab=lab, cohort=members, candidates=candidates_of(lab=lab)),
        "invite": invite if has_invitable else None,
        "invite_next": invite_next,
        "waiting": waiting,
    }
    return render(request, "applications/selection/cohort.html", context)


def _act(request, lab, action, *, invite, invite_next):
    if action == "invite":
        return _invite(request, lab, invite)
    if action == "invite-next":
        return _invite_next(request, lab, invite_next)
    if action in ("up", "down", "remove"):
        entry = get_object_or_404(waiting_list.waiting_list(lab=lab), pk=request.POST.get("entry"))
        if action == "remove":
            waiting_list.remove_from_waiting_list(entry=entry, by=request.user)
        else:
            waiting_list.move(entry=entry, by=request.user, step=-1 if action == "up" else 1)
        return True
    return False


def _invite(request, lab, form):
    if not form.is_valid():
        return False
    try:
        sent = invite_members(
            lab=lab,
            interests=form.cleaned_data["interests"],
            deadline=end_of_day(form.cleaned_data["deadline"]),
            by=request.user,
        )
    except (DecisionRefused, ValidationError) as error:
        form.add_error(None, getattr(error, "message", None) or error.messages)
        return False
    messages.success(
        request,
        ngettext(
            "The invitation has gone to the focal points of %(count)s member.",
            "The invitation has gone to the focal points of %(count)s members.",
            len(sent),
        )
        % {"count": len(sent)},
    )
    return True


def _invite_next(request, lab, form):
    if not form.is_valid():
        return False
    try:
        invitation = waiting_list.invite_next(
            lab=lab, deadline=end_of_day(form.cleaned_data["deadline"]), by=request.user
        )
    except (DecisionRefused, ValidationError) as error:
        form.add_error(None, getattr(error, "message", None) or error.messages)
        return False
    if invitation is None:
        messages.error(request, _("Nobody is waiting: add members to the waiting list from their pages."))
    else:
        messages.success(request, _("%(member)s has been invited.") % {"member": invitation.interest.member})
    return True
