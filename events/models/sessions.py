from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from events.enums import SessionKind
from labs.enums import LanguageCode
from members.models import validate_time_zone


class Session(models.Model):
    """An online discussion or an onsite workshop of a lab.

    Times are stored in UTC; `time_zone` is the zone they were given in, for an
    onsite session the venue's. `sequence` grows each time the session moves
    (time, place or link), so that calendars replace the event they hold."""

    lab = models.ForeignKey("labs.Lab", verbose_name=_("lab"), related_name="sessions", on_delete=models.PROTECT)
    kind = models.CharField(_("kind"), max_length=10, choices=SessionKind.choices, default=SessionKind.ONLINE)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_("The zone the times are given in: for an onsite session, the venue's."),
    )
    video_link = models.URLField(_("video link"), blank=True, help_text=_("For an online discussion."))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    language = models.CharField(_("language"), max_length=5, choices=LanguageCode.choices, default="en")
    interpretation_language = models.CharField(
        _("interpretation into"), max_length=5, choices=LanguageCode.choices, blank=True
    )
    workshop = models.ForeignKey(
        "labs.OnsiteWorkshop",
        verbose_name=_("planned onsite workshop"),
        related_name="sessions",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("Workshops of one alternative group exclude each other: a member attends only one."),
    )
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed at"), auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.lab.code}: {self.title}"

    def get_absolute_url(self):
        return reverse("events:my_labs") + f"#session-{self.pk}"

    @property
    def is_onsite(self):
        return self.kind == SessionKind.ONSITE

    @property
    def alternative_group(self):
        """The alternative group of the planned workshop, or None (uses the workshop)."""
        return self.workshop.alternative_group if self.workshop_id and self.workshop else None

    @property
    def place(self):
        country = self.country.name if self.country else ""
        return ", ".join(part for part in (self.venue, self.city, country) if part)

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The end must come after the start.")
        if self.kind == SessionKind.ONSITE:
            if not self.city:
                errors["city"] = _("Give the city of an onsite workshop.")
            if not self.country:
                errors["country"] = _("Give the country of an onsite workshop.")
            if self.video_link:
                errors["video_link"] = _("An onsite workshop has no video link; leave it empty.")
        elif self.workshop_id:
            errors["workshop"] = _("Only an onsite workshop can be one of the lab's planned workshops.")
        if self.workshop_id and self.lab_id and self.workshop.lab_id != self.lab_id:
            errors["workshop"] = _("Choose one of this lab's planned workshops.")
        if errors:
            raise ValidationError(errors)


class OnsiteAnswer(models.Model):
    """Whether a participant attends an onsite session. Of the sessions of one
    alternative group, the people of one member attend the same one."""

    session = models.ForeignKey(Session, verbose_name=_("session"), related_name="answers", on_delete=models.CASCADE)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("participant"), related_name="onsite_answers", on_delete=models.CASCADE
    )
    member = models.ForeignKey(
        "members.Member", verbose_name=_("member"), related_name="onsite_answers", on_delete=models.CASCADE
    )
    attending = models.BooleanField(_("attending"))
    answered_at = models.DateTimeField(_("answered at"), auto_now=True)

    class Meta:
        ordering = ["session", "person"]
        verbose_name = _("answer for an onsite session")
        verbose_name_plural = _("answers for onsite sessions")
        constraints = [models.UniqueConstraint(fields=["session", "person"], name="one_answer_per_session_and_person")]

    def __str__(self):
        return f"{self.person} → {self.session}: {self.attending}"
