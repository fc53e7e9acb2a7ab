from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ThemeSlug(models.TextChoices):
    """The five thematic priorities of the 2024-2026 strategic plan (the catalogue
    also writes "Gender Equality" for the last one: it is the same theme)."""

    METROPOLITAN_FUTURES = "metropolitan-futures", _("Metropolitan Futures")
    METROPOLITAN_ECOSYSTEMS = "metropolitan-ecosystems", _("Metropolitan Ecosystems")
    COHESIVE_METROPOLISES = "cohesive-metropolises", _("Cohesive Metropolises")
    METROPOLITAN_GOVERNANCE = "metropolitan-governance", _("Metropolitan Governance")
    GENDER_EQUITY = "gender-equity", _("Gender Equity")


class LanguageCode(models.TextChoices):
    """Languages a lab can work in, or be interpreted into."""

    ENGLISH = "en", pgettext_lazy("language name", "English")
    FRENCH = "fr", pgettext_lazy("language name", "French")
    SPANISH = "es", pgettext_lazy("language name", "Spanish")
    PORTUGUESE = "pt", pgettext_lazy("language name", "Portuguese")
    ARABIC = "ar", pgettext_lazy("language name", "Arabic")
    CHINESE = "zh", pgettext_lazy("language name", "Chinese")


class LabStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for interest")
    SELECTING = "selecting", _("Selecting participants")
    RUNNING = "running", _("Running")
    CLOSED = "closed", _("Closed")

    @classmethod
    def public(cls):
        """Statuses in which a lab of a published edition is shown to everyone."""
        return [cls.OPEN, cls.SELECTING, cls.RUNNING, cls.CLOSED]


class WorkshopKind(models.TextChoices):
    WORKSHOP = "workshop", _("Onsite workshop")
    WORKSHOP_AND_PRESENTATION = "workshop_and_presentation", _("Onsite workshop and public presentation")
    PUBLIC_EVENT = "public_event", _("Onsite public event")


class CapScope(models.TextChoices):
    """What the cap on funded members and the eligibility by income group apply to."""

    WHOLE_PACKAGE = "whole_package", _("The whole package")
    AIRFARE_ONLY = "airfare_only", _("Airfare only (the rest is for every participating member)")


class ProposalStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Received")
    UNDER_DISCUSSION = "under_discussion", _("Under discussion")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")

    @classmethod
    def outcomes(cls):
        """What the Secretariat can mark a proposal as."""
        return [cls.UNDER_DISCUSSION, cls.ACCEPTED, cls.DECLINED]


class FundedItem(models.TextChoices):
    """What a support package can pay for, per funded representative."""

    AIRFARE = "airfare", _("Airfare")
    ACCOMMODATION = "accommodation", _("Accommodation")
    LOCAL_TRANSPORT = "local_transport", _("Local transport")
    MEALS = "meals", _("Meals")
    EVENT_PASS = "event_pass", _("Event pass")
