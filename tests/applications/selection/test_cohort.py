"""The cohort of a lab and its balance figures, on a known cohort."""

import pytest
from django.urls import reverse

from applications.enums import InterestState as S
from applications.selection.cohort import balance_of, candidates_of, cohort_of
from tests.a11y import assert_accessible
from tests.applications.selection.factories import LabParticipantFactory, WaitingListEntryFactory, candidate
from tests.applications.test_pages import text_of
from tests.labs.factories import LabFactory, SupportPackageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def known(lab_coordinator):
    """SL8: target 3, travel for one member from a low or lower-middle income country."""
    lab = LabFactory(code="SL8", title="Care", target_cohort_size=3)
    lab.coordinators.add(lab_coordinator)
    SupportPackageFactory(lab=lab, max_funded_members=1, eligible_income_groups=["low", "lower_middle"])
    candidate(
        lab,
        "Dakar",
        state=S.PRESELECTED,
        region="africa",
        income_group="lower_middle",
        travel=True,
        people=[("Awa Ndiaye", "fr", "woman"), ("Moussa Sow", "fr", "man")],
    )
    candidate(
        lab,
        "Kigali",
        state=S.INVITED,
        region="africa",
        income_group="low",
        travel=True,
        people=[("Grace Uwase", "en", "woman")],
    )
    bogota = candidate(
        lab,
        "Bogotá",
        state=S.ACCEPTED,
        region="latin_america",
        income_group="upper_middle",
        travel=True,
        people=[("Laura Gómez", "es", "woman")],
    )
    LabParticipantFactory(interest=bogota, name="Carlos Ruiz", working_language="es", gender="man")  # named since
    candidate(lab, "Berlin", state=S.PRESELECTED, people=[("Jonas Weber", "en", "")])
    lima = candidate(lab, "Lima", state=S.PRESELECTED, region="latin_america", people=[("Rosa Díaz", "pt", "woman")])
    WaitingListEntryFactory(interest=lima)  # waiting: not in the cohort
    candidate(lab, "Tokyo", region="asia_pacific", people=[("Yuki Sato", "ar", "woman")])
    candidate(lab, "Montréal", state=S.NOT_SELECTED, region="north_america", people=[("Marie Roy", "fr", "")])
    candidate(lab, "Cairo", state=S.WITHDRAWN, region="middle_east", people=[("Omar Aziz", "zh", "man")])
    candidate(lab, "Draft", state=S.DRAFT, region="middle_east")
    return lab


def test_the_balance_of_a_known_cohort(known):
    cohort = list(cohort_of(lab=known))

    balance = balance_of(lab=known, cohort=cohort, candidates=list(candidates_of(lab=known)))

    assert sorted(interest.member.name for interest in cohort) == ["Berlin", "Bogotá", "Dakar", "Kigali"]
    assert (balance.size, balance.target) == (4, 3)
    assert balance.regions == {
        "africa": 2,
        "asia_pacific": 0,
        "europe": 1,
        "latin_america": 1,
        "middle_east": 0,
        "north_america": 0,
    }
    assert balance.income_groups == {"low": 1, "lower_middle": 1, "upper_middle": 1, "high": 1}
    assert balance.languages == {"en": 2, "fr": 2, "es": 1}
    assert balance.genders == {"woman": 2, "man": 2, "non_binary": 0, "undisclosed": 0, "": 1}
    assert (balance.travel_asked, balance.travel_eligible, balance.travel_ineligible, balance.cap) == (3, 2, 1, 1)
    assert balance.over_cap is True
    assert balance.unrepresented_regions == ["asia_pacific", "north_america"]
    assert balance.unrepresented_languages == ["pt", "ar"]  # Lima waits: a candidate, not in the cohort
    assert balance.warnings == [
        "2 members of the cohort ask for funded travel and are eligible for it, but the lab funds at most 1.",
        "1 member of the cohort asks for travel support it is not eligible for.",
        "Nobody in the cohort comes from Asia-Pacific and North America, where other candidates come from.",
        "Nobody in the cohort works in Portuguese and Arabic, as people of other candidates do.",
        "The cohort has 4 members, more than the lab's target of 3.",
    ]


def test_a_balanced_cohort_within_the_cap_has_no_warning(lab_coordinator):
    lab = LabFactory(code="SL9", target_cohort_size=2)
    SupportPackageFactory(lab=lab, max_funded_members=2)
    candidate(lab, "Dakar", state=S.PRESELECTED, region="africa", travel=True, people=[("Awa", "fr", "woman")])
    candidate(lab, "Berlin", state=S.INVITED, travel=True, people=[("Jonas", "en", "man")])
    candidate(lab, "Paris", state=S.NOT_SELECTED, people=[("Lucie", "fr", "woman")])

    balance = balance_of(lab=lab, cohort=list(cohort_of(lab=lab)), candidates=list(candidates_of(lab=lab)))

    assert (balance.travel_eligible, balance.cap, balance.over_cap) == (2, 2, False)
    assert balance.warnings == []


def test_the_cohort_page_shows_members_side_by_side_figures_and_warnings(
    client, known, lab_coordinator, django_assert_max_num_queries
):
    client.force_login(lab_coordinator)

    with django_assert_max_num_queries(16):
        response = client.get(reverse("applications:cohort", kwargs={"code": "SL8"}))

    text = text_of(response)
    assert "4 members in the cohort" in text
    assert "Target cohort size: 3 members." in text
    assert "but the lab funds at most 1." in text
    assert "Africa: 2" in text
    assert "Not given: 1" in text
    assert "Asked and eligible: 2" in text
    assert "Bogotá Accepted World region Latin America and the Caribbean Income group Upper-middle income" in text
    assert "Carlos Ruiz (Spanish, Man)" in text
    assert "Waiting list Lima (Pre-selected)" in text
    assert_accessible(response)


def test_another_labs_coordinator_gets_404_on_the_cohort(client, known, coordinator):
    client.force_login(coordinator)

    assert client.get(reverse("applications:cohort", kwargs={"code": "SL8"})).status_code == 404


@pytest.mark.parametrize("extra", [0, 40])
def test_the_cohort_page_costs_the_same_queries_for_a_small_or_large_cohort(
    client, known, lab_coordinator, extra, django_assert_max_num_queries
):
    for number in range(extra):
        interest = candidate(known, f"City {number}", state=S.PRESELECTED, people=[("Someone", "en", "man")])
        if number % 2:
            WaitingListEntryFactory(interest=interest)
    client.force_login(lab_coordinator)

    # session, user, roles, second factor, Django's two permission lookups, lab, cohort and its
    # two kinds of people, candidates and theirs, whether anyone is invitable,
    # the invitable members (the form's boxes), waiting list
    with django_assert_max_num_queries(16):
        response = client.get(reverse("applications:cohort", kwargs={"code": "SL8"}))

    assert response.context["balance"].size == 4 + extra // 2
