"""The audit log's table. Rows are written by `members.audit.record` only and
never changed afterwards (anonymisation aside); see members/audit.py."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntryChangeRefused(Exception):
    """An audit entry was about to be changed or deleted."""


class AuditEntry(models.Model):
    """Who did what to which record, and when."""

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True, editable=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )
    # What the actor was called at the time: kept if the account goes away.
    actor_label = models.CharField(_("who (as recorded)"), max_length=254, blank=True, editable=False)
    action = models.CharField(_("action"), max_length=64, db_index=True, editable=False)
    target_type = models.CharField(_("kind of record"), max_length=100, blank=True, editable=False)
    target_id = models.CharField(_("record number"), max_length=64, blank=True, editable=False)
    target_label = models.CharField(_("record"), max_length=300, blank=True, editable=False)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person concerned"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )
    member = models.ForeignKey(
        "members.Member",
        verbose_name=_("member"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )
    lab = models.ForeignKey(
        "labs.Lab",
        verbose_name=_("lab"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )
    detail = models.TextField(_("detail"), blank=True, editable=False)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_label}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AuditEntryChangeRefused("Audit entries are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditEntryChangeRefused("Audit entries are never deleted.")
