from django import template

from applications import conditions, wording
from applications.enums import ACTIVE
from applications.enums import InterestState as S

register = template.Library()

BADGES = {
    S.DRAFT: "text-bg-light border",
    S.SUBMITTED: "text-bg-primary",
    S.IN_CONVERSATION: "text-bg-info",
    S.PRESELECTED: "text-bg-info",
    S.INVITED: "text-bg-warning",
    S.ACCEPTED: "text-bg-success",
}


@register.filter
def next_step(interest):
    return wording.next_step(interest.state)


@register.filter
def may_change(interest):
    return conditions.may_change(interest)


@register.filter
def may_withdraw(interest):
    return interest.state in ACTIVE


@register.filter
def state_badge(interest):
    return BADGES.get(interest.state, "text-bg-secondary")
