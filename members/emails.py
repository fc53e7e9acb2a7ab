"""Emails of the members app, sent through the outbox (members/outbox)."""

from django.urls import reverse

from members.outbox.enums import Occasion
from members.outbox.services import Addressee, queue_message


def send_person_invitation(invitation):
    """Queues the link with which an invited person sets their password (or, with
    an account already, accepts) and starts acting for the member. Each new link
    (token) is one message; inviting again sends the new link."""
    from members.models import User

    account = User.objects.filter(email__iexact=invitation.email).first()
    recipient = account or Addressee(email=invitation.email, preferred_language=invitation.language)
    return queue_message(
        occasion=Occasion.PERSON_INVITATION,
        about=invitation,
        recipient=recipient,
        dedupe_key=invitation.token[:40],
        member=invitation.member,
        context={
            "invitation": invitation,
            "has_account": account is not None,
            "link": reverse("members:accept_invitation", kwargs={"token": invitation.token}),
        },
    )
