"""Travel support: the coordinator offers it, the participant accepts or
declines, the coordinator books or cancels it. Every change goes through these
functions; the package's rules (events/support_rules.py) are checked with the
lab's package row locked, so two coordinators acting at the same moment are
served one after the other and the cap always holds.

TRANSITIONS is the whole workflow: (from, to) → the side that makes it. A
participant may still decline support once accepted (not once booked); a
declined or cancelled support frees its place, and a new offer is a new row.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events import messages
from events.enums import HOLDS_PLACE, SessionKind, Side
from events.enums import SupportStatus as S
from events.models import Session, SupportChange, TravelSupport
from events.selectors import participation
from events.services import answer_onsite
from events.support_rules import (
    SupportItems,
    SupportRefused,
    check_alternatives,
    check_cap,
    check_eligibility,
    check_items,
    check_package,
    check_representatives,
)
from labs.models import SupportPackage
from members import audit

TRANSITIONS = {
    (S.OFFERED, S.ACCEPTED): Side.PARTICIPANT,
    (S.OFFERED, S.DECLINED): Side.PARTICIPANT,
    (S.OFFERED, S.CANCELLED): Side.COORDINATOR,
    (S.ACCEPTED, S.DECLINED): Side.PARTICIPANT,
    (S.ACCEPTED, S.BOOKED): Side.COORDINATOR,
    (S.ACCEPTED, S.CANCELLED): Side.COORDINATOR,
    (S.BOOKED, S.CANCELLED): Side.COORDINATOR,
}
PERMISSION_OF = {Side.PARTICIPANT: "events.answer_support", Side.COORDINATOR: "events.decide_support"}

__all__ = ["SupportItems", "SupportRefused", "TRANSITIONS"]


class IllegalSupportChange(Exception):
    """The workflow has no such change; nothing was changed."""

    def __init__(self, from_status, to_status):
        self.from_status, self.to_status = S(from_status), S(to_status)
        super().__init__(f"Travel support cannot go from {self.from_status} to {self.to_status}.")

    @property
    def message(self):
        return _("Travel support cannot go from “%(from)s” to “%(to)s”.") % {
            "from": self.from_status.label,
            "to": self.to_status.label,
        }


def allowed_targets(*, status, side=None):
    return [to for (frm, to), who in TRANSITIONS.items() if frm == status and side in (None, who)]


# The audit log's actions for support decisions: one per status reached, and a change of the items.
AUDIT_ACTIONS = {
    S.OFFERED: ("travel_support_offered", gettext_lazy("Travel support offered")),
    S.ACCEPTED: ("travel_support_accepted", gettext_lazy("Travel support accepted")),
    S.DECLINED: ("travel_support_declined", gettext_lazy("Travel support declined")),
    S.BOOKED: ("travel_support_booked", gettext_lazy("Travel support booked")),
    S.CANCELLED: ("travel_support_cancelled", gettext_lazy("Travel support cancelled")),
    None: ("travel_support_changed", gettext_lazy("Travel support changed")),
}
for code, label in AUDIT_ACTIONS.values():
    audit.register_action(code, label)


def record_decision(*, support, from_status, by, note=""):
    """The one place where a support decision is written down, in the same
    transaction as the decision: the support's history and the audit log."""
    change = SupportChange.objects.create(
        support=support, from_status=from_status, to_status=support.status, by=by, note=note
    )
    action, _label = AUDIT_ACTIONS[support.status if from_status != support.status else None]
    funded = SupportItems.of(support)
    items = ", ".join(
        f"{item} ×{funded.accommodation_nights}" if item == "accommodation" else item for item in funded.funded()
    )
    audit.record(
        actor=by,
        action=action,
        target=support,
        member=support.member,
        lab=support.lab,
        person=support.participant,
        detail=" · ".join(part for part in (f"{from_status or '—'} → {support.status}", items, note) if part),
    )
    return change


def _locked_package(lab):
    package = SupportPackage.objects.select_for_update().filter(lab=lab).first()
    check_package(package)
    return package


def offer_travel_support(*, participant, lab, session, items, by):
    """Offers `items` (SupportItems) to a participant of an accepted member of
    the lab, for one of its onsite sessions; raises SupportRefused when a rule
    of the package forbids it, PermissionDenied when `by` does not manage the lab."""
    if not by.has_perm("events.manage_lab", lab):
        raise PermissionDenied(f"{by} does not manage {lab}.")
    if session.lab_id != lab.pk or not session.is_onsite:
        raise SupportRefused("session", _("Choose one of this lab's onsite sessions."))
    row = participation(person=participant, lab=lab)
    if row is None:
        raise SupportRefused("not_participant", _("Travel support goes to a participant of an accepted member."))
    member = row.interest.member
    with transaction.atomic():
        package = _locked_package(lab)
        check_eligibility(package=package, member=member)
        check_items(package=package, member=member, items=items)
        if TravelSupport.objects.filter(participant=participant, session=session, status__in=HOLDS_PLACE).exists():
            raise SupportRefused("already_offered", _("This participant already has support for this session."))
        check_representatives(package=package, lab=lab, member=member, participant=participant)
        check_alternatives(lab=lab, member=member, session=session)
        check_cap(package=package, lab=lab, member=member, items=items)
        try:
            with transaction.atomic():
                support = TravelSupport.objects.create(
                    lab=lab, session=session, participant=participant, member=member, offered_by=by, **items.as_dict()
                )
        except IntegrityError:
            raise SupportRefused(
                "already_offered", _("This participant already has support for this session.")
            ) from None
        record_decision(support=support, from_status="", by=by)
        messages.support_offered(support=support)
    return support


def change_travel_support(*, support, items, by, note=""):
    """Changes what an offered or accepted support funds, within the package."""
    with transaction.atomic():
        package = _locked_package(support.lab)
        locked = _lock(support)
        if not by.has_perm("events.decide_support", locked):
            raise PermissionDenied(f"{by} does not decide on {locked}.")
        if not locked.is_changeable:
            raise SupportRefused(
                "final",
                _("This support is “%(status)s”: it can no longer change.") % {"status": locked.get_status_display()},
            )
        check_items(package=package, member=locked.member, items=items)
        check_cap(package=package, lab=locked.lab, member=locked.member, items=items, excluding=locked)
        for field, value in items.as_dict().items():
            setattr(locked, field, value)
        locked.save()
        change = record_decision(support=locked, from_status=locked.status, by=by, note=note or _("Items changed"))
        messages.support_changed(support=locked, change=change)
    return locked


def change_support_status(*, support, to, by, note="", details=None):
    """Moves the support to `to`, or raises IllegalSupportChange (no such change
    in TRANSITIONS) or PermissionDenied (`by` is not on the side that makes it).
    Accepting records `details` (the travel details) and that the participant
    attends the session; a change by the coordinator is told to the participant."""
    to = S(to)
    with transaction.atomic():
        locked = _lock(support)
        side = TRANSITIONS.get((locked.status, to))
        if side is None:
            raise IllegalSupportChange(locked.status, to)
        if not by.has_perm(PERMISSION_OF[side], locked):
            raise PermissionDenied(f"{by} may not move {locked} to {to}.")
        from_status = locked.status
        locked.status = to
        for field, value in (details or {}).items():
            setattr(locked, field, value)
        locked.save()
        change = record_decision(support=locked, from_status=from_status, by=by, note=note)
        if to == S.ACCEPTED:
            answer_onsite(person=locked.participant, session=locked.session, attending=True)
        if side == Side.COORDINATOR:
            messages.support_changed(support=locked, change=change)
    support.status = locked.status
    return locked


TRAVEL_DETAILS = ["arrival_date", "departure_date", "departure_city", "dietary_needs", "access_needs"]


def accept_travel_support(
    *, support, by, arrival_date, departure_date, departure_city, dietary_needs="", access_needs=""
):
    errors = {}
    if not arrival_date:
        errors["arrival_date"] = _("Give your arrival date.")
    if not departure_date:
        errors["departure_date"] = _("Give your departure date.")
    elif arrival_date and departure_date < arrival_date:
        errors["departure_date"] = _("The departure cannot be before the arrival.")
    if not departure_city.strip():
        errors["departure_city"] = _("Give the city you travel from.")
    if errors:
        raise ValidationError(errors)
    details = {
        "arrival_date": arrival_date,
        "departure_date": departure_date,
        "departure_city": departure_city.strip(),
        "dietary_needs": dietary_needs.strip(),
        "access_needs": access_needs.strip(),
    }
    return change_support_status(support=support, to=S.ACCEPTED, by=by, details=details)


def decline_travel_support(*, support, by, note=""):
    return change_support_status(support=support, to=S.DECLINED, by=by, note=note.strip())


def book_travel_support(*, support, by, note=""):
    return change_support_status(support=support, to=S.BOOKED, by=by, note=note.strip())


def cancel_travel_support(*, support, by, reason):
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the support is cancelled.")})
    return change_support_status(support=support, to=S.CANCELLED, by=by, note=reason.strip())


def _lock(support):
    return (
        TravelSupport.objects.select_for_update(of=("self",))
        .select_related("lab", "session__workshop", "participant", "member")
        .get(pk=support.pk)
    )


def onsite_sessions(lab):
    return Session.objects.filter(lab=lab, kind=SessionKind.ONSITE).select_related("workshop")
