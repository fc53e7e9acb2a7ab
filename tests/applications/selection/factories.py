import datetime

import factory
from django.utils import timezone

from applications.enums import Channel
from applications.models import Conversation, FormalInvitation, LabParticipant, WaitingListEntry
from tests.applications.factories import InterestFactory


def in_days(days):
    return timezone.now() + datetime.timedelta(days=days)


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    interest = factory.SubFactory(InterestFactory)
    held_on = factory.LazyFunction(timezone.localdate)
    channel = Channel.CALL
    notes = "Talked about the lab."


class FormalInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FormalInvitation

    interest = factory.SubFactory(InterestFactory, state="invited")
    respond_by = factory.LazyFunction(lambda: in_days(10))
    commitments = ["online_sessions", "share_experience"]


class WaitingListEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WaitingListEntry

    interest = factory.SubFactory(InterestFactory, state="preselected")
    lab = factory.LazyAttribute(lambda entry: entry.interest.lab)
    position = factory.Sequence(lambda n: n + 1)


class LabParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LabParticipant

    interest = factory.SubFactory(InterestFactory, state="accepted")
    name = "Laura Gómez"
    email = factory.Sequence(lambda n: f"named{n}@city.example")
    working_language = "es"


def candidate(lab, name, *, state="submitted", region="europe", income_group="high", travel=False, people=()):
    """A member named `name` with an interest in `lab`; `people` are
    (name, working language, gender) of the persons it named."""
    from tests.applications.factories import NamedParticipantFactory
    from tests.factories import MemberFactory

    member = MemberFactory(name=name, region=region, income_group=income_group)
    interest = InterestFactory(member=member, lab=lab, state=state, asks_travel_support=travel)
    for sequence, (person, language, gender) in enumerate(people):
        NamedParticipantFactory(
            interest=interest, name=person, working_language=language, gender=gender, sequence=sequence
        )
    return interest
