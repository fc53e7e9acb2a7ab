"""The public catalogue is cached, and any change to what it shows appears at once."""

import pytest
from django.urls import reverse

from labs.enums import LabStatus, ThemeSlug
from labs.models import Theme
from tests.labs.factories import LabFactory, SupportPackageFactory, WorkshopFactory

pytestmark = pytest.mark.django_db
CATALOGUE = reverse("labs:catalogue")
LAB_PAGE = "/labs/SL1/"


@pytest.fixture
def lab(db):
    lab = LabFactory(code="SL1", title="Energy Communities", questions=["How to foster them?"])
    WorkshopFactory(lab=lab, city="Bogotá", country="CO")
    SupportPackageFactory(lab=lab, max_funded_members=5)
    return lab


def test_a_cached_catalogue_page_costs_one_query(client, lab, django_assert_num_queries):
    client.get(CATALOGUE)

    with django_assert_num_queries(1):  # the catalogue version
        response = client.get(CATALOGUE)

    assert "Energy Communities" in response.content.decode()


def test_the_cache_keeps_languages_and_filters_apart(client, lab):
    LabFactory(code="SL2", title="Social Cohesion", languages=["fr"])
    client.get(CATALOGUE)
    filtered = client.get(CATALOGUE, {"language": "fr"}).content.decode()
    client.cookies["django_language"] = "fr"
    french = client.get(CATALOGUE).content.decode()

    assert "Energy Communities" not in filtered
    assert "Social Cohesion" in filtered
    assert "Catalogue des Solutions Labs" in french


def edit_title(lab):
    lab.title = "Renewable Energy Communities"
    lab.save()
    return "Renewable Energy Communities"


def edit_package(lab):
    package = lab.support_package
    package.max_funded_members = 7
    package.save()
    return "up to 7 members"


def edit_workshop(lab):
    workshop = lab.workshops.get()
    workshop.city = "Medellín"
    workshop.save()
    return "Medellín, Colombia"


def add_workshop(lab):
    WorkshopFactory(lab=lab, city="Quito", country="EC")
    return "Quito, Ecuador"


def edit_themes(lab):
    lab.themes.add(Theme.objects.get(slug=ThemeSlug.GENDER_EQUITY))
    return "Gender Equity"


def edit_languages(lab):
    lab.working_languages.add("pt")
    return "Portuguese"


@pytest.mark.parametrize("change", [edit_title, edit_package, edit_workshop, add_workshop, edit_themes, edit_languages])
@pytest.mark.parametrize("url", [CATALOGUE, LAB_PAGE])
def test_a_change_shows_at_once(client, lab, change, url):
    client.get(url)

    expected = change(lab)

    assert expected in client.get(url).content.decode()


def test_a_changed_key_question_shows_at_once_on_the_lab_page_and_in_search(client, lab):
    client.get(LAB_PAGE)
    client.get(CATALOGUE, {"q": "cooperatives"})

    question = lab.key_questions.get()
    question.text = "How do energy cooperatives grow?"
    question.save()

    assert "How do energy cooperatives grow?" in client.get(LAB_PAGE).content.decode()
    assert "Energy Communities" in client.get(CATALOGUE, {"q": "cooperatives"}).content.decode()


def test_a_lab_turned_back_into_a_draft_disappears_at_once(client, lab):
    client.get(CATALOGUE)
    client.get(LAB_PAGE)

    lab.status = LabStatus.DRAFT
    lab.save()

    assert "Energy Communities" not in client.get(CATALOGUE).content.decode()
    assert client.get(LAB_PAGE).status_code == 404


def test_unpublishing_an_edition_hides_its_labs_at_once(client, lab):
    client.get(CATALOGUE)

    lab.edition.is_published = False
    lab.edition.save()

    assert "Energy Communities" not in client.get(CATALOGUE).content.decode()


def test_a_deleted_lab_disappears_at_once(client, lab):
    client.get(CATALOGUE)

    lab.delete()

    assert "Energy Communities" not in client.get(CATALOGUE).content.decode()
