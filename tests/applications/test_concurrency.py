"""Two requests at the same moment, on PostgreSQL (SQLite runs one writer at a
time, so the race cannot happen there)."""

import threading

import pytest
from django.db import connection, connections

from applications import services
from applications.enums import InterestState as S
from applications.models import Interest, StateChange
from applications.transitions import change_state
from members.outbox.models import Message
from tests.applications.factories import COMPLETE_ANSWERS, InterestFactory, a_person

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (DATABASE_URL=postgres://...): SQLite lets one writer in at a time",
    ),
]


def run_together(*calls):
    """Runs each call in its own thread (own connection), all released at once;
    returns what each returned or raised."""
    barrier = threading.Barrier(len(calls), timeout=10)
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the outcome is what the test compares
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.fixture
def without_the_constraint():
    """Drops the one-interest-per-member-and-lab constraint for one test, to show what it prevents."""
    (constraint,) = [c for c in Interest._meta.constraints if c.name == "one_interest_per_member_and_lab"]
    with connection.schema_editor() as editor:
        editor.remove_constraint(Interest, constraint)
    yield
    Interest.objects.all().delete()  # the duplicates would keep the constraint from coming back
    with connection.schema_editor() as editor:
        editor.add_constraint(Interest, constraint)


def submit_twice_at_once(monkeypatch, member, lab, people):
    """Two focal points submit for the same member and lab; both find no interest
    yet, then both try to create one. Returns what each call returned or raised."""
    checked = threading.Barrier(2, timeout=10)
    first_look = threading.local()
    original = services.existing_interest

    def look_then_wait(**kwargs):
        found = original(**kwargs)
        if not getattr(first_look, "done", False):
            first_look.done = True
            checked.wait()
        return found

    monkeypatch.setattr(services, "existing_interest", look_then_wait)

    def submit(by):
        return lambda: services.submit_interest(
            member=member, lab=lab, by=by, answers=COMPLETE_ANSWERS, participants=[a_person()]
        )

    return run_together(*(submit(person) for person in people))


def test_two_submissions_of_the_same_member_and_lab_make_one_record(
    monkeypatch, member_a, focal_point_a, colleague_a, lab
):
    # Only the database's constraint can stop the second.
    results = submit_twice_at_once(monkeypatch, member_a, lab, [focal_point_a, colleague_a])

    created = [result for result in results if isinstance(result, Interest)]
    refused = [result for result in results if isinstance(result, services.AlreadyExpressed)]
    assert (len(created), len(refused)) == (1, 1), results
    assert refused[0].existing.pk == created[0].pk
    assert Interest.objects.count() == 1
    assert Interest.objects.get().state == S.SUBMITTED
    assert Message.objects.filter(object_id=created[0].pk).count() == 3  # two acknowledgements, one notice


def test_without_the_constraint_both_submissions_would_be_saved(
    without_the_constraint, monkeypatch, member_a, focal_point_a, colleague_a, lab
):
    results = submit_twice_at_once(monkeypatch, member_a, lab, [focal_point_a, colleague_a])

    assert [type(result).__name__ for result in results] == ["Interest", "Interest"]
    assert Interest.objects.filter(member=member_a, lab=lab).count() == 2


def test_the_member_and_the_coordinator_deciding_at_once_make_one_change(member_a, focal_point_a, lab, lab_coordinator):
    """Accepted and not selected are both final: whichever comes second finds
    the first already made (the row lock makes it wait) and is refused."""
    interest = InterestFactory(member=member_a, lab=lab, state=S.INVITED)

    results = run_together(
        lambda: change_state(interest=interest, to=S.ACCEPTED, by=focal_point_a),
        lambda: change_state(interest=interest, to=S.NOT_SELECTED, by=lab_coordinator),
    )

    assert sorted(type(result).__name__ for result in results) == ["IllegalTransition", "Interest"], results
    changes = list(StateChange.objects.filter(interest=interest).values_list("from_state", "to_state"))
    interest.refresh_from_db()
    assert changes == [(S.INVITED, interest.state)]
