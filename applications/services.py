"""What a member's focal point does with expressions of interest. Views, the
administration, demo data and tests call these functions; every state change
goes through applications.transitions.change_state.

`answers` is a dict of Interest fields (ANSWER_FIELDS); `participants` a list of
dicts of NamedParticipant fields (PARTICIPANT_FIELDS); empty rows are dropped.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from applications import conditions
from applications.conditions import InterestRefused
from applications.enums import ONE_PER_MEMBER_AND_LAB
from applications.enums import InterestState as S
from applications.models import Interest, NamedParticipant, StateChange
from applications.transitions import change_state
from members.models import User

ANSWER_FIELDS = [
    "motivation",
    "experience",
    "intends_to_attend_onsite",
    "asks_travel_support",
    "acknowledged_non_binding",
]
PARTICIPANT_FIELDS = ["name", "position", "department", "email", "working_language", "gender"]


class AlreadyExpressed(Exception):
    """The member already has an expression of interest in this lab: `existing`."""

    def __init__(self, existing):
        super().__init__(f"{existing} already exists")
        self.existing = existing


def existing_interest(*, member, lab):
    """The member's interest in the lab that stands in the way of a new one, or None."""
    return Interest.objects.filter(member=member, lab=lab, state__in=ONE_PER_MEMBER_AND_LAB).first()


def save_draft(*, member, lab, by, answers, participants, interest=None):
    """Creates the member's draft for the lab (`interest` None) or saves an
    existing draft. Any answer may be empty; what is given must be valid."""
    _check_acts_for(by, member)
    _refuse_if_closed(member=member, lab=lab)
    with transaction.atomic():
        if interest is None:
            interest = _create_draft(member=member, lab=lab, by=by)
        else:
            interest = _lock(interest, member=member, lab=lab, states={S.DRAFT})
        _save_answers(interest, answers=answers, participants=participants)
    return interest


def submit_interest(*, member, lab, by, answers, participants, interest=None):
    """Saves the answers and submits them: every answer given, at least one
    named person, the acknowledgement ticked. Messages go out on commit."""
    _check_acts_for(by, member)
    _refuse_if_closed(member=member, lab=lab)
    _refuse_if_incomplete(answers=answers, participants=participants)
    with transaction.atomic():
        interest = save_draft(
            member=member, lab=lab, by=by, answers=answers, participants=participants, interest=interest
        )
        change_state(interest=interest, to=S.SUBMITTED, by=by)
    return interest


def edit_submitted_interest(*, interest, by, answers, participants):
    """Changes a submitted interest's answers, until the lab's interest deadline."""
    _check_acts_for(by, interest.member)
    _refuse_if_closed(member=interest.member, lab=interest.lab)
    _refuse_if_incomplete(answers=answers, participants=participants)
    with transaction.atomic():
        interest = _lock(interest, member=interest.member, lab=interest.lab, states={S.SUBMITTED})
        _save_answers(interest, answers=answers, participants=participants)
    return interest


def withdraw_interest(*, interest, by, reason):
    """The member withdraws, saying why; the interest and its history are kept."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the member withdraws.")})
    return change_state(interest=interest, to=S.WITHDRAWN, by=by, reason=reason.strip())


def _check_acts_for(by, member):
    if not by.has_perm("applications.act_for_member", Interest(member=member)):
        raise PermissionDenied(f"{by} does not act for {member}.")


def _refuse_if_closed(*, member, lab):
    message = conditions.refusal(member=member, lab=lab)
    if message:
        raise InterestRefused(message)


def _refuse_if_incomplete(*, answers, participants):
    errors = conditions.missing_answers(answers)
    rows = _non_empty(participants)
    if not rows:
        errors["participants"] = conditions.no_participant_message()
    elif any(conditions.missing_participant_fields(row) for row in rows):
        errors["participants"] = _("Give every detail of each person named, gender aside.")
    if errors:
        raise ValidationError(errors)


def _create_draft(*, member, lab, by):
    existing = existing_interest(member=member, lab=lab)
    if existing is not None:
        raise AlreadyExpressed(existing)
    try:
        with transaction.atomic():
            interest = Interest.objects.create(member=member, lab=lab, created_by=by)
    except IntegrityError:
        # Created at the same moment by another request (two clicks, two tabs).
        existing = existing_interest(member=member, lab=lab)
        if existing is None:
            raise
        raise AlreadyExpressed(existing) from None
    StateChange.objects.create(interest=interest, from_state="", to_state=S.DRAFT, by=by)
    return interest


def _lock(interest, *, member, lab, states):
    locked = Interest.objects.select_for_update(of=("self",)).select_related("member", "lab").get(pk=interest.pk)
    if locked.member_id != member.pk or locked.lab_id != lab.pk:
        raise ValueError("This interest is another member's or another lab's.")
    if locked.state not in states:
        raise InterestRefused(
            _("This expression of interest is now “%(state)s”: its answers can no longer be changed.")
            % {"state": locked.get_state_display()}
        )
    return locked


def _save_answers(interest, *, answers, participants):
    for field in ANSWER_FIELDS:
        if field in answers:
            setattr(interest, field, answers[field])
    refusal = conditions.travel_support_refusal(lab=interest.lab, member=interest.member)
    if interest.asks_travel_support and refusal:
        raise ValidationError({"asks_travel_support": refusal})
    interest.clean_fields(exclude=["member", "lab", "created_by"])
    interest.save()
    _replace_participants(interest, _non_empty(participants))


def _non_empty(participants):
    return [row for row in participants if any(str(row.get(field) or "").strip() for field in PARTICIPANT_FIELDS)]


def _replace_participants(interest, rows):
    emails = {row["email"].strip().lower() for row in rows if row.get("email")}
    accounts = {person.email.lower(): person for person in User.objects.filter(email__in=emails)} if emails else {}
    people = []
    for sequence, row in enumerate(rows):
        values = {field: (row.get(field) or "").strip() for field in PARTICIPANT_FIELDS}
        person = NamedParticipant(interest=interest, sequence=sequence, **values)
        person.person = accounts.get(values["email"].lower())
        person.clean_fields(exclude=["interest", "person"])
        people.append(person)
    interest.participants.all().delete()
    NamedParticipant.objects.bulk_create(people)
