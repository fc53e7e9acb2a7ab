"""What coordinators record while selecting a lab's cohort: conversations with
members, formal invitations and their answers, the waiting list, and the
participants an accepted member names."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from applications.enums import Channel
from applications.models.interests import LONG_TEXT_MAX, REASON_MAX, Interest
from labs.enums import LanguageCode
from members.enums import Gender


class Conversation(models.Model):
    """One entry of the conversation log of an interest. Coordinators and the
    Secretariat only: a member's focal points never see it."""

    interest = models.ForeignKey(
        Interest, verbose_name=_("expression of interest"), related_name="conversations", on_delete=models.CASCADE
    )
    held_on = models.DateField(_("date"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    notes = models.TextField(_("notes"), max_length=LONG_TEXT_MAX, validators=[MaxLengthValidator(LONG_TEXT_MAX)])
    next_step = models.CharField(_("next step"), max_length=300, blank=True)
    follow_up_on = models.DateField(_("follow-up date"), null=True, blank=True)
    # Set when the follow-up was done: by hand, or by logging a later conversation.
    follow_up_done_at = models.DateTimeField(_("follow-up done at"), null=True, blank=True, editable=False)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("logged by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    logged_at = models.DateTimeField(_("logged at"), auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self):
        return f"{self.interest} · {self.held_on} · {self.get_channel_display()}"


class FormalInvitation(models.Model):
    """The formal invitation of a pre-selected member to a lab, with the
    commitments it asks for (Commitment values) and its answer deadline."""

    interest = models.OneToOneField(
        Interest, verbose_name=_("expression of interest"), related_name="invitation", on_delete=models.CASCADE
    )
    respond_by = models.DateTimeField(_("answer by"))
    commitments = models.JSONField(_("commitments asked"), default=list)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    accepted_commitments = models.JSONField(_("commitments accepted"), default=list, blank=True)
    decline_reason = models.TextField(
        _("reason for declining"), max_length=REASON_MAX, validators=[MaxLengthValidator(REASON_MAX)], blank=True
    )
    # Claimed by a conditional UPDATE, so that each happens once.
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    lapsed_at = models.DateTimeField(_("lapsed at"), null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("formal invitation")
        verbose_name_plural = _("formal invitations")

    def __str__(self):
        return str(self.interest)

    def get_absolute_url(self):
        return reverse("applications:answer_invitation", kwargs={"pk": self.interest_id})


class WaitingListEntry(models.Model):
    """A member the coordinator would invite next, in the order they chose."""

    lab = models.ForeignKey("labs.Lab", verbose_name=_("lab"), related_name="waiting_list", on_delete=models.CASCADE)
    interest = models.OneToOneField(
        Interest, verbose_name=_("expression of interest"), related_name="waiting", on_delete=models.CASCADE
    )
    position = models.PositiveIntegerField(_("position"))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["lab", "position", "pk"]
        verbose_name = _("waiting list entry")
        verbose_name_plural = _("waiting list entries")

    def __str__(self):
        return f"{self.position}. {self.interest}"


class LabParticipant(models.Model):
    """A person an accepted member names to take part in the lab: one of its
    people (`person`), or someone invited to the portal as a participant
    (`person` is set once their account exists)."""

    interest = models.ForeignKey(
        Interest, verbose_name=_("expression of interest"), related_name="lab_participants", on_delete=models.CASCADE
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        related_name="lab_participations",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email address"))
    position = models.CharField(_("position"), max_length=200, blank=True)
    department = models.CharField(_("department"), max_length=200, blank=True)
    working_language = models.CharField(_("working language"), max_length=5, choices=LanguageCode.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    portal_invitation = models.ForeignKey(
        "members.Invitation",
        verbose_name=_("invitation to the portal"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    named_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("named by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    named_at = models.DateTimeField(_("named at"), auto_now_add=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["named_at", "pk"]
        verbose_name = _("lab participant")
        verbose_name_plural = _("lab participants")
        constraints = [models.UniqueConstraint(fields=["interest", "email"], name="one_participation_per_email")]

    def __str__(self):
        if self.anonymised_at is not None:
            return str(_("Deleted person"))
        return self.name or self.email
