"""Demo messages for `manage.py load_demo` (idempotent): each demo person's
invitation to the portal, in their own language, so the Secretariat's page of
messages has something to show. Runs after members.demo."""

from members.demo import DEMO_PEOPLE
from members.models import User
from members.outbox.enums import Occasion
from members.outbox.services import queue_message


def load(stdout):
    emails = [email for email, *_rest in DEMO_PEOPLE]
    people = User.objects.filter(email__in=emails).select_related("member").order_by("email")
    for person in people:
        queue_message(
            occasion=Occasion.PERSON_INVITATION, about=person, recipient=person, context={"link": "/accounts/login/"}
        )
    stdout.write(f"Demo messages: {len(people)} invitations to the portal.")
