"""The rules of a lab's support package, checked inside the transaction that
holds the lock on the package row (events/support.py), each refusal with its
reason in the reader's language:

- never more funded members than the package's cap (counting the support
  that holds a place: offered, accepted or booked);
- never a member outside the package's eligibility (income group);
- no more funded representatives per member than the package allows;
- of alternative onsite sessions, support for one of them only.
"""

from dataclasses import dataclass, fields

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from events.enums import HOLDS_PLACE
from events.models import TravelSupport
from labs.enums import FundedItem
from labs.services import capped_items, funded_items_for, is_member_eligible_for_travel


class SupportRefused(Exception):
    """The rules of the package forbid this; nothing was changed. `code` names the rule."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class SupportItems:
    """What one offer funds, per the package's items."""

    airfare: bool = False
    accommodation_nights: int = 0
    local_transport: bool = False
    meals: bool = False
    event_pass: bool = False

    @classmethod
    def of(cls, support):
        return cls(**{field.name: getattr(support, field.name) for field in fields(cls)})

    def as_dict(self):
        return {field.name: getattr(self, field.name) for field in fields(self)}

    def funded(self):
        flags = {
            FundedItem.AIRFARE: self.airfare,
            FundedItem.ACCOMMODATION: self.accommodation_nights > 0,
            FundedItem.LOCAL_TRANSPORT: self.local_transport,
            FundedItem.MEALS: self.meals,
            FundedItem.EVENT_PASS: self.event_pass,
        }
        return [item for item, funded in flags.items() if funded]


ITEM_FILTERS = {
    FundedItem.AIRFARE: Q(airfare=True),
    FundedItem.ACCOMMODATION: Q(accommodation_nights__gt=0),
    FundedItem.LOCAL_TRANSPORT: Q(local_transport=True),
    FundedItem.MEALS: Q(meals=True),
    FundedItem.EVENT_PASS: Q(event_pass=True),
}


def live_support(*, lab, excluding=None):
    rows = TravelSupport.objects.filter(lab=lab, status__in=HOLDS_PLACE)
    return rows.exclude(pk=excluding.pk) if excluding is not None else rows


def check_package(package):
    if package is None or not package.has_travel_support:
        raise SupportRefused("no_support", _("This lab's package offers no travel support."))


def check_eligibility(*, package, member):
    if not is_member_eligible_for_travel(package=package, member=member):
        raise SupportRefused(
            "not_eligible",
            _("%(member)s is not eligible for this lab's travel support (income group: %(group)s).")
            % {"member": member.name, "group": member.get_income_group_display()},
        )


def check_items(*, package, member, items):
    chosen = items.funded()
    if not chosen:
        raise SupportRefused("no_items", _("Choose at least one funded item."))
    allowed = funded_items_for(package=package, member=member)
    refused = [FundedItem(item).label for item in chosen if item not in allowed]
    if refused:
        raise SupportRefused(
            "item_not_funded",
            _("The package does not fund this for %(member)s: %(items)s.")
            % {"member": member.name, "items": ", ".join(str(label) for label in refused)},
        )
    if items.accommodation_nights > package.accommodation_nights:
        raise SupportRefused(
            "too_many_nights",
            ngettext(
                "The package funds at most %(count)s night of accommodation.",
                "The package funds at most %(count)s nights of accommodation.",
                package.accommodation_nights,
            )
            % {"count": package.accommodation_nights},
        )


def check_cap(*, package, lab, member, items, excluding=None):
    """Support with a capped item counts the member as funded; a member already
    funded takes no new place."""
    capped = capped_items(package=package)
    cap = package.max_funded_members
    if not cap or not any(item in capped for item in items.funded()):
        return
    counted = Q()
    for item in capped:
        counted |= ITEM_FILTERS[item]
    funded = set(live_support(lab=lab, excluding=excluding).filter(counted).values_list("member_id", flat=True))
    if member.pk not in funded and len(funded) >= cap:
        raise SupportRefused(
            "cap_reached",
            ngettext(
                "The package funds at most %(count)s member, and that place is taken.",
                "The package funds at most %(count)s members, and every place is taken.",
                cap,
            )
            % {"count": cap},
        )


def check_representatives(*, package, lab, member, participant, excluding=None):
    others = live_support(lab=lab, excluding=excluding).filter(member=member).exclude(participant=participant)
    allowed = package.representatives_per_member
    if others.values("participant").distinct().count() >= allowed:
        raise SupportRefused(
            "representatives",
            ngettext(
                "The package funds %(count)s representative per member, and %(member)s already has one.",
                "The package funds %(count)s representatives per member, and %(member)s already has them.",
                allowed,
            )
            % {"count": allowed, "member": member.name},
        )


def check_alternatives(*, lab, member, session, excluding=None):
    group = session.alternative_group
    if group is None:
        return
    other = (
        live_support(lab=lab, excluding=excluding)
        .filter(member=member, session__workshop__alternative_group=group)
        .exclude(session=session)
        .select_related("session")
        .first()
    )
    if other is not None:
        raise SupportRefused(
            "alternative",
            _("%(member)s already has support for %(session)s: of alternative sessions, only one is funded.")
            % {"member": member.name, "session": other.session.title},
        )
