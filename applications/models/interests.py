from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from applications.enums import ONE_PER_MEMBER_AND_LAB, InterestState
from labs.enums import LanguageCode
from members.enums import Gender

LONG_TEXT_MAX = 4000
REASON_MAX = 1000


class Interest(models.Model):
    """One member's interest in one lab. Its state changes only through
    applications.transitions.change_state; no record is ever deleted."""

    member = models.ForeignKey(
        "members.Member", verbose_name=_("member"), related_name="interests", on_delete=models.PROTECT
    )
    lab = models.ForeignKey("labs.Lab", verbose_name=_("lab"), related_name="interests", on_delete=models.PROTECT)
    state = models.CharField(
        _("state"), max_length=20, choices=InterestState.choices, default=InterestState.DRAFT, editable=False
    )
    motivation = models.TextField(
        _("why the member is interested"),
        max_length=LONG_TEXT_MAX,
        validators=[MaxLengthValidator(LONG_TEXT_MAX)],
        blank=True,
    )
    experience = models.TextField(
        _("experience the member can share"),
        max_length=LONG_TEXT_MAX,
        validators=[MaxLengthValidator(LONG_TEXT_MAX)],
        blank=True,
    )
    intends_to_attend_onsite = models.BooleanField(_("intends to attend onsite"), null=True, blank=True)
    asks_travel_support = models.BooleanField(_("asks for travel support"), default=False)
    acknowledged_non_binding = models.BooleanField(_("acknowledged that interest is not binding"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)
    # When the coordinator sent the courteous notice to a member not selected (once).
    not_selected_notice_at = models.DateTimeField(
        _("not-selected notice sent at"), null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "lab"],
                condition=models.Q(state__in=sorted(state.value for state in ONE_PER_MEMBER_AND_LAB)),
                name="one_interest_per_member_and_lab",
            )
        ]

    def __str__(self):
        return f"{self.member} → {self.lab.code}"

    def get_absolute_url(self):
        return reverse("applications:interest", kwargs={"pk": self.pk})


class NamedParticipant(models.Model):
    """A person the member would send to the lab. In a draft any field may be
    empty; submitting needs every one but gender."""

    interest = models.ForeignKey(
        Interest, verbose_name=_("expression of interest"), related_name="participants", on_delete=models.CASCADE
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    department = models.CharField(_("department"), max_length=200, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    working_language = models.CharField(_("working language"), max_length=5, choices=LanguageCode.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    # The account with this email address when the interest was saved, so that
    # the person's data export and anonymisation find these rows.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        related_name="named_participations",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    sequence = models.PositiveSmallIntegerField(_("order"), default=0)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["sequence", "pk"]
        verbose_name = _("named participant")
        verbose_name_plural = _("named participants")

    def __str__(self):
        if self.anonymised_at is not None:
            return str(_("Deleted person"))
        return self.name or self.email


class StateChange(models.Model):
    """One line of an interest's history: who changed it, when, from what to what, and why."""

    interest = models.ForeignKey(
        Interest, verbose_name=_("expression of interest"), related_name="state_changes", on_delete=models.CASCADE
    )
    from_state = models.CharField(_("from"), max_length=20, choices=InterestState.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=20, choices=InterestState.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    reason = models.TextField(
        _("reason"), max_length=REASON_MAX, validators=[MaxLengthValidator(REASON_MAX)], blank=True
    )
    # What the coordinator tells the member about a change they make; the
    # reason of such a change stays with the Secretariat.
    message = models.TextField(
        _("message to the member"), max_length=REASON_MAX, validators=[MaxLengthValidator(REASON_MAX)], blank=True
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")

    def __str__(self):
        return f"{self.interest}: {self.from_state or '—'} → {self.to_state}"
