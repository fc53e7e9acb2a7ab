from django.db import models
from django.utils.translation import gettext_lazy as _


class WorldRegion(models.TextChoices):
    AFRICA = "africa", _("Africa")
    ASIA_PACIFIC = "asia_pacific", _("Asia-Pacific")
    EUROPE = "europe", _("Europe")
    LATIN_AMERICA = "latin_america", _("Latin America and the Caribbean")
    MIDDLE_EAST = "middle_east", _("Middle East and West Asia")
    NORTH_AMERICA = "north_america", _("North America")


class IncomeGroup(models.TextChoices):
    """World Bank income groups."""

    LOW = "low", _("Low income")
    LOWER_MIDDLE = "lower_middle", _("Lower-middle income")
    UPPER_MIDDLE = "upper_middle", _("Upper-middle income")
    HIGH = "high", _("High income")


class MembershipStatus(models.TextChoices):
    MEMBER = "member", _("Member")
    NON_MEMBER = "non_member", _("Non-member")
    LAPSED = "lapsed", _("Lapsed")


class MemberKind(models.TextChoices):
    CITY = "city", _("City")
    METROPOLITAN_AUTHORITY = "metropolitan_authority", _("Metropolitan authority")
    REGIONAL_GOVERNMENT = "regional_government", _("Regional government")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")
    UNDISCLOSED = "undisclosed", _("Prefer not to say")


class LinkRequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class InvitationStatus(models.TextChoices):
    """Derived from the invitation's dates, never stored."""

    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    EXPIRED = "expired", _("Expired")
