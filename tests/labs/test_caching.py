"""The public catalogue is cached, and any change to what it shows appears at once."""

import re
import time

import pytest
from django.test import Client
from django.urls import reverse

from config import page_cache
from labs.enums import LabStatus, ThemeSlug
from labs.models import Theme
from tests.factories import MemberFactory, UserFactory
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


def test_after_an_unrelated_write_the_catalogue_costs_one_query(client, lab, django_assert_num_queries):
    client.get(CATALOGUE)
    MemberFactory()  # a new whole page is made, from the catalogue's cached parts

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


# The whole page comes from the cache too (config.page_cache).


def nonce_of(response):
    """The nonce of the CSP header and the one on the page's script tag."""
    header = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    page = re.search(r'<script [^>]*nonce="([^"]+)"', response.content.decode()).group(1)
    return header, page


@pytest.mark.parametrize("url", [CATALOGUE, LAB_PAGE, f"/labs/themes/{ThemeSlug.GENDER_EQUITY}/"])
def test_a_visitor_gets_the_whole_page_from_the_cache_for_one_query(client, lab, url, django_assert_num_queries):
    first = client.get(url)

    with django_assert_num_queries(0):
        again = Client().get(url)

    assert again.status_code == 200
    assert [template.name for template in again.templates] == []  # nothing rendered: the page was whole
    assert re.sub(r'(nonce|value)="[^"]+"', "", again.content.decode()) == re.sub(
        r'(nonce|value)="[^"]+"', "", first.content.decode()
    )


def test_each_cached_page_carries_its_own_nonce_and_a_working_csrf_token(client, lab):
    client.get(CATALOGUE)
    visitor = Client(enforce_csrf_checks=True)

    cached = visitor.get(CATALOGUE)
    header, page = nonce_of(cached)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', cached.content.decode()).group(1)
    switched = visitor.post(
        reverse("switch_language"), {"language": "fr", "next": CATALOGUE, "csrfmiddlewaretoken": token}
    )

    assert header == page
    assert page != nonce_of(client.get(CATALOGUE))[1]
    assert "@@" not in cached.content.decode()
    assert switched.status_code == 302
    assert "Catalogue des Solutions Labs" in visitor.get(CATALOGUE).content.decode()


def test_signed_in_people_never_get_a_visitors_page(client, lab):
    client.get(CATALOGUE)
    person = UserFactory(name="Paulina Signed-In")
    client.force_login(person)
    shown = f">{person.get_short_name()}</button>"

    assert shown in client.get(CATALOGUE).content.decode()
    client.logout()
    assert shown not in client.get(CATALOGUE).content.decode()


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client, lab):
    client.get(CATALOGUE)
    person = UserFactory()
    client.force_login(person)
    client.post(reverse("account_logout"))  # leaves "You have signed out." for the next page

    assert "You have signed out." in client.get(CATALOGUE).content.decode()
    assert "You have signed out." not in client.get(CATALOGUE).content.decode()


# A visitor's page is kept a second in the process too (config.page_cache.visitor_pages).


@pytest.fixture
def shared_cache_down(monkeypatch):
    """Makes any read of the shared cache fail, so that only the process' own copies can answer."""

    def down(*args, **kwargs):
        raise AssertionError("the shared cache was asked")

    def take_down():
        monkeypatch.setattr(page_cache, "read_current", down)

    return take_down


def test_a_visitor_gets_the_page_from_the_process_within_a_second_without_asking_the_cache(
    client, lab, shared_cache_down, django_assert_num_queries
):
    first = client.get(CATALOGUE)
    shared_cache_down()

    with django_assert_num_queries(0):
        again = Client().get(CATALOGUE)

    assert re.sub(r'(nonce|value)="[^"]+"', "", again.content.decode()) == re.sub(
        r'(nonce|value)="[^"]+"', "", first.content.decode()
    )
    assert nonce_of(again)[0] == nonce_of(again)[1] != nonce_of(first)[1]


def test_after_a_second_the_visitor_gets_what_another_process_changed(client, lab, monkeypatch):
    client.get(CATALOGUE)
    # Another process renames the lab: the shared generation moves on, this process' copies are left.
    kept = dict(page_cache.visitor_pages._pages)
    edit_title(lab)
    page_cache.visitor_pages._pages.update(kept)
    assert "Renewable Energy Communities" not in client.get(CATALOGUE).content.decode()

    later = time.monotonic() + page_cache.VISITOR_PAGE_SECONDS + 0.01
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: later)

    assert "Renewable Energy Communities" in client.get(CATALOGUE).content.decode()


def test_a_write_in_this_process_drops_the_visitors_copies_at_once(client, lab):
    client.get(CATALOGUE)

    MemberFactory()  # any write, here a member that the catalogue does not show

    assert page_cache.visitor_pages._pages == {}


def test_signed_in_pages_are_never_kept_in_the_process(client, lab):
    client.force_login(UserFactory())
    client.get(CATALOGUE)
    client.get(CATALOGUE)

    assert page_cache.visitor_pages._pages == {}


def test_the_process_keeps_a_bounded_number_of_visitors_pages(client, lab, monkeypatch):
    monkeypatch.setattr(page_cache, "VISITOR_PAGES_KEPT", 3)

    for page in range(1, 6):
        client.get(CATALOGUE, {"q": f"word{page}"})

    assert len(page_cache.visitor_pages._pages) == 3
    assert all("word" not in key for key in page_cache.visitor_pages._pages)  # keys are hashed
