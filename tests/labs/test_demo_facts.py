"""The demo catalogue against the facts of the printed 2024 catalogue.

The expected values below were written from
../shared/reference/solutions-labs-catalogue-2024.txt, not copied from
labs/demo_data.py, so that a wrong fact in the data fails here."""

import io

import pytest

from labs import demo
from labs.models import Edition, KeyQuestion, Lab, OnsiteWorkshop, SupportPackage
from members import demo as members_demo
from members.models import User

LMU = {"low", "lower_middle", "upper_middle"}
WHOLE, AIRFARE_ONLY = "whole_package", "airfare_only"
NOTHING = (False, False, 0, False, False, False, None, set(), WHOLE)

# workshop: (city, region, country, period, starts, ends, outside event, language, alternative group)
# support: (has travel support, airfare, nights, local transport, meals, event pass, cap, income groups, cap scope)
EXPECTED = {
    "SL1": {
        "title": "Urban Governance in the Metaverse",
        "themes": {"metropolitan-futures"},
        "languages": {"en"},
        "interpretation": ("", False),
        "partners": ["Metaverse Institute", "Guangzhou Institute for Urban Innovation"],
        "online": (None, None),
        "questions": (4, "What are the areas where working with the Citiverse"),
        "workshops": [("Guangzhou", "", "CN", "Later in 2024", None, None, "", "", None)],
        "support": (True, False, 0, False, False, False, None, set(), WHOLE),
    },
    "SL2": {
        "title": "Metropolitan Management and Artificial Intelligence",
        "themes": {"metropolitan-futures"},
        "languages": {"en"},
        "interpretation": ("", False),
        "partners": [],
        "online": (3, None),
        "questions": (6, "What are the most efficient, reliable and replicable"),
        "workshops": [
            (
                "Barcelona",
                "",
                "ES",
                "4–8 November 2024",
                "2024-11-04",
                "2024-11-08",
                "Smart City World Expo Congress 2024",
                "",
                None,
            )
        ],
        "support": (True, False, 3, False, True, True, None, set(), WHOLE),
    },
    "SL3": {
        "title": "Clean Technology Vehicles",
        "themes": {"metropolitan-ecosystems"},
        "languages": {"es"},
        "interpretation": ("en", True),
        "partners": [],
        "online": (3, None),
        "questions": (4, "What is the role of clean, zero, and low emission"),
        "workshops": [("Bogotá", "", "CO", "Quarter Four 2024", None, None, "", "", None)],
        "support": (True, True, 3, True, True, False, 8, set(), WHOLE),
    },
    "SL4": {
        "title": "Energy Communities",
        "themes": {"metropolitan-ecosystems"},
        "languages": {"en"},
        "interpretation": ("", False),
        "partners": ["COMANAGE project (EU-sponsored)"],
        "online": (4, 5),
        "questions": (3, "What are the existing and successful models"),
        "workshops": [("", "europe", "", "First Quarter of 2025", None, None, "", "", None)],
        "support": (True, True, 3, True, True, False, 5, set(), WHOLE),
    },
    "SL5": {
        "title": "Cities Under Water Stress",
        "themes": {"metropolitan-ecosystems"},
        "languages": {"en"},
        "interpretation": ("", False),
        "partners": [],
        "online": (2, None),
        "questions": (4, "How are metropolitan authorities addressing hydric stress"),
        "workshops": [
            (
                "Barcelona",
                "",
                "ES",
                "20 September to 3 October 2024",
                "2024-09-20",
                "2024-10-03",
                "UN World Summit Against Drought",
                "",
                None,
            )
        ],
        "support": NOTHING,
    },
    "SL6": {
        "title": "Social Cohesion",
        "themes": {"cohesive-metropolises"},
        "languages": {"fr"},
        "interpretation": ("", False),
        "partners": [],
        "online": (3, None),
        "questions": (3, "How to foster diversity, equity and inclusion"),
        "workshops": [("", "africa", "", "September 2024", None, None, "", "", None)],
        "support": (True, True, 3, True, True, False, 6, LMU, WHOLE),
    },
    "SL7": {
        "title": "Metropolitan Institutions",
        "themes": {"metropolitan-governance"},
        "languages": {"es"},
        "interpretation": ("", False),
        "partners": [],
        "online": (3, None),
        "questions": (3, "What are the forms of accountability and political representation"),
        "workshops": [("", "", "", "Later in 2024", None, None, "", "", None)],
        "support": NOTHING,
    },
    "SL8": {
        "title": "Fair Climate Transition",
        "themes": {"metropolitan-ecosystems"},
        "languages": {"en"},
        "interpretation": ("", False),
        "partners": [],
        "online": (3, None),
        "questions": (4, "Where are the new economic and job opportunities"),
        "workshops": [
            (
                "Baku",
                "",
                "AZ",
                "11 to 24 November 2024 (to be confirmed)",
                "2024-11-11",
                "2024-11-24",
                "COP-29 Climate Conference",
                "",
                None,
            )
        ],
        "support": NOTHING,
    },
    "SL9": {
        "title": "Supporting Caregivers",
        "themes": {"gender-equity"},
        "languages": {"en", "fr"},
        "interpretation": ("", False),
        "partners": [],
        "online": (3, None),
        "questions": (3, "What does it mean to place care at the centre"),
        "workshops": [
            ("Istanbul", "", "TR", "End of May 2024", None, None, "", "en", 1),
            ("", "africa", "", "End of November 2024", None, None, "", "fr", 1),
        ],
        "support": (True, True, 3, True, True, False, 8, LMU, AIRFARE_ONLY),
    },
    "SL10": {
        "title": "Empowering Women Leaders in City Governance",
        "themes": {"gender-equity"},
        "languages": {"en", "fr"},
        "interpretation": ("", False),
        "partners": [],
        "online": (2, None),
        "questions": (3, "What are the barriers that women face"),
        "workshops": [
            ("Istanbul", "", "TR", "End of May 2024", None, None, "", "en", 1),
            ("", "africa", "", "End of November 2024", None, None, "", "fr", 1),
        ],
        "support": (True, True, 3, True, True, False, 8, LMU, AIRFARE_ONLY),
    },
    "SL11": {
        "title": "Gender Perspectives on Transportation",
        "themes": {"gender-equity"},
        "languages": {"es"},
        "interpretation": ("en", True),
        "partners": [],
        "online": (3, None),
        "questions": (3, "How can public transport operators and regulators"),
        "workshops": [("Bogotá", "", "CO", "Quarter Two 2024", None, None, "", "", None)],
        "support": (True, True, 3, True, True, False, 8, set(), WHOLE),
    },
}


@pytest.fixture
def demo_catalogue(db):
    members_demo.load(io.StringIO())
    demo.load(io.StringIO())


def _workshop(workshop):
    dates = [day.isoformat() if day else None for day in (workshop.starts_on, workshop.ends_on)]
    return (
        workshop.city,
        workshop.region,
        workshop.country.code or "",
        workshop.period,
        *dates,
        workshop.outside_event,
        workshop.language,
        workshop.alternative_group,
    )


def _support(package):
    return (
        package.has_travel_support,
        package.airfare,
        package.accommodation_nights,
        package.local_transport,
        package.meals,
        package.event_pass,
        package.max_funded_members,
        set(package.eligible_income_groups),
        package.cap_scope,
    )


@pytest.mark.parametrize("code", list(EXPECTED))
def test_each_demo_lab_has_the_facts_of_the_printed_catalogue(demo_catalogue, code):
    expected = EXPECTED[code]
    lab = Lab.objects.get(code=code)
    questions = list(lab.key_questions.values_list("text", flat=True))

    assert lab.title == expected["title"]
    assert {theme.slug for theme in lab.themes.all()} == expected["themes"]
    assert {language.code for language in lab.working_languages.all()} == expected["languages"]
    assert (lab.interpretation_language, lab.interpretation_to_be_confirmed) == expected["interpretation"]
    assert lab.partner_names == expected["partners"]
    assert (lab.number_of_online_discussions, lab.max_online_discussions) == expected["online"]
    assert len(questions) == expected["questions"][0]
    assert questions[0].startswith(expected["questions"][1])
    assert [_workshop(workshop) for workshop in lab.workshops.all()] == expected["workshops"]
    assert _support(lab.support_package) == expected["support"]
    assert lab.status == "open"
    assert lab.summary and lab.commitment and lab.estimated_timeline and lab.target_participants


def test_the_demo_catalogue_is_the_published_2024_edition_in_its_order(demo_catalogue):
    edition = Edition.objects.get()

    assert (edition.year, edition.is_published) == (2024, True)
    assert list(edition.labs.values_list("code", flat=True)) == list(EXPECTED)


def test_the_demo_coordinator_coordinates_every_demo_lab(demo_catalogue):
    coordinator = User.objects.get(email="coordinator@solutionslabs.example")

    assert coordinator.coordinated_labs.count() == 11


def test_loading_the_demo_again_changes_nothing(demo_catalogue):
    def snapshot():
        return [
            list(model.objects.order_by("pk").values())
            for model in (Edition, Lab, KeyQuestion, OnsiteWorkshop, SupportPackage)
        ]

    before = snapshot()
    demo.load(io.StringIO())

    assert snapshot() == before
