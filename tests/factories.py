import factory
from allauth.account.models import EmailAddress

from members.enums import IncomeGroup, WorldRegion
from members.models import Member, User
from members.roles import grant_role

TEST_PASSWORD = "a-long-test-password-2024"


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
