"""Onsite answers: attending or not, and alternative sessions that exclude each other."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from events.models import OnsiteAnswer
from events.services import answer_onsite
from tests.events.factories import OnsiteSessionFactory, SessionFactory, alternative_sessions
from tests.factories import UserFactory


def answers(lab):
    rows = OnsiteAnswer.objects.filter(session__lab=lab).order_by("person__email", "session__title")
    return [(row.person.email, row.session.title, row.attending) for row in rows]


def test_a_participant_answers_for_an_onsite_session(lab, laura):
    workshop = OnsiteSessionFactory(lab=lab, title="Bogotá")

    answer_onsite(person=laura, session=workshop, attending=True)
    answer_onsite(person=laura, session=workshop, attending=False)

    assert answers(lab) == [("laura@bogota.example", "Bogotá", False)]


def test_choosing_one_alternative_says_no_to_the_other(lab, laura):
    istanbul, dakar = alternative_sessions(lab)

    answer_onsite(person=laura, session=istanbul, attending=True)
    answer_onsite(person=laura, session=dakar, attending=True)

    assert answers(lab) == [("laura@bogota.example", "Dakar", True), ("laura@bogota.example", "Istanbul", False)]


def test_the_people_of_one_member_go_to_the_same_alternative(lab, laura, bogota_colleague):
    istanbul, dakar = alternative_sessions(lab)
    answer_onsite(person=laura, session=istanbul, attending=True)

    with pytest.raises(ValidationError) as refused:
        answer_onsite(person=bogota_colleague, session=dakar, attending=True)

    assert refused.value.messages == [
        "Laura Gómez of Bogotá already goes to Istanbul; a member attends only one of these alternatives."
    ]
    answer_onsite(person=bogota_colleague, session=istanbul, attending=True)
    assert answers(lab) == [
        ("laura@bogota.example", "Istanbul", True),
        ("pedro@bogota.example", "Istanbul", True),
    ]


def test_another_member_may_choose_the_other_alternative(lab, laura, awa):
    istanbul, dakar = alternative_sessions(lab)

    answer_onsite(person=laura, session=istanbul, attending=True)
    answer_onsite(person=awa, session=dakar, attending=True)

    assert answers(lab) == [("awa@dakar.example", "Dakar", True), ("laura@bogota.example", "Istanbul", True)]


def test_a_member_may_change_its_choice_once_nobody_goes_to_the_first(lab, laura, bogota_colleague):
    istanbul, dakar = alternative_sessions(lab)
    answer_onsite(person=laura, session=istanbul, attending=True)
    answer_onsite(person=laura, session=istanbul, attending=False)

    answer_onsite(person=bogota_colleague, session=dakar, attending=True)

    assert answers(lab) == [("laura@bogota.example", "Istanbul", False), ("pedro@bogota.example", "Dakar", True)]


def test_online_sessions_take_no_answer(lab, laura):
    with pytest.raises(ValidationError):
        answer_onsite(person=laura, session=SessionFactory(lab=lab), attending=True)


def test_only_the_labs_participants_answer(lab, laura):
    with pytest.raises(PermissionDenied):
        answer_onsite(person=UserFactory(), session=OnsiteSessionFactory(lab=lab), attending=True)
