"""Reminders of drafts not yet submitted, a few days before the lab's interest deadline."""

import datetime

from django.db import transaction

from applications import conditions, messages
from applications.enums import InterestState as S
from applications.models import Interest
from labs.enums import LabStatus
from members.enums import MembershipStatus

DAYS_BEFORE_DEADLINE = 5


def drafts_to_remind(*, today):
    """Drafts of labs still open whose deadline is within DAYS_BEFORE_DEADLINE days
    (a lapsed member cannot submit, so it is not reminded)."""
    return (
        Interest.objects.filter(
            state=S.DRAFT,
            lab__status=LabStatus.OPEN,
            lab__interest_deadline__gte=today,
            lab__interest_deadline__lte=today + datetime.timedelta(days=DAYS_BEFORE_DEADLINE),
        )
        .exclude(member__status=MembershipStatus.LAPSED)
        .select_related("lab", "member")
        .order_by("pk")
    )


def remind_drafts_before_deadline(*, now=None):
    """Queues the reminders; running it again (the same day or the next) sends
    nothing new unless the deadline moved. Returns how many drafts were seen."""
    drafts = list(drafts_to_remind(today=conditions.today_anywhere_on_earth(now)))
    for interest in drafts:
        with transaction.atomic():
            messages.remind_draft(interest=interest)
    return len(drafts)
