import pytest
from django.contrib.auth.models import AnonymousUser

from labs import rules as lab_rules
from labs import services
from labs.models import SupportPackage
from members.models import Member
from tests.labs.factories import LabFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def test_a_coordinator_coordinates_only_the_labs_assigned_to_them(coordinator, secretariat_admin):
    mine, other = LabFactory(), LabFactory()
    mine.coordinators.add(coordinator)

    assert lab_rules.is_lab_coordinator(coordinator, mine) is True
    assert lab_rules.is_lab_coordinator(coordinator, other) is False
    assert lab_rules.is_lab_coordinator(secretariat_admin, mine) is False
    assert list(services.labs_coordinated_by(user=coordinator)) == [mine]


def test_anonymous_visitors_coordinate_nothing(db):
    lab = LabFactory()

    assert lab_rules.is_lab_coordinator(AnonymousUser(), lab) is False
    assert list(services.labs_coordinated_by(user=AnonymousUser())) == []


@pytest.mark.parametrize(
    ("person", "see", "decide"),
    [
        ("focal_point_a", True, False),
        ("focal_point_b", False, False),
        ("coordinator", False, False),
        ("participant_a", False, False),
        ("secretariat_admin", True, True),
    ],
)
def test_who_may_see_and_decide_a_proposal(focal_point_a, person, see, decide, request):
    proposal = ProposalFactory(proposer=focal_point_a)
    user = request.getfixturevalue(person)

    assert user.has_perm("labs.see_proposal", proposal) is see
    assert user.has_perm("labs.decide_proposal", proposal) is decide


def member(income_group):
    return Member(name=income_group, income_group=income_group)


RESTRICTED = SupportPackage(
    has_travel_support=True,
    airfare=True,
    accommodation_nights=3,
    meals=True,
    max_funded_members=6,
    eligible_income_groups=["low", "lower_middle", "upper_middle"],
)
AIRFARE_ONLY = SupportPackage(
    has_travel_support=True,
    airfare=True,
    accommodation_nights=3,
    meals=True,
    max_funded_members=8,
    eligible_income_groups=["low", "lower_middle", "upper_middle"],
    cap_scope="airfare_only",
)
FOR_EVERYONE = SupportPackage(has_travel_support=True, airfare=True, accommodation_nights=3, max_funded_members=8)


@pytest.mark.parametrize(
    ("package", "income_group", "eligible", "items"),
    [
        (RESTRICTED, "low", True, ["airfare", "accommodation", "meals"]),
        (RESTRICTED, "upper_middle", True, ["airfare", "accommodation", "meals"]),
        (RESTRICTED, "high", False, []),
        (AIRFARE_ONLY, "lower_middle", True, ["airfare", "accommodation", "meals"]),
        (AIRFARE_ONLY, "high", True, ["accommodation", "meals"]),
        (FOR_EVERYONE, "high", True, ["airfare", "accommodation"]),
        (SupportPackage(has_travel_support=False), "low", False, []),
        (SupportPackage(has_travel_support=True), "high", True, []),
        (None, "low", False, []),
    ],
)
def test_eligibility_for_travel_support(package, income_group, eligible, items):
    assert services.is_member_eligible_for_travel(package=package, member=member(income_group)) is eligible
    assert services.funded_items_for(package=package, member=member(income_group)) == items


def test_the_cap_counts_airfare_only_when_the_package_says_so():
    assert services.capped_items(package=AIRFARE_ONLY) == ["airfare"]
    assert services.capped_items(package=RESTRICTED) == ["airfare", "accommodation", "meals"]
