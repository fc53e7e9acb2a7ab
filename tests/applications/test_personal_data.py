"""Named participants are personal data: exported to the person named, cleared
when the person is anonymised, the interest kept whole."""

import pytest

from applications import services
from applications.enums import InterestState as S
from applications.models import NamedParticipant
from members import personal_data
from members.services import anonymise_person
from tests.applications.factories import COMPLETE_ANSWERS, InterestFactory, NamedParticipantFactory, a_person
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_person_named_in_an_interest_finds_it_in_their_data(member_a, lab):
    laura = UserFactory(email="laura@bogota.example")
    interest = InterestFactory(member=member_a, lab=lab)
    NamedParticipantFactory(interest=interest, name="Laura Gómez", email="Laura@Bogota.example", gender="woman")
    NamedParticipantFactory(interest=interest, name="Someone else")

    data = personal_data.export_personal_data(person=laura)

    assert data["named_participations"] == [
        {
            "lab": "SL6",
            "member": "Member A",
            "name": "Laura Gómez",
            "position": "Director",
            "department": "Social Integration",
            "email": "Laura@Bogota.example",
            "working_language": "es",
            "gender": "woman",
        }
    ]


def test_an_account_made_later_is_linked_to_the_rows_that_name_its_address(member_a, lab):
    row = NamedParticipantFactory(interest=InterestFactory(member=member_a, lab=lab), email="new@city.example")

    person = UserFactory(email="new@city.example")

    row.refresh_from_db()
    assert row.person == person


def test_anonymising_the_person_clears_the_rows_and_keeps_the_interest(member_a, focal_point_a, lab):
    laura = UserFactory(email="laura@bogota.example")
    interest = services.submit_interest(
        member=member_a,
        lab=lab,
        by=focal_point_a,
        answers=COMPLETE_ANSWERS,
        participants=[a_person(gender="woman"), a_person(name="Pedro", email="pedro@bogota.example")],
    )
    named, other = interest.participants.all()
    assert (named.person, other.person) == (laura, None)

    anonymise_person(person=laura)

    named.refresh_from_db()
    assert (named.name, named.position, named.department, named.email, named.gender) == ("", "", "", "", "")
    assert named.anonymised_at is not None
    assert str(named) == "Deleted person"
    assert NamedParticipant.objects.get(pk=other.pk).name == "Pedro"
    interest.refresh_from_db()
    assert (interest.state, interest.participants.count()) == (S.SUBMITTED, 2)
