"""Thin Celery tasks: the work is in applications.reminders and applications.selection.invitations."""

import logging

from celery import shared_task

from applications import reminders
from applications.selection import invitations

logger = logging.getLogger(__name__)


@shared_task(name="applications.remind_drafts", ignore_result=True)
def remind_drafts():
    count = reminders.remind_drafts_before_deadline()
    if count:
        logger.info("Reminded the focal points of %s draft expression(s) of interest.", count)


@shared_task(name="applications.lapse_invitations", ignore_result=True)
def lapse_invitations():
    count = invitations.lapse_unanswered()
    if count:
        logger.info("%s formal invitation(s) lapsed unanswered.", count)


@shared_task(name="applications.remind_invitations", ignore_result=True)
def remind_invitations():
    count = invitations.remind_unanswered()
    if count:
        logger.info("Reminded the focal points of %s unanswered invitation(s).", count)
