"""Coordinators offering support at the same moment, on PostgreSQL (SQLite lets
one writer in at a time, so the race cannot happen there)."""

import threading
import time

import pytest
from django.db import connection, connections

from events import support
from events.enums import SupportStatus
from events.models import TravelSupport
from events.support import SupportRefused
from events.support_rules import check_package
from labs.models import SupportPackage
from members.enums import IncomeGroup
from tests.events.factories import OnsiteSessionFactory, make_participant
from tests.events.support_helpers import offer
from tests.factories import MemberFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL (DATABASE_URL=postgres://...): SQLite lets one writer in at a time",
    ),
]


def run_together(calls):
    """Runs each call in its own thread (its own connection, closed at the end),
    all released at once; returns what each returned or raised."""
    barrier = threading.Barrier(len(calls), timeout=20)
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
        thread.join(timeout=60)
    return results


def unlocked_package(lab):
    """support._locked_package without its row lock, to show what the lock prevents."""
    package = SupportPackage.objects.filter(lab=lab).first()
    check_package(package)
    return package


@pytest.mark.parametrize("lock", ["kept", "removed"])
def test_twenty_offers_at_once_on_a_cap_of_eight_fund_exactly_eight(
    lock, monkeypatch, lab, lab_coordinator, other_coordinator
):
    # Each offer lingers between counting the funded members and adding its own:
    # only the package's row lock keeps the others from counting meanwhile.
    count_the_cap = support.check_cap

    def count_then_linger(**kwargs):
        count_the_cap(**kwargs)
        time.sleep(0.1)

    monkeypatch.setattr(support, "check_cap", count_then_linger)
    if lock == "removed":
        monkeypatch.setattr(support, "_locked_package", unlocked_package)
    SupportPackage.objects.filter(lab=lab).update(max_funded_members=8)
    lab.coordinators.add(other_coordinator)
    workshop = OnsiteSessionFactory(lab=lab)
    people = [
        make_participant(lab=lab, member=MemberFactory(name=f"City {number}", income_group=IncomeGroup.LOW))
        for number in range(20)
    ]
    coordinators = [lab_coordinator, other_coordinator]

    results = run_together(
        [
            (lambda person=person, number=number: offer(person, workshop, coordinators[number % 2]))
            for number, person in enumerate(people)
        ]
    )

    funded = [result for result in results if isinstance(result, TravelSupport)]
    refused = [result for result in results if isinstance(result, SupportRefused)]
    if lock == "removed":
        assert len(funded) > 8, results  # the cap is broken: the lock is what holds it
        return
    assert (len(funded), len(refused)) == (8, 12), results
    assert {error.code for error in refused} == {"cap_reached"}
    live = TravelSupport.objects.filter(lab=lab, status=SupportStatus.OFFERED)
    assert live.count() == 8
    assert live.values("member").distinct().count() == 8


def test_two_offers_to_the_same_participant_at_once_make_one(lab, laura, lab_coordinator, other_coordinator):
    lab.coordinators.add(other_coordinator)
    workshop = OnsiteSessionFactory(lab=lab)

    results = run_together(
        [lambda: offer(laura, workshop, lab_coordinator), lambda: offer(laura, workshop, other_coordinator)]
    )

    assert sorted(type(result).__name__ for result in results) == ["SupportRefused", "TravelSupport"], results
    assert TravelSupport.objects.filter(participant=laura).count() == 1
