import time

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from members.enums import IncomeGroup, WorldRegion
from members.mfa import needs_second_factor
from members.models import Member, User
from members.roles import grant_role

TEST_PASSWORD = "a-long-test-password-2024"
# Secretariat staff get an authenticator app with this secret (see UserFactory.totp).
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret=TEST_TOTP_SECRET, at=None):
    """The code an authenticator app with this secret shows now (or at `at`, a Unix time)."""
    return format_hotp_value(hotp_value(secret, int(at or time.time()) // 30))


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Metropolis {n}")
    country = "FR"
    region = WorldRegion.EUROPE
    income_group = IncomeGroup.HIGH


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a verified email address, who can sign in with TEST_PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Faker("name")

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or TEST_PASSWORD)
        if create:
            obj.save(update_fields=["password"])

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)

    @factory.post_generation
    def role(obj, create, extracted, **kwargs):
        if create and extracted:
            grant_role(obj, extracted)

    @factory.post_generation
    def totp(obj, create, extracted, **kwargs):
        """Staff must have a second factor (members/mfa.py): they get an authenticator
        app with TEST_TOTP_SECRET and recovery codes, unless `totp=False`."""
        if create and extracted is not False and needs_second_factor(obj):
            TOTP.activate(obj, TEST_TOTP_SECRET)
            RecoveryCodes.activate(obj)
        obj.__dict__.pop("_role_names", None)  # roles read here must not stay cached on the object
