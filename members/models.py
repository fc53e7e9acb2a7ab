import secrets
import zoneinfo
from datetime import timedelta

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from members.enums import (
    Gender,
    IncomeGroup,
    InvitationStatus,
    Language,
    LinkRequestStatus,
    MemberKind,
    MembershipStatus,
    WorldRegion,
)
from members.roles import MEMBER_ROLE_CHOICES, Role

# The World Bank has classified economies by income since 1987.
FIRST_INCOME_CLASSIFICATION_YEAR = 1987
INVITATION_VALIDITY = timedelta(days=14)


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("%(value)s is not a known time zone."), params={"value": value})


def validate_income_group_year(value):
    this_year = timezone.now().year
    if not FIRST_INCOME_CLASSIFICATION_YEAR <= value <= this_year:
        raise ValidationError(
            _("Give a year between %(first)s and %(last)s."),
            params={"first": FIRST_INCOME_CLASSIFICATION_YEAR, "last": this_year},
        )


class Member(models.Model):
    """A metropolitan government of the association (or a non-member taking part)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    country = CountryField(_("country"))
    region = models.CharField(_("world region"), max_length=20, choices=WorldRegion.choices)
    income_group = models.CharField(_("income group"), max_length=20, choices=IncomeGroup.choices)
    income_group_year = models.PositiveSmallIntegerField(
        _("income classification year"),
        null=True,
        blank=True,
        validators=[validate_income_group_year],
        help_text=_("Year of the World Bank classification the income group comes from."),
    )
    status = models.CharField(
        _("membership status"), max_length=20, choices=MembershipStatus.choices, default=MembershipStatus.MEMBER
    )
    kind = models.CharField(_("kind"), max_length=30, choices=MemberKind.choices, default=MemberKind.CITY)
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC", validators=[validate_time_zone])

    class Meta:
        ordering = ["name"]
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("members:member_detail", kwargs={"pk": self.pk})


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """Everyone who signs in: Secretariat staff, focal points, participants."""

    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(_("full name"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    department = models.CharField(_("department"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC", validators=[validate_time_zone])
    gender = models.CharField(
        _("gender"),
        max_length=20,
        choices=Gender.choices,
        blank=True,
        help_text=_("Optional. Used only to balance cohorts; never shown publicly."),
    )
    member = models.ForeignKey(
        Member,
        verbose_name=_("member"),
        related_name="people",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        ordering = ["name", "email"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.get_full_name()

    def get_full_name(self):
        if self.anonymised_at is not None:
            return str(_("Deleted person"))
        return self.name or self.email

    def role_labels(self):
        """The person's roles in the viewer's language (uses prefetched groups)."""
        return [Role(group.name).label for group in self.groups.all() if group.name in Role.values]

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email


def new_invitation_token():
    return secrets.token_urlsafe(32)


def invitation_expiry():
    return timezone.now() + INVITATION_VALIDITY


class Invitation(models.Model):
    """The Secretariat's invitation of one email address to act for a member in a role.

    One row per (email, member, role): inviting again refreshes the token and the
    expiry of the same row, so re-inviting is harmless."""

    email = models.EmailField(_("email address"))
    member = models.ForeignKey(Member, verbose_name=_("member"), related_name="invitations", on_delete=models.CASCADE)
    role = models.CharField(_("role"), max_length=30, choices=MEMBER_ROLE_CHOICES)
    language = models.CharField(
        _("language of the invitation"), max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token, editable=False)
    invited_by = models.ForeignKey(
        User,
        verbose_name=_("invited by"),
        related_name="invitations_sent",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("last sent at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), default=invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        User,
        verbose_name=_("accepted by"),
        related_name="invitations_accepted",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["email", "member", "role"], name="one_invitation_per_email_member_role")
        ]

    def __str__(self):
        return f"{self.email} → {self.member} ({self.get_role_display()})"

    @property
    def status(self):
        if self.accepted_at is not None:
            return InvitationStatus.ACCEPTED
        if self.expires_at <= timezone.now():
            return InvitationStatus.EXPIRED
        return InvitationStatus.PENDING

    def get_status_display(self):
        return self.status.label


class LinkRequest(models.Model):
    """A signed-up person's request to be linked to a member, decided by the
    Secretariat or by that member's focal point."""

    person = models.ForeignKey(User, verbose_name=_("person"), related_name="link_requests", on_delete=models.CASCADE)
    member = models.ForeignKey(Member, verbose_name=_("member"), related_name="link_requests", on_delete=models.CASCADE)
    role = models.CharField(_("role asked for"), max_length=30, choices=MEMBER_ROLE_CHOICES)
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=LinkRequestStatus.choices, default=LinkRequestStatus.PENDING
    )
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User,
        verbose_name=_("decided by"),
        related_name="link_requests_decided",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    decision_note = models.TextField(_("note to the person"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("linking request")
        verbose_name_plural = _("linking requests")
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(status=LinkRequestStatus.PENDING),
                name="one_pending_link_request_per_person",
            )
        ]

    def __str__(self):
        return f"{self.person} → {self.member}"


from members.models_audit import AuditEntry  # noqa: E402, F401  (the audit log; see members/audit.py)
