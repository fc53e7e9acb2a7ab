import datetime

import factory

from applications.enums import InterestState
from events.enums import SessionKind
from events.models import Session
from tests.applications.factories import InterestFactory, NamedParticipantFactory
from tests.factories import MemberFactory, UserFactory
from tests.labs.factories import LabFactory, WorkshopFactory

START = datetime.datetime(2030, 3, 10, 14, 0, tzinfo=datetime.UTC)


class SessionFactory(factory.django.DjangoModelFactory):
    """An online discussion of 90 minutes on 10 March 2030 at 14:00 UTC."""

    class Meta:
        model = Session

    lab = factory.SubFactory(LabFactory)
    kind = SessionKind.ONLINE
    title = factory.Sequence(lambda n: f"Online discussion {n}")
    starts_at = START
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + datetime.timedelta(minutes=90))
    video_link = "https://meet.example.org/lab"
    language = "en"


class OnsiteSessionFactory(SessionFactory):
    """A three-day onsite workshop in Bogotá (America/Bogota), from 9:00 on 2 June 2030."""

    kind = SessionKind.ONSITE
    title = factory.Sequence(lambda n: f"Onsite workshop {n}")
    starts_at = datetime.datetime(2030, 6, 2, 14, 0, tzinfo=datetime.UTC)
    ends_at = datetime.datetime(2030, 6, 4, 22, 0, tzinfo=datetime.UTC)
    time_zone = "America/Bogota"
    video_link = ""
    venue = "Centro de Convenciones"
    city = "Bogotá"
    country = "CO"
    language = "es"


def alternative_sessions(lab, *, group=1):
    """Two onsite sessions of `lab` that exclude each other: Istanbul (English) and Dakar (French)."""
    istanbul = WorkshopFactory(lab=lab, city="Istanbul", country="TR", alternative_group=group, position=1)
    dakar = WorkshopFactory(lab=lab, city="Dakar", country="SN", alternative_group=group, position=2)
    return (
        OnsiteSessionFactory(
            lab=lab, workshop=istanbul, title="Istanbul", city="Istanbul", country="TR", time_zone="Europe/Istanbul"
        ),
        OnsiteSessionFactory(
            lab=lab, workshop=dakar, title="Dakar", city="Dakar", country="SN", time_zone="Africa/Dakar", language="fr"
        ),
    )


def accepted_interest(*, lab, member):
    return InterestFactory(lab=lab, member=member, state=InterestState.ACCEPTED)


def make_participant(*, lab, member=None, person=None, interest=None, **person_fields):
    """A participant of `lab`: a person named (and linked) by an accepted member."""
    member = member or (interest.member if interest else MemberFactory())
    interest = interest or accepted_interest(lab=lab, member=member)
    person = person or UserFactory(member=member, **person_fields)
    NamedParticipantFactory(interest=interest, name=person.name, email=person.email, person=person)
    return person
