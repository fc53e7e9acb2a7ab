"""The one road every email takes: other apps call queue_message inside the
transaction of the change that causes the message."""

from dataclasses import dataclass
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone

from members.outbox.enums import MessageStatus, Occasion
from members.outbox.models import Message
from members.outbox.rendering import message_context, render_occasion, single_line
from members.outbox.tasks import enqueue


@dataclass(frozen=True)
class Addressee:
    """A recipient who has no account yet (an invited person): what rendering
    and sending need to know of them."""

    email: str
    preferred_language: str
    name: str = ""
    time_zone: str = "UTC"
    member: object = None

    def get_full_name(self):
        return self.name


def recipient_key(recipient):
    """A person with an account is one recipient whatever their address; an
    addressee without one is their address."""
    if isinstance(recipient, Addressee):
        return {"recipient": None, "recipient_email": recipient.email.lower()}
    return {"recipient": recipient}


def queue_message(*, occasion, about, recipient, context=None, dedupe_key="", lab=None, member=None):
    """Renders the occasion's templates for the recipient and stores the message;
    the sending task is queued when the surrounding transaction commits.

    Calling it again for the same occasion, object, recipient and dedupe_key
    changes nothing and returns the message already stored. `lab` (a Lab) and
    `member` (defaults to the recipient's member) only serve the Secretariat's
    filters; `context` adds to what the templates receive
    (`title` and `link` override the defaults: str(about), about's address).
    `recipient` is a person (User) or, for someone without an account yet, an
    `Addressee`.
    """
    occasion = Occasion(occasion)
    if "\r" in recipient.email or "\n" in recipient.email:
        raise ValueError("An email address cannot contain a line break.")
    key = {
        "occasion": occasion,
        "content_type": ContentType.objects.get_for_model(about),
        "object_id": about.pk,
        "dedupe_key": dedupe_key,
        **recipient_key(recipient),
    }
    existing = Message.objects.filter(**key).first()
    if existing:
        return existing
    member = member if member is not None else recipient.member
    values = message_context(about=about, recipient=recipient, member=member, context=context or {})
    rendered = render_occasion(occasion=occasion, recipient=recipient, values=values)
    try:
        with transaction.atomic():
            message = Message.objects.create(
                **{**key, "recipient_email": recipient.email.lower()},
                recipient_name=single_line(recipient.get_full_name()),
                lab=lab,
                member=member,
                language=rendered.language,
                subject=rendered.subject,
                text_body=rendered.text_body,
                html_body=rendered.html_body,
            )
    except IntegrityError:
        existing = Message.objects.filter(**key).first()  # queued at the same moment elsewhere
        if existing is None:
            raise
        return existing
    transaction.on_commit(partial(enqueue, message.pk))
    return message


def resend_message(*, message, by):
    """Queues a failed message again, by hand: the only way a message goes out
    after its automatic attempts are spent. Returns False when it was not failed."""
    now = timezone.now()
    with transaction.atomic():
        resent = Message.objects.filter(pk=message.pk, status=MessageStatus.FAILED).update(
            status=MessageStatus.QUEUED, attempts=0, next_attempt_at=now, resent_by=by, resent_at=now
        )
        if resent:
            transaction.on_commit(partial(enqueue, message.pk))
    message.refresh_from_db()
    return bool(resent)
