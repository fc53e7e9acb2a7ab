"""State changes of the members app: invitations, linking requests, anonymisation.

Views, the administration, demo data and tests all call these functions.
"""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from members import audit, personal_data
from members.emails import send_person_invitation
from members.enums import InvitationStatus, LinkRequestStatus
from members.models import Invitation, LinkRequest, User, invitation_expiry, new_invitation_token
from members.roles import grant_role, revoke_all_roles


class InvitationUnusable(Exception):
    """The invitation was accepted already or has expired."""

    def __init__(self, status):
        super().__init__(status)
        self.status = status


class DecisionRefused(Exception):
    """A linking request cannot be decided as asked; the message says why."""


def invite_person(*, email, member, role, language, invited_by):
    """Invites an email address to act for a member in a role and sends the email
    once the transaction commits. Inviting the same address to the same member and
    role again refreshes the same invitation (new link, new expiry)."""
    email = email.strip().lower()
    with transaction.atomic():
        invitation, created = Invitation.objects.select_for_update().get_or_create(
            email=email, member=member, role=role, defaults={"language": language, "invited_by": invited_by}
        )
        if not created:
            invitation.language = language
            invitation.invited_by = invited_by
            invitation.token = new_invitation_token()
            invitation.expires_at = invitation_expiry()
            invitation.accepted_at = None
            invitation.accepted_by = None
        invitation.sent_at = timezone.now()
        invitation.save()
        send_person_invitation(invitation)
    return invitation


def invitation_conflict(*, email, member):
    """Why this address cannot be invited to this member, or None: a person acts
    for one member only."""
    person = User.objects.filter(email__iexact=email.strip()).select_related("member").first()
    if person is not None and person.member_id is not None and person.member_id != member.pk:
        return _("%(email)s already acts for %(member)s.") % {"email": person.email, "member": person.member}
    return None


def existing_account_for(invitation):
    return User.objects.filter(email__iexact=invitation.email).first()


def accept_invitation(*, invitation, person=None, name="", password=None):
    """Accepts an invitation: for an existing account (`person`), or by creating
    the account with `name` and `password` (validated by the form). The address is
    marked verified, since the link was received there; the person gets the member
    and the role."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.status != InvitationStatus.PENDING:
            raise InvitationUnusable(invitation.status)
        if person is None:
            person = User.objects.create_user(
                email=invitation.email, password=password, name=name, preferred_language=invitation.language
            )
        person.member = invitation.member
        person.save(update_fields=["member"])
        grant_role(person, invitation.role)
        mark_email_verified(person=person, email=invitation.email)
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = person
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        audit.record(actor=person, action="invitation_accepted", target=invitation, detail=invitation.role)
    return person


def mark_email_verified(*, person, email):
    address, _created = EmailAddress.objects.get_or_create(user=person, email__iexact=email, defaults={"email": email})
    address.verified = True
    if not EmailAddress.objects.filter(user=person, primary=True).exclude(pk=address.pk).exists():
        address.primary = True
    address.save()


def ask_to_be_linked(*, person, member, role, message=""):
    """Records a signed-up person's request to act for a member."""
    if person.member_id is not None:
        raise DecisionRefused(_("Your account is already linked to a member."))
    if LinkRequest.objects.filter(person=person, status=LinkRequestStatus.PENDING).exists():
        raise DecisionRefused(_("You already have a request waiting for a decision."))
    return LinkRequest.objects.create(person=person, member=member, role=role, message=message)


def decide_link_request(*, link_request, decided_by, approve, note=""):
    """Approves (links the person to the member with the role asked for) or
    refuses a pending linking request; the person sees the outcome on their pages."""
    with transaction.atomic():
        link_request = LinkRequest.objects.select_for_update().select_related("person").get(pk=link_request.pk)
        if link_request.status != LinkRequestStatus.PENDING:
            raise DecisionRefused(_("This request has already been decided."))
        person = link_request.person
        if approve:
            if person.member_id is not None and person.member_id != link_request.member_id:
                raise DecisionRefused(_("This person is already linked to another member."))
            person.member_id = link_request.member_id
            person.save(update_fields=["member"])
            grant_role(person, link_request.role)
        link_request.status = LinkRequestStatus.APPROVED if approve else LinkRequestStatus.REFUSED
        link_request.decided_by = decided_by
        link_request.decided_at = timezone.now()
        link_request.decision_note = note
        link_request.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
        audit.record(actor=decided_by, action=f"link_request_{link_request.status}", target=link_request, detail=note)
    return link_request


def anonymise_person(*, person):
    """Deletes a person's personal data but keeps the account row, so that the
    records which reference it (the member's interest and participation, decisions
    taken) stay whole. Effective immediately; the person can no longer sign in."""
    with transaction.atomic():
        person = User.objects.select_for_update().get(pk=person.pk)
        old_email = person.email
        placeholder = f"deleted-{person.pk}@anonymised.invalid"
        person.name = ""
        person.email = placeholder
        person.position = ""
        person.department = ""
        person.gender = ""
        person.set_unusable_password()
        person.is_active = False
        person.is_staff = False
        person.is_superuser = False
        person.anonymised_at = timezone.now()
        person.save()
        revoke_all_roles(person)
        EmailAddress.objects.filter(user=person).delete()
        Authenticator.objects.filter(user=person).delete()
        Invitation.objects.filter(email__iexact=old_email).update(email=placeholder)
        LinkRequest.objects.filter(person=person).update(message="")
        personal_data.anonymise_sections(person=person)
    return person
