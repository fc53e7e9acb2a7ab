"""After accepting, a member names its participants, up to the lab's
`participants_per_member`: people of the member (who get the Participant
role), or new people, who are invited to the portal as participants.

The rows are personal data: each person can download the rows that name them,
and anonymisation clears them."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.enums import InterestState as S
from applications.models import Interest, LabParticipant
from members.enums import Language
from members.models import User
from members.roles import Role, grant_role
from members.services import invitation_conflict, invite_person

DETAIL_FIELDS = ["name", "email", "position", "department", "working_language", "gender"]


def places_left(interest):
    return max(interest.lab.participants_per_member - interest.lab_participants.count(), 0)


def name_participant(*, interest, by, person=None, details=None):
    """Names `person` (one of the member's people) or the person described by
    `details` (DETAIL_FIELDS; name and email needed). Raises ValidationError
    when the lab's number is reached or the person cannot be named."""
    if not by.has_perm("applications.name_participants", interest):
        raise PermissionDenied(f"{by} does not act for {interest.member}.")
    with transaction.atomic():
        locked = Interest.objects.select_for_update().select_related("lab", "member").get(pk=interest.pk)
        if locked.state != S.ACCEPTED:
            raise ValidationError(_("Participants are named once the member has accepted the invitation."))
        if not places_left(locked):
            raise ValidationError(
                _("%(lab)s takes at most %(count)s participants per member: remove one to name another.")
                % {"lab": locked.lab.code, "count": locked.lab.participants_per_member}
            )
        row = _from_person(locked, person) if person is not None else _from_details(locked, details or {})
        if locked.lab_participants.filter(email__iexact=row.email).exists():
            raise ValidationError({"email": _("This person is already named for this lab.")})
        row.interest, row.named_by = locked, by
        row.full_clean(exclude=["interest", "person", "portal_invitation", "named_by"])
        if row.person is not None:
            grant_role(row.person, Role.PARTICIPANT)
        else:
            row.portal_invitation = invite_person(
                email=row.email,
                member=locked.member,
                role=Role.PARTICIPANT,
                language=_invitation_language(row, by),
                invited_by=by,
            )
        row.save()
    return row


def remove_participant(*, participant, by):
    if not by.has_perm("applications.name_participants", participant.interest):
        raise PermissionDenied(f"{by} does not act for {participant.interest.member}.")
    participant.delete()


def _from_person(interest, person):
    if person.member_id != interest.member_id or not person.is_active:
        raise ValidationError({"person": _("Choose one of your member's people.")})
    return LabParticipant(
        person=person,
        name=person.get_full_name(),
        email=person.email,
        position=person.position,
        department=person.department,
        gender=person.gender,
        working_language=person.preferred_language,
    )


def _from_details(interest, details):
    values = {name: str(details.get(name) or "").strip() for name in DETAIL_FIELDS}
    values["email"] = values["email"].lower()
    errors = {name: _("This field is required.") for name in ("name", "email") if not values[name]}
    if errors:
        raise ValidationError(errors)
    conflict = invitation_conflict(email=values["email"], member=interest.member)
    if conflict:
        raise ValidationError({"email": conflict})
    account = User.objects.filter(email__iexact=values["email"], member=interest.member, is_active=True).first()
    return LabParticipant(person=account, **values)


def _invitation_language(row, by):
    return row.working_language if row.working_language in Language.values else by.preferred_language


def export_lab_participations(person):
    rows = LabParticipant.objects.filter(Q(person=person) | Q(email__iexact=person.email), anonymised_at=None)
    return [
        {
            "lab": row.interest.lab.code,
            "member": row.interest.member.name,
            "name": row.name,
            "email": row.email,
            "position": row.position,
            "department": row.department,
            "working_language": row.working_language,
            "gender": row.gender,
            "named_at": row.named_at.isoformat(),
        }
        for row in rows.select_related("interest__lab", "interest__member").order_by("named_at", "pk")
    ]


def anonymise_lab_participations(person):
    """The row stays (the member's participation is whole), the person's data goes."""
    LabParticipant.objects.filter(person=person).update(
        name="",
        email=f"deleted-{person.pk}@anonymised.invalid",
        position="",
        department="",
        gender="",
        anonymised_at=timezone.now(),
    )


def link_lab_participations(sender, instance, created, update_fields=None, **kwargs):
    """Links the rows naming an address to the account that has it (post_save of User)."""
    if update_fields is not None and "email" not in update_fields:
        return
    if instance.anonymised_at is None and instance.email:
        LabParticipant.objects.filter(person=None, email__iexact=instance.email).update(person=instance)
