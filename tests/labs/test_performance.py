"""Query counts of the public pages do not grow with the number of labs."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from labs.enums import ThemeSlug
from tests.labs.factories import EditionFactory, LabFactory, SupportPackageFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

# version, count, labs, themes, languages, workshops, onsite countries
CATALOGUE_QUERIES = 7
# version, lab, themes, languages, workshops, key questions
LAB_PAGE_QUERIES = 6


def make_labs(count):
    edition = EditionFactory()
    for number in range(count):
        lab = LabFactory(
            edition=edition,
            code=f"P{number}",
            themes=[ThemeSlug.GENDER_EQUITY, ThemeSlug.METROPOLITAN_FUTURES],
            languages=["en", "fr"],
            questions=["One?", "Two?", "Three?"],
        )
        WorkshopFactory(lab=lab, country="CO", alternative_group=1)
        WorkshopFactory(lab=lab, city="Dakar", country="SN", alternative_group=1)
        SupportPackageFactory(lab=lab, max_funded_members=8)


@pytest.mark.parametrize("count", [1, 200])
@pytest.mark.parametrize(
    "query",
    [{}, {"theme": "gender-equity", "language": "fr", "country": "SN", "travel": "yes", "q": "lab", "page": 2}],
    ids=["everything", "filtered"],
)
def test_the_catalogue_runs_the_same_queries_for_1_or_200_labs(client, count, query, django_assert_max_num_queries):
    make_labs(count)
    cache.clear()

    with django_assert_max_num_queries(CATALOGUE_QUERIES):
        response = client.get(reverse("labs:catalogue"), query)

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 200])
def test_a_lab_page_runs_the_same_queries_for_1_or_200_labs(client, count, django_assert_max_num_queries):
    make_labs(count)
    cache.clear()

    with django_assert_max_num_queries(LAB_PAGE_QUERIES):
        response = client.get("/labs/P0/")

    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 200])
def test_a_theme_page_runs_the_same_queries_for_1_or_200_labs(client, count, django_assert_max_num_queries):
    make_labs(count)
    cache.clear()

    # version, theme, count, labs, themes, languages, workshops
    with django_assert_max_num_queries(7):
        response = client.get(reverse("labs:theme", kwargs={"slug": "gender-equity"}))

    assert response.status_code == 200
