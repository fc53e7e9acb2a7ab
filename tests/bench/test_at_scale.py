"""The benchmark's data set at its full size (bench.generate: 1,500 members,
4,000 people, 100 labs, 20,000 interests with their histories...), made once
for this module and rolled back after it: the measured pages run the same
few queries as on small data sets, and the XLSX export of every interest
holds no more memory for 20,000 rows than for 2,000."""

import pytest
from django.db import transaction

from applications.models import Interest
from bench import generate
from bench.run import export_peak_memory
from tests.bench.test_query_counts import EXPECTED, MAX_QUERIES, query_counts

MiB = 2**20


@pytest.fixture(scope="module")
def bench_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        generate.generate(scale=1.0)
        yield
        transaction.set_rollback(True)


def test_the_data_set_has_the_sizes_of_the_issue(bench_data, db):
    from applications.models import LabParticipant, StateChange
    from events.models import Session, TravelSupport
    from labs.models import Edition, Lab
    from members.models import Member, User

    assert Member.objects.count() == 1500
    assert User.objects.count() == 4000
    assert (Lab.objects.count(), Edition.objects.count()) == (100, 10)
    assert Interest.objects.count() == 20000
    assert StateChange.objects.count() > 20000  # every interest's history, from its draft on
    assert Session.objects.count() == 1000
    assert LabParticipant.objects.count() == 5000
    assert TravelSupport.objects.count() == 2000


def test_each_measured_page_runs_the_same_few_queries_at_the_benchs_size(bench_data, db):
    counts, largest_lab_size = query_counts()

    assert max(counts.values()) <= MAX_QUERIES, counts
    assert counts == EXPECTED
    assert largest_lab_size == 1050


def test_the_export_of_every_interest_holds_the_same_memory_for_ten_times_the_rows(bench_data, db):
    every = Interest.objects.count()
    export_peak_memory(10)  # what is read once per process (translations, openpyxl's tables)

    small, large = export_peak_memory(every // 10), export_peak_memory(every)

    assert every == 20000
    assert large < small * 1.25 and large < 8 * MiB, (small / MiB, large / MiB)
