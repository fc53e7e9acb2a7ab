from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from labs.enums import ProposalStatus
from labs.models.catalogue import Theme, WorkingLanguage


class LabProposal(models.Model):
    """A topic for a new lab, proposed by a member's officer or a partner."""

    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), related_name="lab_proposals", on_delete=models.CASCADE
    )
    member = models.ForeignKey(
        "members.Member",
        verbose_name=_("member"),
        related_name="lab_proposals",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    title = models.CharField(_("title"), max_length=200)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), related_name="proposals")
    challenge = models.TextField(_("the challenge"))
    proposed_host = models.CharField(_("proposed host or sponsor"), max_length=200, blank=True)
    languages = models.ManyToManyField(WorkingLanguage, verbose_name=_("languages"), related_name="proposals")
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.SUBMITTED
    )
    outcome_note = models.TextField(_("note to the proposer"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("lab proposal")
        verbose_name_plural = _("lab proposals")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("labs:proposal", kwargs={"pk": self.pk})
