import datetime
import re

import pytest
from django.urls import reverse

from labs.enums import LabStatus, ThemeSlug
from tests.labs.factories import EditionFactory, LabFactory, SupportPackageFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


def text_of(response):
    """The page's main content as plain text, one space between words."""
    page = response.content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


@pytest.fixture
def lab(db):
    lab = LabFactory(
        code="SL6",
        title="Social Cohesion",
        summary="Cities foster living together.",
        target_participants="Social Policy Directors.",
        commitment="Send one representative to the workshop.",
        what_is_included="Airfare and three nights.",
        estimated_timeline="Three online meetings from the Second Quarter of 2024.",
        partners="Partner One\nPartner Two",
        themes=[ThemeSlug.COHESIVE_METROPOLISES],
        languages=["es"],
        interpretation_language="en",
        interpretation_to_be_confirmed=True,
        interest_deadline=datetime.date(2024, 3, 15),
        questions=["How to govern migration on a city scale?", "What tools foster participation?"],
    )
    WorkshopFactory(
        lab=lab,
        city="Baku",
        country="AZ",
        period="11 to 24 November 2024",
        starts_on=datetime.date(2024, 11, 11),
        ends_on=datetime.date(2024, 11, 24),
        outside_event="COP-29",
        kind="public_event",
    )
    SupportPackageFactory(lab=lab, max_funded_members=6, eligible_income_groups=["low", "lower_middle", "upper_middle"])
    return lab


def test_a_labs_page_shows_every_section_in_order(client, lab):
    text = text_of(client.get("/labs/SL6/"))

    expected_in_order = [
        "SL6 ·",
        "Social Cohesion",
        "Open for interest",
        "About this lab Cities foster living together.",
        "Key questions How to govern migration on a city scale? What tools foster participation?",
        "Who should take part Social Policy Directors.",
        "Planned activities 3 online discussions",
        "Onsite public event : Baku, Azerbaijan · 11 to 24 November 2024 (Nov. 11, 2024 – Nov. 24, 2024) "
        "· during COP-29",
        "Commitment Send one representative to the workshop.",
        "What is included Airfare, 3 nights of accommodation, local transport and meals for one representative of "
        "up to 6 members from low, lower-middle or upper-middle income countries. Airfare and three nights.",
        "Estimated timeline Three online meetings from the Second Quarter of 2024.",
        "Themes Cohesive Metropolises",
        "Working languages Spanish. Interpretation into English to be confirmed",
        "Partners Partner One Partner Two",
        "Travel support Yes, see what is included",
        "Express interest by March 15, 2024",
        "Express interest",
    ]
    positions = [text.index(part) for part in expected_in_order]
    assert positions == sorted(positions)


def test_express_interest_leads_to_the_form_with_the_lab_ticked_after_signing_in(client, lab):
    page = client.get(reverse("labs:lab", kwargs={"code": "SL6"})).content.decode()
    visitor = client.get("/interests/new/?lab=SL6")

    assert '<a class="btn btn-primary w-100" href="/interests/new/?lab=SL6">Express interest</a>' in page
    assert visitor.url == "/accounts/login/?next=/interests/new/%3Flab%3DSL6"


def test_a_lab_not_open_for_interest_has_no_express_interest_button(client, lab):
    lab.status = LabStatus.RUNNING
    lab.save()

    page = client.get("/labs/SL6/").content.decode()

    assert "/interests/new/" not in page
    assert "This lab is not taking expressions of interest at the moment." in page


def test_the_code_in_the_address_is_not_case_sensitive(client, lab):
    assert client.get("/labs/sl6/").status_code == 200


@pytest.mark.parametrize(
    "hidden",
    [{"status": LabStatus.DRAFT}, {"edition__is_published": False}],
    ids=["draft", "unpublished-edition"],
)
def test_a_hidden_lab_is_not_found_even_by_its_address(client, db, hidden):
    if "edition__is_published" in hidden:
        LabFactory(code="SL99", edition=EditionFactory(is_published=False))
    else:
        LabFactory(code="SL99", **hidden)

    assert client.get("/labs/SL99/").status_code == 404
    assert client.get("/labs/SL98/").status_code == 404


def test_alternative_workshops_are_shown_as_a_choice(client, lab):
    WorkshopFactory(
        lab=lab, city="Istanbul", country="TR", period="End of May 2024", language="en", alternative_group=1
    )
    WorkshopFactory(
        lab=lab, city="", region="africa", country="", period="End of November 2024", language="fr", alternative_group=1
    )

    text = text_of(client.get("/labs/SL6/"))

    assert (
        "Members attend only one of these: Onsite workshop : Istanbul, Türkiye · End of May 2024 · in English "
        "Onsite workshop : A city in Africa (to be determined) · End of November 2024 · in French"
    ) in text


def test_a_theme_page_lists_the_public_labs_of_that_theme(client, lab):
    LabFactory(code="G1", title="Gender lab", themes=[ThemeSlug.GENDER_EQUITY, ThemeSlug.COHESIVE_METROPOLISES])
    LabFactory(code="E1", title="Ecosystems lab", themes=[ThemeSlug.METROPOLITAN_ECOSYSTEMS])
    LabFactory(code="D1", title="Draft lab", themes=[ThemeSlug.COHESIVE_METROPOLISES], status=LabStatus.DRAFT)

    response = client.get(reverse("labs:theme", kwargs={"slug": "cohesive-metropolises"}))

    page = response.content.decode()
    assert re.findall(r'<span class="lab-code fw-semibold">([^<]+)</span>', page) == ["SL6", "G1"]
    assert "<h1>Cohesive Metropolises</h1>" in page
    assert "2 labs in this theme" in page


def test_an_empty_theme_says_so_and_an_unknown_theme_is_not_found(client, db):
    page = client.get(reverse("labs:theme", kwargs={"slug": "metropolitan-governance"})).content.decode()

    assert "No lab in this theme has been published yet." in page
    assert client.get("/labs/themes/astrology/").status_code == 404


def test_how_to_take_part_follows_the_catalogues_order(client, db):
    text = text_of(client.get(reverse("labs:how_to_take_part")))

    steps = [
        "Read the labs and discuss them with your services",
        "Express your interest",
        "neither commits your government to take part nor ensures a place",
        "Conversations with the Secretariat",
        "The cohort is composed",
        "Formal invitation",
        "The lab starts",
    ]
    positions = [text.index(step) for step in steps]
    assert positions == sorted(positions)


def test_the_home_page_and_the_navigation_lead_to_the_catalogue(client, db):
    page = client.get("/").content.decode()

    assert '<a class="btn btn-primary me-2" href="/labs/">Browse the catalogue of labs</a>' in page
    assert '<a class="nav-link" href="/labs/">Catalogue</a>' in page


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "fr",
            ["À propos de ce lab", "Questions clés", "Manifester son intérêt", "Interprétation en anglais à confirmer"],
        ),
        ("es", ["Sobre este lab", "Preguntas clave", "Expresar interés", "Interpretación al inglés por confirmar"]),
    ],
)
def test_a_labs_page_speaks_french_and_spanish(client, lab, language, words):
    client.cookies["django_language"] = language

    page = client.get("/labs/SL6/").content.decode()

    for word in words:
        assert word in page
