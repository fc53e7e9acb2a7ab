from django.db import models
from django.utils.translation import gettext_lazy as _


class Occasion(models.TextChoices):
    """Why a message is sent. Each value names the template folder
    `outbox/<value>/` holding `subject.txt`, `body.txt` and `body.html`."""

    INTEREST_ACKNOWLEDGEMENT = "interest_acknowledgement", _("Acknowledgement of an expression of interest")
    INTEREST_NOTICE = "interest_notice", _("Notice of interest to the coordinator")
    INVITATION = "invitation", _("Formal invitation")
    INVITATION_REMINDER = "invitation_reminder", _("Invitation reminder")
    INVITATION_LAPSED = "invitation_lapsed", _("Invitation lapsed (to the coordinator)")
    PARTICIPANT_WELCOME = "participant_welcome", _("Welcome to participants")
    SESSION_REMINDER = "session_reminder", _("Session reminder")
    TRAVEL_SUPPORT_OFFERED = "travel_support_offered", _("Travel support offered")
    TRAVEL_SUPPORT_CHANGED = "travel_support_changed", _("Travel support changed")
    DRAFT_REMINDER = "draft_reminder", _("Draft reminder before the interest deadline")
    NOT_SELECTED = "not_selected", _("Not-selected notice")
    STATE_CHANGE = "state_change", _("State change notice")
    PERSON_INVITATION = "person_invitation", _("Invitation to the portal")


class MessageStatus(models.TextChoices):
    """queued: waiting for a worker (or for its next attempt); sending: claimed
    by one worker; sent: accepted by the mail server; failed: given up, the
    error is kept, only an explicit resend queues it again."""

    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
