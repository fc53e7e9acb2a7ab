from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.enums import Language
from members.outbox.enums import MessageStatus, Occasion


class Message(models.Model):
    """One email, rendered once in its recipient's language and kept as sent.

    The unique constraint is what makes every occasion produce one message per
    object and recipient; `dedupe_key` separates the few occasions that repeat
    on purpose (a session reminder "7d" and "1d" before)."""

    occasion = models.CharField(_("occasion"), max_length=40, choices=Occasion.choices)
    dedupe_key = models.CharField(_("repeat key"), max_length=40, blank=True, default="")
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("about (type)"))
    object_id = models.PositiveBigIntegerField(_("about (number)"))
    about = GenericForeignKey("content_type", "object_id")
    # Kept nullable with the address and name copied, so that removing or
    # anonymising a person never breaks the history of what was sent.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        related_name="outbox_messages",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    recipient_email = models.EmailField(_("recipient's email address"))
    recipient_name = models.CharField(_("recipient's name"), max_length=200, blank=True)
    # Filters for the Secretariat, set by the caller, so that listing needs no
    # join through the generic relation.
    lab = models.ForeignKey(
        "labs.Lab",
        verbose_name=_("lab"),
        related_name="outbox_messages",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    member = models.ForeignKey(
        "members.Member",
        verbose_name=_("member"),
        related_name="outbox_messages",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    subject = models.CharField(_("subject"), max_length=255)
    text_body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML"))
    status = models.CharField(_("status"), max_length=10, choices=MessageStatus.choices, default=MessageStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    resent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resent by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    resent_at = models.DateTimeField(_("resent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        constraints = [
            models.UniqueConstraint(
                fields=["occasion", "content_type", "object_id", "recipient", "dedupe_key"],
                name="outbox_message_once_per_occasion",
            ),
            # A recipient without an account (an invited person) is their address.
            models.UniqueConstraint(
                fields=["occasion", "content_type", "object_id", "recipient_email", "dedupe_key"],
                condition=models.Q(recipient__isnull=True),
                name="outbox_message_once_per_address",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx"),
            models.Index(fields=["-created_at", "-id"], name="outbox_newest_idx"),
        ]

    def __str__(self):
        return f"{self.get_occasion_display()} → {self.recipient_email}"
