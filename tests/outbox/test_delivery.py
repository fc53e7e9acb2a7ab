"""Sending: claimed once, retried on temporary errors, failed with the error
kept, stale rows picked up again, headers never injected."""

import datetime
import smtplib

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from kombu.exceptions import OperationalError

from config.celery import app as celery_app
from members.outbox import delivery, tasks
from members.outbox.enums import MessageStatus, Occasion
from members.outbox.models import Message
from members.outbox.services import queue_message, resend_message
from tests.factories import MemberFactory, UserFactory
from tests.outbox.factories import MessageFactory

pytestmark = pytest.mark.django_db

TRY_LATER = smtplib.SMTPDataError(451, b"4.3.0 Try again later")


@pytest.fixture
def countdowns(monkeypatch):
    """The delays with which send_message queues itself again."""
    seen = []
    real_enqueue = tasks.enqueue

    def recording_enqueue(message_id, *, countdown=None):
        seen.append(countdown)
        return real_enqueue(message_id, countdown=countdown)

    monkeypatch.setattr(tasks, "enqueue", recording_enqueue)
    return seen


def test_of_two_claims_on_a_queued_message_only_the_first_wins():
    message = MessageFactory()

    assert delivery.claim(message_id=message.pk) is True
    assert delivery.claim(message_id=message.pk) is False
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.SENDING, 1)


def test_the_same_task_delivered_twice_sends_one_email():
    message = MessageFactory()

    tasks.send_message(message.pk)
    tasks.send_message(message.pk)

    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.SENT, 1)


def test_a_task_for_a_message_that_is_gone_exits_quietly():
    tasks.send_message(987654)

    assert mail.outbox == []


def test_a_temporary_error_is_retried_with_growing_delays_then_the_message_fails(settings, mail_server, countdowns):
    settings.OUTBOX_RETRY_DELAYS = [60, 300, 1800, 7200]
    mail_server.script = [TRY_LATER] * 5
    message = MessageFactory()

    tasks.send_message(message.pk)  # tasks run eagerly: every retry runs at once

    message.refresh_from_db()
    assert countdowns == [60, 300, 1800, 7200]
    assert message.status == MessageStatus.FAILED
    assert message.attempts == 5
    assert message.last_error == "SMTPDataError: (451, b'4.3.0 Try again later')"
    assert mail.outbox == []


def test_a_message_that_gets_through_on_a_later_attempt_is_sent_once(mail_server, countdowns):
    mail_server.script = [ConnectionRefusedError(111, "Connection refused"), smtplib.SMTPServerDisconnected("gone")]
    message = MessageFactory()

    tasks.send_message(message.pk)

    message.refresh_from_db()
    assert countdowns == [60, 300]
    assert (message.status, message.attempts) == (MessageStatus.SENT, 3)
    assert message.last_error == "SMTPServerDisconnected: gone"
    assert len(mail.outbox) == 1


def test_a_retry_waits_in_the_queue_until_its_time(mail_server, monkeypatch):
    monkeypatch.setattr(tasks, "enqueue", lambda message_id, *, countdown=None: True)
    mail_server.script = [TRY_LATER]
    message = MessageFactory()
    before = timezone.now()

    tasks.send_message(message.pk)

    message.refresh_from_db()
    assert message.status == MessageStatus.QUEUED
    assert (
        before + datetime.timedelta(seconds=60)
        <= message.next_attempt_at
        <= timezone.now() + datetime.timedelta(seconds=60)
    )


def test_a_permanent_error_fails_at_once_with_the_error_kept(mail_server, countdowns):
    mail_server.script = [smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"5.1.1 No such user")})]
    message = MessageFactory()

    tasks.send_message(message.pk)

    message.refresh_from_db()
    assert countdowns == []
    assert (message.status, message.attempts) == (MessageStatus.FAILED, 1)
    assert message.last_error == "SMTPRecipientsRefused: {'x@example.org': (550, b'5.1.1 No such user')}"


@pytest.mark.parametrize(
    ("error", "temporary"),
    [
        (smtplib.SMTPDataError(451, b"later"), True),
        (smtplib.SMTPDataError(554, b"rejected"), False),
        (smtplib.SMTPResponseException(421, b"closing"), True),
        (smtplib.SMTPSenderRefused(553, b"no", "from@example.org"), False),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (450, b"busy")}), True),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (450, b"busy"), "b@example.org": (550, b"no")}), False),
        (smtplib.SMTPConnectError(554, b"go away"), True),
        (smtplib.SMTPServerDisconnected("gone"), True),
        (smtplib.SMTPAuthenticationError(535, b"bad credentials"), False),
        (smtplib.SMTPNotSupportedError("no STARTTLS"), False),
        (ConnectionResetError(104, "reset"), True),
        (TimeoutError("timed out"), True),
        (OSError(113, "No route to host"), True),
        (ValueError("bad header"), False),
    ],
)
def test_which_errors_are_worth_another_attempt(error, temporary):
    assert delivery.is_temporary(error) is temporary


def test_a_failed_message_resent_by_hand_goes_out_and_records_who(mail_server, secretariat_admin, countdowns):
    mail_server.script = [smtplib.SMTPDataError(554, b"5.7.1 Rejected")]
    message = MessageFactory()
    tasks.send_message(message.pk)
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED

    assert resend_message(message=message, by=secretariat_admin) is True

    assert (message.status, message.attempts) == (MessageStatus.QUEUED, 0)
    assert message.resent_by == secretariat_admin
    assert message.resent_at is not None
    tasks.send_message(message.pk)
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert len(mail.outbox) == 1


def test_a_resend_is_queued_on_commit(secretariat_admin, django_capture_on_commit_callbacks):
    message = MessageFactory(status=MessageStatus.FAILED)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        resend_message(message=message, by=secretariat_admin)

    assert len(callbacks) == 1
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT


@pytest.mark.parametrize("status", [MessageStatus.QUEUED, MessageStatus.SENDING, MessageStatus.SENT])
def test_only_a_failed_message_can_be_resent(status, secretariat_admin, django_capture_on_commit_callbacks):
    message = MessageFactory(status=status)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assert resend_message(message=message, by=secretariat_admin) is False

    assert callbacks == []
    message.refresh_from_db()
    assert (message.status, message.resent_by) == (status, None)


def test_no_line_break_in_a_name_or_subject_reaches_a_header():
    about = MemberFactory(name="Lab\nBcc: spy@example.org")
    person = UserFactory(name="Eve\r\nBcc: spy@example.org", email="eve@example.org")
    message = queue_message(occasion=Occasion.STATE_CHANGE, about=about, recipient=person)
    Message.objects.filter(pk=message.pk).update(subject="Update\r\nBcc: spy@example.org")

    tasks.send_message(message.pk)

    sent = mail.outbox[0]
    assert sent.subject == "Update Bcc: spy@example.org"
    assert sent.to == ['"Eve Bcc: spy@example.org" <eve@example.org>']
    assert sent.recipients() == ['"Eve Bcc: spy@example.org" <eve@example.org>']
    headers = sent.message().as_string().split("\n\n", 1)[0]
    assert "\nBcc:" not in headers


def test_a_broker_outage_leaves_the_message_queued_and_the_caller_unharmed(member_a, focal_point_a, monkeypatch):
    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:9. Connection refused.")

    monkeypatch.setattr(tasks.send_message, "apply_async", broker_down)
    message = MessageFactory()

    assert tasks.enqueue(message.pk) is False

    message.refresh_from_db()
    assert message.status == MessageStatus.QUEUED


def test_requeue_picks_rows_left_queued_and_rows_whose_worker_died():
    now = timezone.now()
    forgotten = MessageFactory(next_attempt_at=now - datetime.timedelta(minutes=6))
    MessageFactory(next_attempt_at=now - datetime.timedelta(minutes=1))  # just queued: a worker will come
    MessageFactory(next_attempt_at=now + datetime.timedelta(minutes=20))  # waiting for its retry
    dead_worker = MessageFactory(status=MessageStatus.SENDING, attempts=1, claimed_at=now - datetime.timedelta(hours=1))
    MessageFactory(status=MessageStatus.SENDING, attempts=1, claimed_at=now - datetime.timedelta(minutes=1))
    out_of_attempts = MessageFactory(
        status=MessageStatus.SENDING, attempts=5, claimed_at=now - datetime.timedelta(hours=1)
    )
    MessageFactory(status=MessageStatus.SENT, next_attempt_at=now - datetime.timedelta(hours=1))
    MessageFactory(status=MessageStatus.FAILED, next_attempt_at=now - datetime.timedelta(hours=1))

    ids = delivery.release_stale(now=now)

    assert sorted(ids) == sorted([forgotten.pk, dead_worker.pk])
    assert Message.objects.get(pk=dead_worker.pk).status == MessageStatus.QUEUED
    out_of_attempts.refresh_from_db()
    assert out_of_attempts.status == MessageStatus.FAILED
    assert out_of_attempts.last_error == "The worker stopped while sending; no attempt left."
    assert delivery.release_stale(now=now) == []  # not queued again before another grace period


def test_the_periodic_task_sends_what_was_left_queued_once():
    message = MessageFactory(next_attempt_at=timezone.now() - datetime.timedelta(minutes=10))

    tasks.requeue_stale()
    tasks.requeue_stale()

    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert len(mail.outbox) == 1


def test_beat_runs_the_requeue_task_every_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["outbox-requeue-stale"]

    assert entry == {"task": "outbox.requeue_stale", "schedule": 60.0}
    assert "outbox.requeue_stale" in celery_app.tasks
    assert "outbox.send_message" in celery_app.tasks
