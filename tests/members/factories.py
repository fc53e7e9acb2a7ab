import datetime

import factory

from members.models import Invitation, LinkRequest
from members.roles import Role
from tests.factories import MemberFactory, UserFactory


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"invited{n}@example.org")
    member = factory.SubFactory(MemberFactory)
    role = Role.FOCAL_POINT
    sent_at = factory.Faker("date_time_this_month", tzinfo=datetime.UTC)


class LinkRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LinkRequest

    person = factory.SubFactory(UserFactory)
    member = factory.SubFactory(MemberFactory)
    role = Role.PARTICIPANT
