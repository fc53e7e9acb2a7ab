from applications.enums import InterestState
from events.selectors import labs_of_participant, participants_of
from tests.applications.factories import InterestFactory, NamedParticipantFactory
from tests.events.factories import make_participant
from tests.factories import UserFactory
from tests.labs.factories import LabFactory


def test_a_labs_participants_are_the_linked_people_of_accepted_members(lab, laura, awa, paris):
    invited = InterestFactory(lab=lab, member=paris, state=InterestState.INVITED)
    NamedParticipantFactory(interest=invited, person=UserFactory(email="pierre@paris.example"))
    NamedParticipantFactory(interest=laura.named_participations.get().interest, person=None, email="no@account.example")

    assert list(participants_of(lab)) == [awa, laura]


def test_a_person_named_twice_is_one_participant(lab, laura):
    interest = laura.named_participations.get().interest
    NamedParticipantFactory(interest=interest, person=laura)

    assert list(participants_of(lab)) == [laura]


def test_the_labs_of_a_participant(lab, laura):
    other = LabFactory(code="SL3")
    make_participant(lab=other, person=laura, member=laura.member)
    LabFactory(code="SL4")

    assert list(labs_of_participant(laura)) == [lab, other]
