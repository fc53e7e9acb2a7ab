"""The permission predicates of events, for the cast of a lab."""

import pytest

from tests.events.factories import OnsiteSessionFactory
from tests.events.support_helpers import offer
from tests.factories import UserFactory


@pytest.fixture
def support(lab, laura, lab_coordinator):
    return offer(laura, OnsiteSessionFactory(lab=lab), lab_coordinator)


def allowed(perm, obj, people):
    return {name: person.has_perm(perm, obj) for name, person in people.items()}


@pytest.fixture
def cast(laura, awa, lab_coordinator, other_coordinator, secretariat_admin, focal_point_a):
    return {
        "participant": laura,
        "other participant": awa,
        "coordinator": lab_coordinator,
        "other coordinator": other_coordinator,
        "secretariat": secretariat_admin,
        "focal point": focal_point_a,
        "nobody": UserFactory(),
    }


def test_who_manages_a_lab(lab, cast):
    assert allowed("events.manage_lab", lab, cast) == {
        "participant": False,
        "other participant": False,
        "coordinator": True,
        "other coordinator": False,
        "secretariat": True,
        "focal point": False,
        "nobody": False,
    }


def test_who_follows_a_labs_sessions_and_documents(lab, cast):
    assert allowed("events.follow_lab", lab, cast) == {
        "participant": True,
        "other participant": True,
        "coordinator": True,
        "other coordinator": False,
        "secretariat": True,
        "focal point": False,
        "nobody": False,
    }


def test_who_answers_decides_and_sees_a_support(support, cast):
    assert allowed("events.answer_support", support, cast) == {**dict.fromkeys(cast, False), "participant": True}
    assert allowed("events.decide_support", support, cast) == {
        **dict.fromkeys(cast, False),
        "coordinator": True,
        "secretariat": True,
    }
    assert allowed("events.see_support", support, cast) == {
        **dict.fromkeys(cast, False),
        "participant": True,
        "coordinator": True,
        "secretariat": True,
    }


def test_who_reaches_the_coordinators_pages(cast):
    assert allowed("events.manage_labs", None, cast) == {
        **dict.fromkeys(cast, False),
        "coordinator": True,
        "other coordinator": True,
        "secretariat": True,
    }
