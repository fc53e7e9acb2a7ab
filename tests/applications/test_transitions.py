"""Every pair of states: the legal ones move and leave a history row, the others
raise IllegalTransition and change nothing. Each side makes only its own moves."""

import itertools

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from applications.enums import ACTIVE, EDITABLE_BY_MEMBER, FINAL, ONE_PER_MEMBER_AND_LAB, Actor
from applications.enums import InterestState as S
from applications.models import StateChange
from applications.transitions import TRANSITIONS, IllegalTransition, allowed_targets, change_state
from tests.applications.factories import InterestFactory

pytestmark = pytest.mark.django_db

M, C = Actor.MEMBER, Actor.COORDINATOR
EXPECTED = {
    (S.DRAFT, S.SUBMITTED): M,
    (S.DRAFT, S.WITHDRAWN): M,
    (S.SUBMITTED, S.IN_CONVERSATION): C,
    (S.SUBMITTED, S.NOT_SELECTED): C,
    (S.SUBMITTED, S.WITHDRAWN): M,
    (S.IN_CONVERSATION, S.PRESELECTED): C,
    (S.IN_CONVERSATION, S.NOT_SELECTED): C,
    (S.IN_CONVERSATION, S.WITHDRAWN): M,
    (S.PRESELECTED, S.INVITED): C,
    (S.PRESELECTED, S.NOT_SELECTED): C,
    (S.PRESELECTED, S.WITHDRAWN): M,
    (S.INVITED, S.ACCEPTED): M,
    (S.INVITED, S.DECLINED): M,
    (S.INVITED, S.NOT_SELECTED): C,
    (S.INVITED, S.WITHDRAWN): M,
}
ALL_PAIRS = list(itertools.product(S, S))
LEGAL = [pair for pair in ALL_PAIRS if pair in EXPECTED]
ILLEGAL = [pair for pair in ALL_PAIRS if pair not in EXPECTED]


def ids(pairs):
    return [f"{frm}->{to}" for frm, to in pairs]


def test_the_table_is_the_workflow_of_the_design():
    assert TRANSITIONS == EXPECTED
    assert len(LEGAL) == 15
    assert len(ILLEGAL) == 66


def test_the_groups_of_states():
    assert {S.ACCEPTED, S.DECLINED, S.NOT_SELECTED, S.WITHDRAWN} == FINAL
    assert {S.DRAFT, S.SUBMITTED, S.IN_CONVERSATION, S.PRESELECTED, S.INVITED} == ACTIVE
    assert set(S) - {S.WITHDRAWN} == ONE_PER_MEMBER_AND_LAB
    assert {S.DRAFT, S.SUBMITTED} == EDITABLE_BY_MEMBER


def test_nothing_leaves_a_final_state_and_every_active_state_can_be_withdrawn():
    assert [frm for frm, _to in TRANSITIONS if frm in FINAL] == []
    assert sorted(frm for frm, to in TRANSITIONS if to == S.WITHDRAWN) == sorted(ACTIVE)


def test_the_targets_of_a_state_for_each_side():
    assert allowed_targets(state=S.INVITED) == [S.ACCEPTED, S.DECLINED, S.NOT_SELECTED, S.WITHDRAWN]
    assert allowed_targets(state=S.INVITED, actor=M) == [S.ACCEPTED, S.DECLINED, S.WITHDRAWN]
    assert allowed_targets(state=S.SUBMITTED, actor=C) == [S.IN_CONVERSATION, S.NOT_SELECTED]
    assert allowed_targets(state=S.WITHDRAWN) == []


@pytest.fixture
def sides(focal_point_a, lab, lab_coordinator):
    return {M: focal_point_a, C: lab_coordinator}


@pytest.mark.parametrize(("from_state", "to_state"), LEGAL, ids=ids(LEGAL))
def test_a_legal_change_moves_the_interest_and_records_who_when_and_why(
    from_state, to_state, member_a, lab, sides, django_capture_on_commit_callbacks
):
    interest = InterestFactory(member=member_a, lab=lab, state=from_state)
    by = sides[EXPECTED[(from_state, to_state)]]

    with django_capture_on_commit_callbacks(execute=True):
        returned = change_state(interest=interest, to=to_state, by=by, reason="Because.")

    interest.refresh_from_db()
    assert (returned.state, interest.state) == (to_state, to_state)
    change = StateChange.objects.get(interest=interest)
    assert (change.from_state, change.to_state, change.by, change.reason) == (from_state, to_state, by, "Because.")
    assert change.at is not None


@pytest.mark.parametrize(("from_state", "to_state"), ILLEGAL, ids=ids(ILLEGAL))
def test_an_illegal_change_raises_and_changes_nothing(from_state, to_state, member_a, lab, secretariat_admin):
    interest = InterestFactory(member=member_a, lab=lab, state=from_state)
    before = interest.updated_at

    with pytest.raises(IllegalTransition) as raised:
        change_state(interest=interest, to=to_state, by=secretariat_admin)

    interest.refresh_from_db()
    assert (interest.state, interest.updated_at) == (from_state, before)
    assert StateChange.objects.count() == 0
    assert str(raised.value) == f"An expression of interest cannot go from {from_state} to {to_state}."


def test_the_error_says_it_in_the_readers_language(member_a, lab, secretariat_admin):
    interest = InterestFactory(member=member_a, lab=lab, state=S.WITHDRAWN)

    with pytest.raises(IllegalTransition) as raised:
        change_state(interest=interest, to=S.SUBMITTED, by=secretariat_admin)

    with translation.override("fr"):
        assert raised.value.message == "Une manifestation d'intérêt ne peut pas passer de « Retirée » à « Soumise »."


def test_submitting_stamps_the_submission_time(member_a, lab, focal_point_a):
    interest = InterestFactory(member=member_a, lab=lab, state=S.DRAFT)

    change_state(interest=interest, to=S.SUBMITTED, by=focal_point_a)

    assert interest.submitted_at is not None
    interest.refresh_from_db()
    assert interest.submitted_at is not None


@pytest.mark.parametrize(
    ("from_state", "to_state", "who"),
    [
        (S.SUBMITTED, S.IN_CONVERSATION, "focal_point_a"),  # the lab's move, not the member's
        (S.INVITED, S.ACCEPTED, "lab_coordinator"),  # the member's move, not the lab's
        (S.SUBMITTED, S.WITHDRAWN, "focal_point_b"),  # another member's focal point
        (S.SUBMITTED, S.WITHDRAWN, "participant_a"),  # the member's participant is not its focal point
        (S.SUBMITTED, S.IN_CONVERSATION, "coordinator"),  # a coordinator of other labs
    ],
)
def test_each_side_makes_only_its_own_moves(from_state, to_state, who, request, member_a, lab):
    interest = InterestFactory(member=member_a, lab=lab, state=from_state)
    person = request.getfixturevalue(who)

    with pytest.raises(PermissionDenied):
        change_state(interest=interest, to=to_state, by=person)

    interest.refresh_from_db()
    assert interest.state == from_state
    assert StateChange.objects.count() == 0


@pytest.mark.parametrize(("from_state", "to_state"), [(S.SUBMITTED, S.IN_CONVERSATION), (S.INVITED, S.ACCEPTED)])
def test_the_secretariat_may_act_for_either_side(from_state, to_state, member_a, lab, secretariat_admin):
    interest = InterestFactory(member=member_a, lab=lab, state=from_state)

    change_state(interest=interest, to=to_state, by=secretariat_admin)

    assert interest.state == to_state


def test_a_change_reads_the_current_state_not_the_one_in_hand(member_a, lab, lab_coordinator):
    interest = InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)
    stale = type(interest).objects.get(pk=interest.pk)
    change_state(interest=interest, to=S.NOT_SELECTED, by=lab_coordinator)

    with pytest.raises(IllegalTransition):
        change_state(interest=stale, to=S.IN_CONVERSATION, by=lab_coordinator)

    assert type(interest).objects.get(pk=interest.pk).state == S.NOT_SELECTED


def test_an_unknown_state_is_refused(member_a, lab, secretariat_admin):
    interest = InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)

    with pytest.raises(ValueError):
        change_state(interest=interest, to="approved", by=secretariat_admin)
