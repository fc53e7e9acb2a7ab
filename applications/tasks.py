"""Thin Celery tasks: the work is in applications.reminders."""

import logging

from celery import shared_task

from applications import reminders

logger = logging.getLogger(__name__)


@shared_task(name="applications.remind_drafts", ignore_result=True)
def remind_drafts():
    count = reminders.remind_drafts_before_deadline()
    if count:
        logger.info("Reminded the focal points of %s draft expression(s) of interest.", count)
