import re

import pytest
from django.urls import reverse

from labs.enums import LabStatus, ThemeSlug
from tests.labs.factories import EditionFactory, LabFactory, SupportPackageFactory, WorkshopFactory

pytestmark = pytest.mark.django_db
CATALOGUE = reverse("labs:catalogue")


def codes(response):
    """Lab codes on the page's cards, in order."""
    return re.findall(r'<span class="lab-code fw-semibold">([^<]+)</span>', response.content.decode())


@pytest.fixture
def labs(db):
    """Four public labs that differ in every filtered respect."""
    water = LabFactory(
        code="W1",
        title="Cities Under Water Stress",
        themes=[ThemeSlug.METROPOLITAN_ECOSYSTEMS],
        languages=["en"],
        questions=["How are cities funding adaptation to chronic hydric deficit?"],
    )
    WorkshopFactory(lab=water, city="Barcelona", country="ES")
    cohesion = LabFactory(
        code="C1",
        title="Social Cohesion",
        summary="Living together in diverse cities.",
        themes=[ThemeSlug.COHESIVE_METROPOLISES],
        languages=["fr"],
    )
    SupportPackageFactory(lab=cohesion, max_funded_members=6)
    transport = LabFactory(
        code="G1",
        title="Gender Perspectives on Transportation",
        themes=[ThemeSlug.GENDER_EQUITY, ThemeSlug.METROPOLITAN_ECOSYSTEMS],
        languages=["es"],
        status=LabStatus.SELECTING,
    )
    WorkshopFactory(lab=transport, city="Bogotá", country="CO")
    SupportPackageFactory(lab=transport, max_funded_members=8)
    caregivers = LabFactory(
        code="G2", title="Supporting Caregivers", themes=[ThemeSlug.GENDER_EQUITY], languages=["en", "fr"]
    )
    WorkshopFactory(lab=caregivers, city="Istanbul", country="TR", alternative_group=1)
    WorkshopFactory(lab=caregivers, city="Dakar", country="SN", alternative_group=1)
    SupportPackageFactory(
        lab=caregivers,
        has_travel_support=False,
        airfare=False,
        accommodation_nights=0,
        local_transport=False,
        meals=False,
    )
    return {"water": water, "cohesion": cohesion, "transport": transport, "caregivers": caregivers}


def test_anyone_sees_every_public_lab_as_a_card(client, labs):
    response = client.get(CATALOGUE)

    assert response.status_code == 200
    assert codes(response) == ["W1", "C1", "G1", "G2"]
    page = response.content.decode()
    assert "Gender Perspectives on Transportation" in page
    assert "Bogotá, Colombia · Quarter Two 2024" in page
    assert "Members attend only one of these:" in page
    assert (
        "Airfare, 3 nights of accommodation, local transport and meals for one representative of up to 8 members."
        in page
    )
    assert "4 labs" in page


def test_drafts_and_labs_of_unpublished_editions_never_appear(client, labs):
    LabFactory(code="D1", title="Draft lab", status=LabStatus.DRAFT)
    LabFactory(code="U1", title="Unpublished lab", edition=EditionFactory(is_published=False))

    response = client.get(CATALOGUE, {"q": "lab"})
    everything = client.get(CATALOGUE)

    assert "D1" not in codes(response) + codes(everything)
    assert "U1" not in codes(response) + codes(everything)
    assert "Draft lab" not in everything.content.decode()


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"theme": "gender-equity"}, ["G1", "G2"]),
        ({"theme": "metropolitan-ecosystems"}, ["W1", "G1"]),
        ({"language": "fr"}, ["C1", "G2"]),
        ({"language": "es"}, ["G1"]),
        ({"country": "CO"}, ["G1"]),
        ({"country": "SN"}, ["G2"]),
        ({"travel": "yes"}, ["C1", "G1"]),
        ({"travel": "no"}, ["W1", "G2"]),
        ({"status": "selecting"}, ["G1"]),
        ({"status": "open"}, ["W1", "C1", "G2"]),
    ],
)
def test_each_filter_alone(client, labs, filters, expected):
    assert codes(client.get(CATALOGUE, filters)) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"theme": "gender-equity", "language": "fr"}, ["G2"]),
        ({"theme": "gender-equity", "travel": "yes"}, ["G1"]),
        ({"theme": "metropolitan-ecosystems", "country": "ES", "status": "open"}, ["W1"]),
        ({"language": "en", "travel": "no", "country": "TR"}, ["G2"]),
        ({"theme": "gender-equity", "q": "caregivers", "travel": "no"}, ["G2"]),
    ],
)
def test_filters_combine(client, labs, filters, expected):
    assert codes(client.get(CATALOGUE, filters)) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("water", ["W1"]),
        ("TRANSPORTATION", ["G1"]),
        ("living together", ["C1"]),
        ("hydric deficit", ["W1"]),
        ("cities", ["W1", "C1", "G1", "G2"]),
        ("cities cohesion", ["C1"]),
    ],
    ids=["title", "any-case", "summary", "key-question", "common-word", "every-word-must-match"],
)
def test_search_over_titles_summaries_and_key_questions(client, labs, words, expected):
    assert codes(client.get(CATALOGUE, {"q": words})) == expected


def test_an_empty_result_says_so_and_offers_to_clear_the_filters(client, labs):
    response = client.get(CATALOGUE, {"theme": "metropolitan-governance", "q": "water"})

    page = response.content.decode()
    assert codes(response) == []
    assert "No lab matches your search and filters." in page
    assert f'<a class="alert-link" href="{CATALOGUE}">Clear the filters and show every lab</a>' in page


def test_the_form_shows_the_chosen_filters_so_a_shared_link_shows_the_same_view(client, labs):
    page = client.get(CATALOGUE, {"theme": "gender-equity", "travel": "yes", "q": "cities"}).content.decode()

    assert '<option value="gender-equity" selected>Gender Equity</option>' in page
    assert '<option value="yes" selected>Travel funded</option>' in page
    assert 'name="q" value="cities"' in page
    assert f'<a class="btn btn-outline-secondary" href="{CATALOGUE}">Clear filters</a>' in page


def test_every_filter_has_a_label(client, labs):
    page = client.get(CATALOGUE).content.decode()

    for name, label in [
        ("q", "Search"),
        ("theme", "Theme"),
        ("language", "Working language"),
        ("country", "Onsite country"),
        ("travel", "Travel support"),
        ("status", "Status"),
    ]:
        assert f'<label class="form-label" for="id_{name}">{label}</label>' in page


def test_the_country_filter_offers_only_countries_of_public_workshops(client, labs):
    WorkshopFactory(lab=LabFactory(status=LabStatus.DRAFT), city="Lima", country="PE")

    response = client.get(CATALOGUE)

    choices = [value for value, _label in response.context["filter"].form.fields["country"].choices]
    assert choices == ["", "CO", "SN", "ES", "TR"]  # by name: Colombia, Senegal, Spain, Türkiye


def test_an_unknown_filter_value_is_explained_and_ignored(client, labs):
    response = client.get(CATALOGUE, {"theme": "astrology"})

    assert response.status_code == 200
    assert codes(response) == ["W1", "C1", "G1", "G2"]
    assert "Select a valid choice. astrology is not one of the available choices." in response.content.decode()


def test_the_catalogue_is_paginated_and_pages_keep_the_filters(client, db):
    edition = EditionFactory()
    for number in range(1, 15):
        LabFactory(edition=edition, code=f"P{number}", position=number, languages=["fr"])

    first = client.get(CATALOGUE, {"language": "fr"})
    second = client.get(CATALOGUE, {"language": "fr", "page": 2})

    assert codes(first) == [f"P{number}" for number in range(1, 13)]
    assert codes(second) == ["P13", "P14"]
    assert 'href="?language=fr&amp;page=2"' in first.content.decode()
    assert "Page 2 of 2" in second.content.decode()


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fr", ["Catalogue des Solutions Labs", "Thème", "Déplacements financés", "Effacer les filtres"]),
        ("es", ["Catálogo de los Solutions Labs", "Tema", "Viaje financiado", "Borrar los filtros"]),
    ],
)
def test_the_catalogue_speaks_french_and_spanish(client, labs, language, words):
    client.cookies["django_language"] = language

    page = client.get(CATALOGUE, {"theme": "gender-equity"}).content.decode()

    for word in words:
        assert word in page
