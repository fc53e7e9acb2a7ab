"""Sending one queued message, at most once, and deciding what happens after a failure.

The tasks call these functions; they never raise for a mail-server problem,
they record it on the row instead.
"""

import logging
import smtplib
from datetime import timedelta
from email.headerregistry import Address

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.utils import timezone

from members.outbox.enums import MessageStatus
from members.outbox.models import Message
from members.outbox.rendering import single_line

logger = logging.getLogger(__name__)

# A row left queued this long was never handed to a worker (broker down).
QUEUED_GRACE = timedelta(minutes=5)
# A row claimed this long ago belongs to a worker that died: longer than any
# SMTP conversation (EMAIL_TIMEOUT), so a live worker is never overtaken.
SENDING_LEASE = timedelta(minutes=15)
STALE_BATCH = 500


def max_attempts():
    return len(settings.OUTBOX_RETRY_DELAYS) + 1


def claim(*, message_id):
    """queued → sending in one conditional UPDATE: of two workers, only one wins."""
    return bool(
        Message.objects.filter(pk=message_id, status=MessageStatus.QUEUED).update(
            status=MessageStatus.SENDING, attempts=F("attempts") + 1, claimed_at=timezone.now()
        )
    )


def build_email(message):
    to = str(Address(display_name=single_line(message.recipient_name), addr_spec=message.recipient_email))
    email = EmailMultiAlternatives(
        subject=single_line(message.subject),
        body=message.text_body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={"Auto-Submitted": "auto-generated"},
    )
    email.attach_alternative(message.html_body, "text/html")
    return email


def is_temporary(error):
    """4xx answers, lost connections and timeouts are worth another try; 5xx are not."""
    if isinstance(error, smtplib.SMTPConnectError):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _text in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return True
    if isinstance(error, smtplib.SMTPException):
        return False
    return isinstance(error, OSError)  # ConnectionError, TimeoutError, socket errors


def deliver(*, message_id):
    """Sends the message if it is still queued. Returns the delay in seconds
    before the next attempt when one is due, otherwise None."""
    if not claim(message_id=message_id):
        logger.info("Message %s is gone or not queued: nothing to send.", message_id)
        return None
    message = Message.objects.get(pk=message_id)
    try:
        build_email(message).send()
    except Exception as error:  # recorded on the row: the row is the outcome
        return record_failure(message, error)
    Message.objects.filter(pk=message.pk, status=MessageStatus.SENDING).update(
        status=MessageStatus.SENT, sent_at=timezone.now()
    )
    return None


def record_failure(message, error):
    description = f"{error.__class__.__name__}: {error}"[:2000]
    if is_temporary(error) and message.attempts < max_attempts():
        delay = settings.OUTBOX_RETRY_DELAYS[message.attempts - 1]
        logger.warning("Message %s, attempt %s failed, retrying in %ss: %s", message.pk, message.attempts, delay, error)
        Message.objects.filter(pk=message.pk, status=MessageStatus.SENDING).update(
            status=MessageStatus.QUEUED,
            last_error=description,
            next_attempt_at=timezone.now() + timedelta(seconds=delay),
        )
        return delay
    logger.error("Message %s failed after %s attempt(s): %s", message.pk, message.attempts, error)
    Message.objects.filter(pk=message.pk, status=MessageStatus.SENDING).update(
        status=MessageStatus.FAILED, last_error=description
    )
    return None


def release_stale(*, now=None):
    """Puts back rows nobody is working on and returns their ids, to be queued again:
    rows whose sender died mid-way, and rows queued long past their due time."""
    now = now or timezone.now()
    overdue = Message.objects.filter(status=MessageStatus.SENDING, claimed_at__lt=now - SENDING_LEASE)
    overdue.filter(attempts__gte=max_attempts()).update(
        status=MessageStatus.FAILED, last_error="The worker stopped while sending; no attempt left."
    )
    revived = list(overdue.values_list("pk", flat=True)[:STALE_BATCH])
    overdue.filter(pk__in=revived).update(status=MessageStatus.QUEUED, next_attempt_at=now)
    stale = Message.objects.filter(status=MessageStatus.QUEUED, next_attempt_at__lt=now - QUEUED_GRACE)
    waiting = list(stale.values_list("pk", flat=True)[:STALE_BATCH])
    # Due again only after another grace period: a slow queue is not flooded with copies.
    stale.filter(pk__in=waiting).update(next_attempt_at=now)
    return revived + waiting
