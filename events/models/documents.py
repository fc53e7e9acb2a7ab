import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class PrivateStorage(FileSystemStorage):
    """Files kept outside MEDIA_ROOT (never served as static media): they are
    downloaded only through a view that checks who asks."""

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return str(Path(self.base_location).resolve())


private_storage = PrivateStorage()


def document_path(instance, filename):
    return f"labs/{instance.lab_id}/{uuid.uuid4().hex}.pdf"


class LabDocument(models.Model):
    """Conclusions, slides or notes the coordinator publishes for a lab's
    participants after a session: a link, an uploaded PDF, or a note alone."""

    lab = models.ForeignKey("labs.Lab", verbose_name=_("lab"), related_name="documents", on_delete=models.CASCADE)
    session = models.ForeignKey(
        "events.Session",
        verbose_name=_("session"),
        related_name="documents",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    title = models.CharField(_("title"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    link = models.URLField(_("link"), blank=True)
    file = models.FileField(_("PDF file"), upload_to=document_path, storage=private_storage, blank=True)
    original_name = models.CharField(_("file name"), max_length=200, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("published by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.file:
            return reverse("events:document", kwargs={"pk": self.pk})
        return self.link
