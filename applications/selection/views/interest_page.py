"""One interest's selection page, for the lab's coordinators and the
Secretariat: the answers, the member's other labs, the conversation log, the
invitation and its answer, and the decisions (state, waiting list, notice)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.enums import MAY_WAIT
from applications.enums import InterestState as S
from applications.models import Conversation, Interest, StateChange
from applications.selection import conversations, decisions, waiting_list
from applications.selection.decisions import DECISIONS, DecisionRefused
from applications.selection.forms import ConversationForm, DecisionFields
from applications.selection.views.common import back_to, selected_interest
from applications.transitions import allowed_targets
from members.views.access import check, requires


def interest_with_everything(request, pk):
    history = StateChange.objects.select_related("by")
    log = Conversation.objects.select_related("logged_by")
    interest = selected_interest(request, pk)
    check(request, "applications.see_conversations", interest)
    return (
        Interest.objects.select_related("lab__support_package", "member", "invitation__answered_by", "waiting")
        .prefetch_related(
            "participants", "lab_participants", Prefetch("state_changes", history), Prefetch("conversations", log)
        )
        .get(pk=interest.pk)
    )


@requires("applications.see_selection")
def selection_interest(request, pk):
    interest = interest_with_everything(request, pk)
    data = request.POST if request.method == "POST" else None
    action = (data or {}).get("action")
    targets = [state for state in allowed_targets(state=interest.state) if state in DECISIONS]
    decision = DecisionFields(data if action == "change" else None, targets=targets, prefix="change")
    log = ConversationForm(data if action == "log" else None, initial={"held_on": timezone.localdate()}, prefix="log")
    if data is not None:
        handler = ACTIONS.get(action)
        done = handler(request, interest, decision=decision, log=log) if handler else False
        if done:
            return back_to(request)
    others = (
        Interest.objects.filter(member=interest.member, submitted_at__isnull=False)
        .exclude(pk=interest.pk)
        .select_related("lab")
        .order_by("-submitted_at")
    )
    context = {
        "interest": interest,
        "others": others,
        "decision": decision if targets else None,
        "log": log,
        "may_wait": interest.state in MAY_WAIT,
        "notice_due": decisions.notice_due(interest),
    }
    return render(request, "applications/selection/interest.html", context)


def _change(request, interest, *, decision, **forms):
    if not decision.is_valid():
        return False
    values = decision.cleaned_data
    try:
        decisions.change_states(
            interests=[interest], to=values["to"], by=request.user, reason=values["reason"], message=values["message"]
        )
    except ValidationError as error:
        for field, errors in error.message_dict.items():
            decision.add_error(field, errors)
        return False
    except DecisionRefused as error:
        decision.add_error(None, error.message)
        return False
    messages.success(
        request, _("%(member)s is now “%(state)s”.") % {"member": interest.member, "state": S(values["to"]).label}
    )
    return True


def _log(request, interest, *, log, **forms):
    if not log.is_valid():
        return False
    values = log.cleaned_data
    try:
        conversations.log_conversation(interest=interest, by=request.user, **values)
    except ValidationError as error:
        for field, errors in error.message_dict.items():
            log.add_error(field if field in log.fields else None, errors)
        return False
    messages.success(request, _("The conversation has been logged."))
    return True


def _follow_up_done(request, interest, **forms):
    conversation = get_object_or_404(interest.conversations.all(), pk=request.POST.get("conversation"))
    conversations.mark_follow_up_done(conversation=conversation, by=request.user)
    messages.success(request, _("The follow-up is marked as done."))
    return True


def _wait(request, interest, **forms):
    try:
        waiting_list.add_to_waiting_list(interest=interest, by=request.user)
    except DecisionRefused as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(member)s is on the waiting list.") % {"member": interest.member})
    return True


def _unwait(request, interest, **forms):
    entry = getattr(interest, "waiting", None)
    if entry is not None:
        waiting_list.remove_from_waiting_list(entry=entry, by=request.user)
        messages.success(request, _("%(member)s is no longer on the waiting list.") % {"member": interest.member})
    return True


def _notice(request, interest, **forms):
    if decisions.send_not_selected_notices(interests=[interest], by=request.user):
        messages.success(request, _("The not-selected notice has been sent to the member's focal points."))
    else:
        messages.error(
            request, _("There is no notice to send: it was sent already, or the member is not “not selected”.")
        )
    return True


ACTIONS = {
    "change": _change,
    "log": _log,
    "done": _follow_up_done,
    "wait": _wait,
    "unwait": _unwait,
    "notice": _notice,
}
