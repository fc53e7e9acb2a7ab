from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from labs.enums import LabStatus, LanguageCode, ThemeSlug, WorkshopKind
from members.enums import WorldRegion


class Theme(models.Model):
    """One of the five thematic priorities; the rows are created by a data migration."""

    slug = models.SlugField(_("theme"), max_length=40, unique=True, choices=ThemeSlug.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return str(self.name)

    def get_absolute_url(self):
        return reverse("labs:theme", kwargs={"slug": self.slug})

    @property
    def name(self):
        return ThemeSlug(self.slug).label


class WorkingLanguage(models.Model):
    """A language a lab can work in; the rows are created by a data migration."""

    code = models.CharField(_("language"), max_length=5, primary_key=True, choices=LanguageCode.choices)

    class Meta:
        ordering = ["code"]
        verbose_name = _("working language")
        verbose_name_plural = _("working languages")

    def __str__(self):
        return str(self.name)

    @property
    def name(self):
        return LanguageCode(self.code).label


class Edition(models.Model):
    """A published catalogue: later editions add new labs."""

    title = models.CharField(_("title"), max_length=200, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    published_on = models.DateField(_("published on"), null=True, blank=True)
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Labs of an unpublished edition are never shown publicly.")
    )

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("catalogue edition")
        verbose_name_plural = _("catalogue editions")

    def __str__(self):
        return self.title


class Lab(models.Model):
    edition = models.ForeignKey(Edition, verbose_name=_("edition"), related_name="labs", on_delete=models.PROTECT)
    code = models.CharField(_("code"), max_length=10, unique=True, help_text=_("For example SL1."))
    position = models.PositiveSmallIntegerField(_("position in the catalogue"), default=0)
    title = models.CharField(_("title"), max_length=200)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), related_name="labs")
    working_languages = models.ManyToManyField(
        WorkingLanguage, verbose_name=_("working languages"), related_name="labs"
    )
    interpretation_language = models.CharField(
        _("interpretation into"), max_length=5, choices=LanguageCode.choices, blank=True
    )
    interpretation_to_be_confirmed = models.BooleanField(_("interpretation to be confirmed"), default=False)
    partners = models.TextField(_("partners"), blank=True, help_text=_("One partner per line."))
    summary = models.TextField(_("summary"))
    target_participants = models.TextField(_("target participants"))
    number_of_online_discussions = models.PositiveSmallIntegerField(
        _("number of online discussions"), null=True, blank=True, help_text=_("Leave empty if not yet known.")
    )
    max_online_discussions = models.PositiveSmallIntegerField(
        _("at most (online discussions)"), null=True, blank=True, help_text=_('For a range such as "four to five".')
    )
    other_activities = models.CharField(_("other activities"), max_length=300, blank=True)
    commitment = models.TextField(_("commitment asked of participants"))
    what_is_included = models.TextField(_("what is included"), blank=True)
    estimated_timeline = models.TextField(_("estimated timeline"))
    status = models.CharField(_("status"), max_length=20, choices=LabStatus.choices, default=LabStatus.DRAFT)
    interest_deadline = models.DateField(_("deadline for expressions of interest"), null=True, blank=True)
    target_cohort_size = models.PositiveSmallIntegerField(_("target cohort size"), null=True, blank=True)
    participants_per_member = models.PositiveSmallIntegerField(
        _("participants per member"),
        default=2,
        validators=[MinValueValidator(1)],
        help_text=_("How many people each member that accepts its invitation may name."),
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("coordinators"), related_name="coordinated_labs", blank=True
    )

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("lab")
        verbose_name_plural = _("labs")

    def __str__(self):
        return f"{self.code}: {self.title}"

    def get_absolute_url(self):
        return reverse("labs:lab", kwargs={"code": self.code})

    def clean(self):
        low, high = self.number_of_online_discussions, self.max_online_discussions
        if high is not None and (low is None or high < low):
            raise ValidationError(
                {"max_online_discussions": _("Give the smallest number first; this one must be larger.")}
            )

    @property
    def partner_names(self):
        return [line.strip() for line in self.partners.splitlines() if line.strip()]


class KeyQuestion(models.Model):
    lab = models.ForeignKey(Lab, verbose_name=_("lab"), related_name="key_questions", on_delete=models.CASCADE)
    text = models.TextField(_("question"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("key question")
        verbose_name_plural = _("key questions")

    def __str__(self):
        return self.text


class OnsiteWorkshop(models.Model):
    """A planned onsite activity. Workshops of one lab that share an alternative
    group exclude each other: a member goes to one of them, never to both."""

    lab = models.ForeignKey(Lab, verbose_name=_("lab"), related_name="workshops", on_delete=models.CASCADE)
    kind = models.CharField(_("kind"), max_length=30, choices=WorkshopKind.choices, default=WorkshopKind.WORKSHOP)
    city = models.CharField(_("city"), max_length=100, blank=True, help_text=_("Leave empty if not yet decided."))
    region = models.CharField(
        _("world region"),
        max_length=20,
        choices=WorldRegion.choices,
        blank=True,
        help_text=_("When the city is not yet decided but the region is."),
    )
    country = CountryField(_("country"), blank=True)
    period = models.CharField(_("period"), max_length=100, help_text=_("As announced, e.g. Quarter Four 2024."))
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    outside_event = models.CharField(
        _("outside event"), max_length=200, blank=True, help_text=_("An event it coincides with, such as a COP.")
    )
    language = models.CharField(_("language"), max_length=5, choices=LanguageCode.choices, blank=True)
    alternative_group = models.PositiveSmallIntegerField(
        _("alternative group"),
        null=True,
        blank=True,
        help_text=_("Workshops of a lab with the same number are alternatives: a member attends only one."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("onsite workshop")
        verbose_name_plural = _("onsite workshops")

    def __str__(self):
        return f"{self.lab.code}: {self.city or self.period}"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date cannot be before the start date.")})
