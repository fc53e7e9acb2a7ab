import datetime

import pytest
from django.core.exceptions import ValidationError

from labs.models import OnsiteWorkshop, SupportPackage, Theme, WorkingLanguage
from tests.labs.factories import LabFactory

pytestmark = pytest.mark.django_db


def package(**fields):
    return SupportPackage(lab=LabFactory(), **fields)


def errors_of(instance):
    with pytest.raises(ValidationError) as raised:
        instance.full_clean()
    return raised.value.message_dict


def test_the_five_themes_and_the_working_languages_exist_without_demo_data():
    assert [str(theme) for theme in Theme.objects.all()] == [
        "Metropolitan Futures",
        "Metropolitan Ecosystems",
        "Cohesive Metropolises",
        "Metropolitan Governance",
        "Gender Equity",
    ]
    assert set(WorkingLanguage.objects.values_list("code", flat=True)) == {"en", "fr", "es", "pt", "ar", "zh"}


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"has_travel_support": True},
        {"has_travel_support": True, "airfare": True, "accommodation_nights": 3, "max_funded_members": 8},
        {"has_travel_support": True, "meals": True, "eligible_income_groups": ["low", "lower_middle"]},
        {
            "has_travel_support": True,
            "airfare": True,
            "accommodation_nights": 3,
            "max_funded_members": 8,
            "eligible_income_groups": ["low"],
            "cap_scope": "airfare_only",
        },
    ],
    ids=["unfunded", "details-to-be-confirmed", "capped", "restricted", "airfare-only"],
)
def test_coherent_packages_are_accepted(fields):
    package(**fields).full_clean()


def test_a_cap_on_funded_members_with_nothing_funded_is_refused():
    assert errors_of(package(has_travel_support=True, max_funded_members=8)) == {
        "max_funded_members": ["A cap on funded members needs at least one funded item."]
    }


def test_eligibility_by_income_group_with_nothing_funded_is_refused():
    assert errors_of(package(has_travel_support=True, eligible_income_groups=["low"])) == {
        "eligible_income_groups": ["Eligibility by income group needs at least one funded item."]
    }


def test_funded_items_without_travel_support_are_refused():
    assert errors_of(package(airfare=True, accommodation_nights=2, max_funded_members=3)) == {
        "has_travel_support": ["Items are marked as funded: tick travel support, or untick the items."],
        "max_funded_members": ["Without travel support there is no cap on funded members."],
    }


def test_unknown_income_groups_are_refused():
    assert errors_of(package(has_travel_support=True, meals=True, eligible_income_groups=["rich"])) == {
        "eligible_income_groups": ["Choose income groups from the list."]
    }


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"meals": True, "max_funded_members": 3}, "The cap can apply to airfare only when airfare is funded."),
        (
            {"airfare": True, "max_funded_members": 3},
            "Airfare is the only funded item: apply the cap to the whole package.",
        ),
        ({"airfare": True, "meals": True}, "Give a cap or eligible income groups for airfare."),
    ],
)
def test_an_airfare_only_cap_must_make_sense(fields, message):
    assert errors_of(package(has_travel_support=True, cap_scope="airfare_only", **fields)) == {"cap_scope": [message]}


def test_a_workshop_cannot_end_before_it_starts():
    workshop = OnsiteWorkshop(
        lab=LabFactory(), period="May", starts_on=datetime.date(2024, 5, 3), ends_on=datetime.date(2024, 5, 1)
    )

    assert errors_of(workshop) == {"ends_on": ["The end date cannot be before the start date."]}


def test_a_range_of_online_discussions_gives_the_smallest_first():
    lab = LabFactory(number_of_online_discussions=5, max_online_discussions=4)

    assert errors_of(lab)["max_online_discussions"] == ["Give the smallest number first; this one must be larger."]
