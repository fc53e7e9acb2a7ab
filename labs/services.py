"""Business rules of the catalogue: what is public, who coordinates what,
who is eligible for which funded items, and lab proposals."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from labs.enums import CapScope, FundedItem, LabStatus, ProposalStatus
from labs.models import Lab, LabProposal
from labs.wording import describe_support  # noqa: F401  (part of this module's interface)
from members import audit
from members import rules as member_rules


def public_labs():
    """Labs anyone may see: not drafts, and only from published editions."""
    return Lab.objects.filter(edition__is_published=True, status__in=LabStatus.public())


def catalogue_labs():
    """Public labs with everything a card shows, in a fixed number of queries."""
    return (
        public_labs()
        .select_related("edition", "support_package")
        .prefetch_related("themes", "working_languages", "workshops")
    )


def labs_coordinated_by(*, user):
    """The labs a Secretariat coordinator is assigned to (any status)."""
    if not user.is_authenticated:
        return Lab.objects.none()
    return Lab.objects.filter(coordinators=user)


def funded_items(*, package):
    """Every item the package pays for, for at least some members."""
    if package is None or not package.has_travel_support:
        return []
    flags = {
        FundedItem.AIRFARE: package.airfare,
        FundedItem.ACCOMMODATION: package.accommodation_nights > 0,
        FundedItem.LOCAL_TRANSPORT: package.local_transport,
        FundedItem.MEALS: package.meals,
        FundedItem.EVENT_PASS: package.event_pass,
    }
    return [item for item, funded in flags.items() if funded]


def capped_items(*, package):
    """The items that count against the cap on funded members and need eligibility."""
    items = funded_items(package=package)
    if package is not None and package.cap_scope == CapScope.AIRFARE_ONLY:
        return [item for item in items if item == FundedItem.AIRFARE]
    return items


def funded_items_for(*, package, member):
    """The items this member's representatives can be funded for (cap aside)."""
    items = funded_items(package=package)
    if not package or not package.restricts_income_groups or member.income_group in package.eligible_income_groups:
        return items
    restricted = capped_items(package=package)
    return [item for item in items if item not in restricted]


def is_member_eligible_for_travel(*, package, member):
    """Whether the member can receive any travel support from this package.

    A package that offers travel support without saying what yet (details to be
    confirmed) is open to every member."""
    if package is None or not package.has_travel_support:
        return False
    if not package.funds_anything:
        return True
    return bool(funded_items_for(package=package, member=member))


def submit_proposal(*, proposer, title, themes, challenge, languages, proposed_host=""):
    if not themes or not languages:
        raise ValidationError(_("A proposal needs at least one theme and one language."))
    with transaction.atomic():
        proposal = LabProposal.objects.create(
            proposer=proposer,
            member=proposer.member,
            title=title,
            challenge=challenge,
            proposed_host=proposed_host,
        )
        proposal.themes.set(themes)
        proposal.languages.set(languages)
    return proposal


def set_proposal_outcome(*, proposal, outcome, by, note=""):
    """The Secretariat marks a proposal accepted, declined or under discussion."""
    if not member_rules.is_secretariat(by):
        raise PermissionError("Only the Secretariat decides on lab proposals.")
    if outcome not in ProposalStatus.outcomes():
        raise ValidationError(_("Choose accepted, declined or under discussion."))
    proposal.status = outcome
    proposal.outcome_note = note
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.save(update_fields=["status", "outcome_note", "decided_by", "decided_at"])
    audit.record(actor=by, action="proposal_decided", target=proposal, detail=f"{outcome} {note}".strip())
    return proposal


def proposals_visible_to(*, user):
    """The Secretariat sees every proposal; anyone else only their own."""
    if not user.is_authenticated:
        return LabProposal.objects.none()
    if member_rules.is_secretariat(user):
        return LabProposal.objects.all()
    return LabProposal.objects.filter(proposer=user)
