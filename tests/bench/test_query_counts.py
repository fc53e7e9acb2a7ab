"""Every page the benchmark measures runs a fixed number of queries, at most
15, whatever the size of the data: the bench's own data set (bench.generate)
at two scales, the pages of bench.run, each with an empty cache."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench import generate, run

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15
# Queries of each page with an empty cache, the same at both scales.
EXPECTED = {
    "catalogue": 7,
    "catalogue filtered": 7,
    "lab page": 6,
    "focal point dashboard": 7,
    "pipeline": 12,
    "cohort": 15,
    "participant page": 13,
    "calendar feed": 4,  # 3 when the feed is in the cache
}


def query_counts():
    measured, context = run.pages()
    counts = {}
    for page in measured:
        if page.target is None:  # the signed-in floors: bench/urls.py only
            continue
        client = Client()
        if page.cookie:
            client.cookies[settings.SESSION_COOKIE_NAME] = page.cookie
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.path)
        assert response.status_code == 200, page.name
        assert page.expect in response.content.decode(), page.name
        counts[page.name.split(" (")[0]] = len(queries.captured_queries)
    return counts, context["size"]


@pytest.mark.parametrize("scale", [0.01, 0.05])
def test_each_measured_page_runs_the_same_few_queries_at_any_scale(scale):
    generate.generate(scale=scale)

    counts, largest_lab_size = query_counts()

    assert max(counts.values()) <= MAX_QUERIES, counts
    assert counts == EXPECTED
    # The largest lab's pipeline fills one page (25 rows) at the small scale, three at the larger one.
    assert largest_lab_size == {0.01: 21, 0.05: 75}[scale]
