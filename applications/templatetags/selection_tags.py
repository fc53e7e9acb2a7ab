from django import template
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.enums import Actor
from applications.rules import selection_interests_for
from applications.selection import pipeline
from applications.selection.conversations import due_follow_ups
from applications.selection.invitations import LAPSED
from applications.selection.waiting_list import WAITING_LIST_REASON
from applications.transitions import TRANSITIONS
from labs.enums import LanguageCode
from members.rules import is_coordinator, is_secretariat

register = template.Library()

# Reasons the portal itself records, in the reader's language.
PORTAL_REASONS = {
    LAPSED: _("The invitation lapsed: no answer by its deadline."),
    WAITING_LIST_REASON: _("Pre-selected from the waiting list to be invited."),
}
HOME_FOLLOW_UPS = 5


@register.filter
def people_of(interest):
    return pipeline.people_of(interest)


@register.filter
def language_names(interest):
    return [LanguageCode(code).label for code in pipeline.languages_of(interest)]


@register.filter
def reason_text(reason):
    return PORTAL_REASONS.get(reason, reason)


@register.filter
def made_by_member(change):
    """Whether the member's side made this change (its reason is then the member's own)."""
    return not change.from_state or TRANSITIONS.get((change.from_state, change.to_state)) == Actor.MEMBER


@register.inclusion_tag("applications/selection/home_panel.html", takes_context=True)
def follow_ups_panel(context):
    """The due follow-ups of the signed-in coordinator, for the site's home page."""
    user = context["request"].user
    if not user.is_authenticated or not (is_coordinator(user) or is_secretariat(user)):
        return {"shown": False}
    due = due_follow_ups(interests=selection_interests_for(user), today=timezone.localdate())
    return {"shown": True, "due": list(due[:HOME_FOLLOW_UPS]), "total": due.count()}
