from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.enums import CHANGEABLE, CONFIRMED, HOLDS_PLACE, SupportStatus

NOTE_MAX = 1000


class TravelSupport(models.Model):
    """Travel support for one participant of an accepted member, to one onsite
    session, from the lab's support package. It changes only through the
    functions of events/support.py, which keep the package's rules."""

    lab = models.ForeignKey("labs.Lab", verbose_name=_("lab"), related_name="travel_supports", on_delete=models.PROTECT)
    session = models.ForeignKey(
        "events.Session", verbose_name=_("onsite session"), related_name="travel_supports", on_delete=models.PROTECT
    )
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        related_name="travel_supports",
        on_delete=models.PROTECT,
    )
    member = models.ForeignKey(
        "members.Member", verbose_name=_("member"), related_name="travel_supports", on_delete=models.PROTECT
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SupportStatus.choices, default=SupportStatus.OFFERED, editable=False
    )
    airfare = models.BooleanField(_("airfare"), default=False)
    accommodation_nights = models.PositiveSmallIntegerField(_("nights of accommodation"), default=0)
    local_transport = models.BooleanField(_("local transport"), default=False)
    meals = models.BooleanField(_("meals"), default=False)
    event_pass = models.BooleanField(_("event pass"), default=False)
    # The participant's travel details, given when accepting.
    arrival_date = models.DateField(_("arrival date"), null=True, blank=True)
    departure_date = models.DateField(_("departure date"), null=True, blank=True)
    departure_city = models.CharField(_("city of departure"), max_length=100, blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    access_needs = models.CharField(_("access needs"), max_length=300, blank=True)
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("offered by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    offered_at = models.DateTimeField(_("offered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)

    class Meta:
        ordering = ["lab", "-offered_at", "-pk"]
        verbose_name = _("travel support")
        verbose_name_plural = _("travel support")
        constraints = [
            # Offered, accepted or booked support is unique per participant and session.
            models.UniqueConstraint(
                fields=["participant", "session"],
                condition=models.Q(status__in=sorted(status.value for status in HOLDS_PLACE)),
                name="one_live_support_per_participant_and_session",
            )
        ]

    def __str__(self):
        return f"{self.participant} → {self.session} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("events:my_support", kwargs={"pk": self.pk})

    @property
    def holds_place(self):
        return self.status in HOLDS_PLACE

    @property
    def has_letter(self):
        """An invitation letter exists once the participant has accepted."""
        return self.status in CONFIRMED

    @property
    def is_changeable(self):
        return self.status in CHANGEABLE


class SupportChange(models.Model):
    """One line of a travel support's history."""

    support = models.ForeignKey(
        TravelSupport, verbose_name=_("travel support"), related_name="changes", on_delete=models.CASCADE
    )
    from_status = models.CharField(_("from"), max_length=20, choices=SupportStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=SupportStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), related_name="+", on_delete=models.SET_NULL, null=True
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = models.TextField(_("note"), max_length=NOTE_MAX, validators=[MaxLengthValidator(NOTE_MAX)], blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("travel support change")
        verbose_name_plural = _("travel support changes")

    def __str__(self):
        return f"{self.support_id}: {self.from_status or '—'} → {self.to_status}"
