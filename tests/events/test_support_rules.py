"""Every rule of a support package (events/support_rules.py), through offer_travel_support."""

import pytest
from django.core.exceptions import PermissionDenied

from events.enums import SupportStatus
from events.models import SupportChange, TravelSupport
from events.support import SupportItems, SupportRefused, cancel_travel_support, decline_travel_support
from labs.enums import CapScope
from labs.models import SupportPackage
from members.outbox.enums import Occasion
from members.outbox.models import Message
from tests.events.factories import OnsiteSessionFactory, SessionFactory, alternative_sessions, make_participant
from tests.events.support_helpers import FULL, offer
from tests.factories import MemberFactory
from tests.labs.factories import LabFactory


@pytest.fixture
def workshop(lab):
    return OnsiteSessionFactory(lab=lab, title="Bogotá workshop")


def refusal_code(call):
    with pytest.raises(SupportRefused) as refused:
        call()
    return refused.value.code


def test_the_coordinator_offers_support_to_a_participant(workshop, laura, lab_coordinator):
    support = offer(laura, workshop, lab_coordinator)

    assert (support.status, support.member.name, support.airfare, support.accommodation_nights) == (
        SupportStatus.OFFERED,
        "Bogotá",
        True,
        3,
    )
    assert list(SupportChange.objects.values_list("from_status", "to_status", "by")) == [
        ("", SupportStatus.OFFERED, lab_coordinator.pk)
    ]
    message = Message.objects.get(occasion=Occasion.TRAVEL_SUPPORT_OFFERED)
    assert (message.recipient, message.language) == (laura, "es")
    assert "Pasaje aéreo, 3 noches de alojamiento, transporte local y comidas" in message.text_body


def test_only_a_participant_of_an_accepted_member_is_offered_support(workshop, lab_coordinator, focal_point_a):
    assert refusal_code(lambda: offer(focal_point_a, workshop, lab_coordinator)) == "not_participant"


def test_a_member_outside_the_eligible_income_groups_is_refused(lab, workshop, paris, lab_coordinator):
    pierre = make_participant(lab=lab, member=paris)

    with pytest.raises(SupportRefused) as refused:
        offer(pierre, workshop, lab_coordinator)

    assert refused.value.code == "not_eligible"
    assert refused.value.message == "Paris is not eligible for this lab's travel support (income group: High income)."
    assert TravelSupport.objects.count() == 0


def test_never_more_funded_members_than_the_cap(lab, workshop, laura, awa, lab_coordinator):
    offer(laura, workshop, lab_coordinator)
    offer(awa, workshop, lab_coordinator)
    third = make_participant(lab=lab, member=MemberFactory(name="Quito", income_group="upper_middle"))

    with pytest.raises(SupportRefused) as refused:
        offer(third, workshop, lab_coordinator)

    assert refused.value.code == "cap_reached"
    assert refused.value.message == "The package funds at most 2 members, and every place is taken."


def test_cancelling_frees_the_place(lab, workshop, laura, awa, lab_coordinator):
    first = offer(laura, workshop, lab_coordinator)
    offer(awa, workshop, lab_coordinator)
    third = make_participant(lab=lab, member=MemberFactory(name="Quito", income_group="upper_middle"))

    cancel_travel_support(support=first, by=lab_coordinator, reason="Cannot travel")

    assert offer(third, workshop, lab_coordinator).status == SupportStatus.OFFERED


def test_declining_frees_the_place(lab, workshop, laura, awa, lab_coordinator):
    first = offer(laura, workshop, lab_coordinator)
    offer(awa, workshop, lab_coordinator)
    third = make_participant(lab=lab, member=MemberFactory(name="Quito", income_group="upper_middle"))

    decline_travel_support(support=first, by=laura)

    assert offer(third, workshop, lab_coordinator).status == SupportStatus.OFFERED


def test_one_funded_representative_per_member(workshop, laura, bogota_colleague, lab_coordinator):
    offer(laura, workshop, lab_coordinator)

    with pytest.raises(SupportRefused) as refused:
        offer(bogota_colleague, workshop, lab_coordinator)

    assert refused.value.code == "representatives"
    assert refused.value.message == ("The package funds 1 representative per member, and Bogotá already has one.")


def test_more_representatives_when_the_package_says_so(lab, workshop, laura, bogota_colleague, awa, lab_coordinator):
    SupportPackage.objects.filter(lab=lab).update(representatives_per_member=2)
    offer(laura, workshop, lab_coordinator)
    offer(awa, workshop, lab_coordinator)

    second = offer(bogota_colleague, workshop, lab_coordinator)  # Bogotá is funded already: no new place

    assert second.status == SupportStatus.OFFERED
    assert TravelSupport.objects.count() == 3


def test_support_for_one_of_alternative_sessions_only(lab, laura, lab_coordinator):
    istanbul, dakar = alternative_sessions(lab)
    first = offer(laura, istanbul, lab_coordinator)

    with pytest.raises(SupportRefused) as refused:
        offer(laura, dakar, lab_coordinator)

    assert refused.value.code == "alternative"
    assert refused.value.message == (
        "Bogotá already has support for Istanbul: of alternative sessions, only one is funded."
    )
    cancel_travel_support(support=first, by=lab_coordinator, reason="Going to Dakar instead")
    assert offer(laura, dakar, lab_coordinator).session == dakar


def test_support_for_two_sessions_that_are_not_alternatives(lab, laura, lab_coordinator):
    first, second = OnsiteSessionFactory(lab=lab), OnsiteSessionFactory(lab=lab)

    offer(laura, first, lab_coordinator)
    offer(laura, second, lab_coordinator)

    assert TravelSupport.objects.filter(participant=laura).count() == 2


def test_the_same_support_is_not_offered_twice(workshop, laura, lab_coordinator):
    offer(laura, workshop, lab_coordinator)

    assert refusal_code(lambda: offer(laura, workshop, lab_coordinator)) == "already_offered"


@pytest.mark.parametrize(
    ("items", "code", "message"),
    [
        (SupportItems(), "no_items", "Choose at least one funded item."),
        (SupportItems(event_pass=True), "item_not_funded", "The package does not fund this for Bogotá: Event pass."),
        (
            SupportItems(accommodation_nights=4),
            "too_many_nights",
            "The package funds at most 3 nights of accommodation.",
        ),
    ],
)
def test_only_what_the_package_funds(workshop, laura, lab_coordinator, items, code, message):
    with pytest.raises(SupportRefused) as refused:
        offer(laura, workshop, lab_coordinator, items=items)

    assert (refused.value.code, refused.value.message) == (code, message)


def test_a_lab_without_travel_support_funds_nothing(lab, workshop, laura, lab_coordinator):
    SupportPackage.objects.filter(lab=lab).update(
        has_travel_support=False, airfare=False, accommodation_nights=0, local_transport=False, meals=False
    )

    assert refusal_code(lambda: offer(laura, workshop, lab_coordinator)) == "no_support"


def test_a_lab_without_a_package_funds_nothing(laura, lab_coordinator):
    other = LabFactory()
    other.coordinators.add(lab_coordinator)
    make_participant(lab=other, person=laura, member=laura.member)

    assert refusal_code(lambda: offer(laura, OnsiteSessionFactory(lab=other), lab_coordinator)) == "no_support"


def test_support_is_for_an_onsite_session_of_the_lab(lab, laura, lab_coordinator):
    assert refusal_code(lambda: offer(laura, SessionFactory(lab=lab), lab_coordinator)) == "session"


def test_another_coordinator_cannot_offer(workshop, laura, other_coordinator):
    with pytest.raises(PermissionDenied):
        offer(laura, workshop, other_coordinator)


class TestCapOnAirfareOnly:
    """SL9's real package: stay for every member, airfare for up to N members of low or middle income."""

    @pytest.fixture(autouse=True)
    def airfare_only(self, lab):
        SupportPackage.objects.filter(lab=lab).update(cap_scope=CapScope.AIRFARE_ONLY, max_funded_members=1)

    def test_a_high_income_member_gets_the_stay_but_not_the_airfare(self, lab, workshop, paris, lab_coordinator):
        pierre = make_participant(lab=lab, member=paris)

        with pytest.raises(SupportRefused) as refused:
            offer(pierre, workshop, lab_coordinator)
        stay = offer(pierre, workshop, lab_coordinator, items=SupportItems(accommodation_nights=3, meals=True))

        assert refused.value.code == "item_not_funded"
        assert stay.status == SupportStatus.OFFERED

    def test_the_cap_counts_airfare_only(self, workshop, laura, awa, lab_coordinator):
        offer(laura, workshop, lab_coordinator)

        stay_only = offer(awa, workshop, lab_coordinator, items=SupportItems(accommodation_nights=3))

        assert stay_only.status == SupportStatus.OFFERED
        assert (
            refusal_code(lambda: offer(awa, OnsiteSessionFactory(lab=workshop.lab), lab_coordinator, items=FULL))
            == "cap_reached"
        )
