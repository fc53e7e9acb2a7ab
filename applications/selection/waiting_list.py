"""A lab's waiting list: members the coordinator would invite next, in the
order they set. Members in conversation or pre-selected may wait; the next
one is the first of those still in such a state."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from applications.enums import MAY_WAIT
from applications.enums import InterestState as S
from applications.models import WaitingListEntry
from applications.selection.decisions import DecisionRefused
from applications.selection.invitations import invite_members
from applications.transitions import change_state
from labs.models import Lab

WAITING_LIST_REASON = "waiting list"


def waiting_list(*, lab):
    return (
        WaitingListEntry.objects.filter(lab=lab, interest__state__in=MAY_WAIT)
        .select_related("interest__member")
        .order_by("position", "pk")
    )


def add_to_waiting_list(*, interest, by):
    _check(by, interest)
    if interest.state not in MAY_WAIT:
        raise DecisionRefused(
            _("Only members in conversation or pre-selected can wait; %(member)s is “%(state)s”.")
            % {"member": interest.member, "state": interest.get_state_display()}
        )
    with transaction.atomic():
        Lab.objects.select_for_update().get(pk=interest.lab_id)  # one addition at a time per lab
        last = WaitingListEntry.objects.filter(lab=interest.lab_id).aggregate(Max("position"))
        entry, _created = WaitingListEntry.objects.get_or_create(
            interest=interest,
            defaults={"lab_id": interest.lab_id, "position": (last["position__max"] or 0) + 1, "added_by": by},
        )
    return entry


def remove_from_waiting_list(*, entry, by):
    _check(by, entry.interest)
    entry.delete()


def move(*, entry, by, step):
    """Swaps the entry with its neighbour before (step -1) or after (+1)."""
    _check(by, entry.interest)
    with transaction.atomic():
        entries = list(waiting_list(lab=entry.lab).select_for_update(of=("self",)))
        index = next(i for i, other in enumerate(entries) if other.pk == entry.pk)
        other = index + step
        if not 0 <= other < len(entries):
            return
        entries[index], entries[other] = entries[other], entries[index]
        for position, each in enumerate(entries, start=1):
            if each.position != position:
                each.position = position
                each.save(update_fields=["position"])


def invite_next(*, lab, deadline, by):
    """Invites the first member of the waiting list (pre-selecting it first
    when it is still in conversation, recorded as such). Returns the
    invitation, or None when nobody waits."""
    with transaction.atomic():
        entry = waiting_list(lab=lab).select_for_update(of=("self",)).first()
        if entry is None:
            return None
        interest = entry.interest
        if interest.state == S.IN_CONVERSATION:
            change_state(interest=interest, to=S.PRESELECTED, by=by, reason=WAITING_LIST_REASON)
        (invitation,) = invite_members(lab=lab, interests=[interest], deadline=deadline, by=by)
    return invitation


def _check(by, interest):
    if not by.has_perm("applications.act_for_lab", interest):
        raise PermissionDenied(f"{by} does not select for {interest.lab}.")
