from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from labs.enums import CapScope
from labs.models.catalogue import Lab
from members.enums import IncomeGroup


class SupportPackage(models.Model):
    """What Metropolis pays for, per funded representative, and for whom.

    `max_funded_members` empty means every participating member; an empty
    `eligible_income_groups` means members of every income group."""

    lab = models.OneToOneField(Lab, verbose_name=_("lab"), related_name="support_package", on_delete=models.CASCADE)
    has_travel_support = models.BooleanField(_("travel support offered"), default=False)
    airfare = models.BooleanField(_("airfare"), default=False)
    accommodation_nights = models.PositiveSmallIntegerField(_("nights of accommodation"), default=0)
    local_transport = models.BooleanField(_("local transport"), default=False)
    meals = models.BooleanField(_("meals"), default=False)
    event_pass = models.BooleanField(_("event pass"), default=False)
    representatives_per_member = models.PositiveSmallIntegerField(
        _("funded representatives per member"), default=1, validators=[MinValueValidator(1)]
    )
    max_funded_members = models.PositiveSmallIntegerField(
        _("at most this many members funded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty when every participating member is funded."),
    )
    eligible_income_groups = models.JSONField(
        _("eligible income groups"),
        default=list,
        blank=True,
        help_text=_("World Bank income groups; none ticked means every member."),
    )
    cap_scope = models.CharField(
        _("the cap and eligibility apply to"),
        max_length=20,
        choices=CapScope.choices,
        default=CapScope.WHOLE_PACKAGE,
    )

    class Meta:
        verbose_name = _("support package")
        verbose_name_plural = _("support packages")

    def __str__(self):
        return str(_("Support package of %(code)s") % {"code": self.lab.code})

    @property
    def funds_anything(self):
        return bool(self.airfare or self.accommodation_nights or self.local_transport or self.meals or self.event_pass)

    @property
    def restricts_income_groups(self):
        return bool(self.eligible_income_groups) and set(self.eligible_income_groups) != set(IncomeGroup.values)

    def clean(self):
        errors = {}
        unknown = [group for group in self.eligible_income_groups or [] if group not in IncomeGroup.values]
        if unknown or not isinstance(self.eligible_income_groups, list):
            errors["eligible_income_groups"] = _("Choose income groups from the list.")
        if not self.has_travel_support:
            if self.funds_anything:
                errors["has_travel_support"] = _(
                    "Items are marked as funded: tick travel support, or untick the items."
                )
            if self.max_funded_members:
                errors["max_funded_members"] = _("Without travel support there is no cap on funded members.")
            if self.eligible_income_groups:
                errors.setdefault("eligible_income_groups", _("Without travel support nobody is eligible for it."))
        elif not self.funds_anything:
            if self.max_funded_members:
                errors["max_funded_members"] = _("A cap on funded members needs at least one funded item.")
            if self.eligible_income_groups:
                errors.setdefault(
                    "eligible_income_groups", _("Eligibility by income group needs at least one funded item.")
                )
        if self.cap_scope == CapScope.AIRFARE_ONLY:
            errors.update(self._airfare_only_errors())
        if errors:
            raise ValidationError(errors)

    def _airfare_only_errors(self):
        if not self.airfare:
            return {"cap_scope": _("The cap can apply to airfare only when airfare is funded.")}
        others = self.accommodation_nights or self.local_transport or self.meals or self.event_pass
        if not others:
            return {"cap_scope": _("Airfare is the only funded item: apply the cap to the whole package.")}
        if not self.max_funded_members and not self.restricts_income_groups:
            return {"cap_scope": _("Give a cap or eligible income groups for airfare.")}
        return {}
