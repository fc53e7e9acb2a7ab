"""Thin Celery tasks: the work is in events/reminders.py."""

import logging

from celery import shared_task

from events import reminders

logger = logging.getLogger(__name__)


@shared_task(name="events.welcome_participants", ignore_result=True)
def welcome_participants():
    count = reminders.welcome_new_participants()
    if count:
        logger.info("Welcomed %s participant(s) to their labs.", count)


@shared_task(name="events.remind_sessions", ignore_result=True)
def remind_sessions():
    count = reminders.remind_upcoming_sessions()
    if count:
        logger.info("Queued %s session reminder(s).", count)
