"""Demo messages for `manage.py load_demo` (idempotent): an invitation to the
portal for each demo focal point and participant, in their own language, so the
Secretariat's page of messages has something to show. Runs after members.demo."""

from django.utils import timezone

from members.demo import DEMO_PEOPLE
from members.emails import send_person_invitation
from members.models import Invitation, User
from members.roles import Role

INVITED_ROLES = {Role.FOCAL_POINT, Role.PARTICIPANT}


def load(stdout):
    secretariat = User.objects.filter(email=DEMO_PEOPLE[0][0]).first()
    sent = 0
    for email, _name, role, _member, _language, _time_zone in DEMO_PEOPLE:
        if role not in INVITED_ROLES:
            continue
        person = User.objects.select_related("member").get(email=email)
        invitation, _created = Invitation.objects.get_or_create(
            email=email,
            member=person.member,
            role=role,
            defaults={
                "language": person.preferred_language,
                "invited_by": secretariat,
                "sent_at": timezone.now(),
                "accepted_at": timezone.now(),
                "accepted_by": person,
            },
        )
        send_person_invitation(invitation)
        sent += 1
    stdout.write(f"Demo messages: {sent} invitations to the portal.")
