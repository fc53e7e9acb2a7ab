import factory
from django.utils import timezone

from applications.enums import InterestState
from applications.models import Interest, NamedParticipant, StateChange
from tests.factories import MemberFactory
from tests.labs.factories import LabFactory

COMPLETE_ANSWERS = {
    "motivation": "We are building a care system.",
    "experience": "Twenty care blocks since 2020.",
    "intends_to_attend_onsite": True,
    "asks_travel_support": False,
    "acknowledged_non_binding": True,
}


def a_person(**overrides):
    return {
        "name": "Laura Gómez",
        "position": "Director",
        "department": "Social Integration",
        "email": "laura@bogota.example",
        "working_language": "es",
        "gender": "",
        **overrides,
    }


class InterestFactory(factory.django.DjangoModelFactory):
    """An interest put straight into a state, with complete answers (tests of
    pages and transitions; the services are tested on their own)."""

    class Meta:
        model = Interest

    member = factory.SubFactory(MemberFactory)
    lab = factory.SubFactory(LabFactory)
    state = InterestState.SUBMITTED
    motivation = COMPLETE_ANSWERS["motivation"]
    experience = COMPLETE_ANSWERS["experience"]
    intends_to_attend_onsite = True
    acknowledged_non_binding = True
    submitted_at = factory.LazyAttribute(
        lambda interest: None if interest.state == InterestState.DRAFT else timezone.now()
    )


class NamedParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NamedParticipant

    interest = factory.SubFactory(InterestFactory)
    name = "Laura Gómez"
    position = "Director"
    department = "Social Integration"
    email = factory.Sequence(lambda n: f"participant{n}@city.example")
    working_language = "es"


class StateChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StateChange

    interest = factory.SubFactory(InterestFactory)
    from_state = InterestState.DRAFT
    to_state = InterestState.SUBMITTED
