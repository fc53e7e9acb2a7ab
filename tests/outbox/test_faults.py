"""Fault tests on the real services of CI: PostgreSQL, Redis, a Celery worker
process started here, and a local SMTP sink (aiosmtpd).

Run locally with, e.g.:
DATABASE_URL=postgres://postgres@127.0.0.1:5432/me_db CELERY_BROKER_URL=redis://127.0.0.1:6379/5 pytest tests/outbox
"""

import datetime
import os
import uuid
from contextlib import contextmanager

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from config.celery import app as celery_app
from members.outbox import tasks
from members.outbox.enums import MessageStatus, Occasion
from members.outbox.models import Message
from members.outbox.services import queue_message
from tests.factories import MemberFactory, UserFactory
from tests.outbox.factories import MessageFactory
from tests.outbox.live import SmtpSink, WorkerProcess, free_port, wait_until

REAL_SERVICES = bool(os.environ.get("CELERY_BROKER_URL")) and os.environ.get("DATABASE_URL", "").startswith("postgres")

pytestmark = [
    pytest.mark.services,
    pytest.mark.skipif(not REAL_SERVICES, reason="needs CELERY_BROKER_URL and a PostgreSQL DATABASE_URL, as in CI"),
]


@pytest.fixture
def smtp_sink():
    sink = SmtpSink()
    sink.controller.start()
    yield sink
    sink.controller.stop()


@pytest.fixture
def queue_name():
    """A queue of this test's own, so no other worker on the same Redis takes its tasks."""
    name = f"outbox-test-{uuid.uuid4().hex[:12]}"
    previous = celery_app.conf.task_default_queue
    celery_app.conf.task_default_queue = name
    yield name
    celery_app.conf.task_default_queue = previous
    with celery_app.connection_for_write() as conn:
        queue = celery_app.amqp.queues[name].bind(conn.default_channel)
        queue.declare()  # the channel learns the queue's bindings, so that delete removes them too
        queue.delete()


@pytest.fixture
def worker(transactional_db, smtp_sink, queue_name, tmp_path):
    """Rows are committed (transactional_db) so that the worker process sees them."""
    process = WorkerProcess(queue=queue_name, smtp_port=smtp_sink.port, log=tmp_path / "worker.log")
    yield process
    process.stop()


@contextmanager
def broker_down():
    """Points this process (not the worker) at a closed port, as if Redis were stopped."""
    closed = f"redis://127.0.0.1:{free_port()}/0"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CELERY_BROKER_URL", closed)
        patch.setattr(celery_app.conf, "broker_url", closed)
        patch.setattr(celery_app, "_pool", None)
        patch.setattr(celery_app.amqp, "_producer_pool", None)
        yield


def status_of(message):
    return Message.objects.get(pk=message.pk).status


def send_sentinel(recipient):
    """A last message: the worker takes tasks in order, so once it has arrived
    every task queued before it has been handled."""
    sentinel = MessageFactory(recipient=recipient, subject="Sentinel")
    tasks.send_message.delay(sentinel.pk)
    return sentinel


def test_with_the_broker_down_the_request_succeeds_and_the_periodic_task_sends_once(
    client, secretariat_admin, worker, smtp_sink
):
    failed = MessageFactory(subject="Queued during the outage", status=MessageStatus.FAILED)
    client.force_login(secretariat_admin)
    member = MemberFactory(name="Lima")

    with broker_down():
        response = client.post(reverse("outbox:resend", args=[failed.pk]))
        with transaction.atomic():
            queued = queue_message(occasion=Occasion.STATE_CHANGE, about=member, recipient=secretariat_admin)

    assert response.status_code == 302
    assert (status_of(failed), status_of(queued)) == (MessageStatus.QUEUED, MessageStatus.QUEUED)
    assert smtp_sink.received == []
    # The broker is back; the periodic task finds both once their grace period is over.
    Message.objects.update(next_attempt_at=timezone.now() - datetime.timedelta(minutes=10))

    tasks.requeue_stale.delay()
    wait_until(lambda: len(smtp_sink.received) == 2, what="the requeued messages", log=worker.log)
    tasks.requeue_stale.delay()
    send_sentinel(secretariat_admin)
    wait_until(lambda: len(smtp_sink.received) == 3, what="the sentinel", log=worker.log)

    assert sorted(smtp_sink.subjects()) == ["Queued during the outage", "Sentinel", "Update: Lima"]
    assert (status_of(failed), status_of(queued)) == (MessageStatus.SENT, MessageStatus.SENT)


def test_a_refusing_mail_server_gets_retries_then_failed_then_a_resend_by_hand(
    client, secretariat_admin, worker, smtp_sink
):
    smtp_sink.refuse_with = "451 4.3.0 Mailbox busy, try again later"
    person = UserFactory(email="ines@example.org", preferred_language="es")

    with transaction.atomic():
        message = queue_message(occasion=Occasion.STATE_CHANGE, about=person, recipient=person)
    wait_until(lambda: status_of(message) == MessageStatus.FAILED, what="the message to fail", log=worker.log)

    message.refresh_from_db()
    assert smtp_sink.refusals == 3  # OUTBOX_RETRY_DELAYS=1,1 in the worker: three attempts
    assert message.attempts == 3
    assert message.last_error == "SMTPDataError: (451, b'4.3.0 Mailbox busy, try again later')"
    assert smtp_sink.received == []

    smtp_sink.refuse_with = None
    client.force_login(secretariat_admin)
    response = client.post(reverse("outbox:resend", args=[message.pk]))
    wait_until(lambda: status_of(message) == MessageStatus.SENT, what="the resent message", log=worker.log)

    assert response.status_code == 302
    assert smtp_sink.subjects() == ["Su cuenta en el portal de los Solutions Labs"]
    message.refresh_from_db()
    assert (message.attempts, message.resent_by) == (1, secretariat_admin)


def test_the_same_task_delivered_twice_sends_one_email(worker, smtp_sink):
    person = UserFactory()
    message = MessageFactory(recipient=person, subject="Only once")

    tasks.send_message.delay(message.pk)
    tasks.send_message.delay(message.pk)
    send_sentinel(person)
    wait_until(lambda: len(smtp_sink.received) == 2, what="the sentinel", log=worker.log)

    assert smtp_sink.subjects() == ["Only once", "Sentinel"]
    assert Message.objects.get(pk=message.pk).attempts == 1


def test_a_real_worker_sends_a_queued_message_to_the_mail_server(settings, worker, smtp_sink):
    person = UserFactory(email="ana@example.org", name="Ana Pérez", preferred_language="fr", time_zone="Asia/Tokyo")
    member = MemberFactory(name="Montréal")

    with transaction.atomic():
        message = queue_message(
            occasion=Occasion.INVITATION,
            about=member,
            recipient=person,
            context={"link": "/labs/sl1/", "deadline": datetime.datetime(2025, 6, 30, 15, 0, tzinfo=datetime.UTC)},
        )
    wait_until(lambda: len(smtp_sink.received) == 1, what="the message at the mail server", log=worker.log)

    email = smtp_sink.received[0]
    assert email["Subject"] == "Invitation à participer à Montréal"
    assert email["To"] == "Ana Pérez <ana@example.org>"
    assert email["Auto-Submitted"] == "auto-generated"
    text = email.get_body(("plain",)).get_content()
    html = email.get_body(("html",)).get_content()
    assert "Merci de répondre avant le 1 juillet 2025 00:00 (Asia/Tokyo)." in text
    assert f"{settings.SITE_URL}/labs/sl1/" in text
    assert f'<a href="{settings.SITE_URL}/labs/sl1/">Ouvrir dans le portail</a>' in html
    wait_until(lambda: status_of(message) == MessageStatus.SENT, what="the row to be marked sent", log=worker.log)
    message.refresh_from_db()
    assert message.sent_at is not None
