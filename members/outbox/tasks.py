"""Thin Celery tasks: ids in, the row is fetched again, the work is in delivery.py."""

import logging

from celery import shared_task
from kombu.exceptions import OperationalError

from members.outbox import delivery

logger = logging.getLogger(__name__)


@shared_task(name="outbox.send_message", ignore_result=True)
def send_message(message_id):
    delay = delivery.deliver(message_id=message_id)
    if delay is not None:
        enqueue(message_id, countdown=delay)


@shared_task(name="outbox.requeue_stale", ignore_result=True)
def requeue_stale():
    ids = delivery.release_stale()
    for message_id in ids:
        enqueue(message_id)
    if ids:
        logger.info("Queued %s stale message(s) again.", len(ids))


def enqueue(message_id, *, countdown=None):
    """Hands the message to a worker. When the broker cannot be reached this
    logs and returns False: the row stays queued and requeue_stale picks it up,
    so the change that caused the message is never undone by a broker outage."""
    try:
        send_message.apply_async((message_id,), countdown=countdown)
    except OperationalError:  # kombu's error for any broker connection failure
        logger.warning("Broker unreachable: message %s stays queued for the periodic requeue.", message_id)
        return False
    return True
