"""The life of travel support: the transitions table, who makes each change, travel details, messages."""

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from events.enums import SupportStatus as S
from events.models import OnsiteAnswer, SupportChange, TravelSupport
from events.services import answer_onsite
from events.support import (
    TRANSITIONS,
    IllegalSupportChange,
    SupportItems,
    SupportRefused,
    accept_travel_support,
    book_travel_support,
    cancel_travel_support,
    change_support_status,
    change_travel_support,
    decline_travel_support,
)
from labs.enums import CapScope
from labs.models import SupportPackage
from members.models_audit import AuditEntry
from members.outbox.enums import Occasion
from members.outbox.models import Message
from tests.events.factories import OnsiteSessionFactory, alternative_sessions
from tests.events.support_helpers import DETAILS, offer


@pytest.fixture
def workshop(lab):
    return OnsiteSessionFactory(lab=lab, title="Bogotá workshop")


@pytest.fixture
def offered(workshop, laura, lab_coordinator):
    return offer(laura, workshop, lab_coordinator)


def history(support):
    return list(SupportChange.objects.filter(support=support).values_list("from_status", "to_status", "note"))


def changed_messages(support):
    return list(
        Message.objects.filter(occasion=Occasion.TRAVEL_SUPPORT_CHANGED, object_id=support.pk).values_list(
            "recipient__email", "language"
        )
    )


def test_the_participant_accepts_with_travel_details(offered, laura, workshop):
    accepted = accept_travel_support(support=offered, by=laura, **DETAILS)

    accepted.refresh_from_db()
    assert (accepted.status, accepted.arrival_date, accepted.departure_city, accepted.dietary_needs) == (
        S.ACCEPTED,
        DETAILS["arrival_date"],
        "Bogotá",
        "Vegetarian",
    )
    assert history(accepted) == [("", S.OFFERED, ""), (S.OFFERED, S.ACCEPTED, "")]
    assert OnsiteAnswer.objects.get(person=laura, session=workshop).attending is True
    assert changed_messages(accepted) == []  # the participant's own change is not mailed back to them


def test_accepting_needs_the_travel_details(offered, laura):
    with pytest.raises(ValidationError) as refused:
        accept_travel_support(
            support=offered,
            by=laura,
            arrival_date=DETAILS["departure_date"],
            departure_date=DETAILS["arrival_date"],
            departure_city=" ",
        )

    assert refused.value.message_dict == {
        "departure_date": ["The departure cannot be before the arrival."],
        "departure_city": ["Give the city you travel from."],
    }
    offered.refresh_from_db()
    assert offered.status == S.OFFERED


def test_accepting_support_to_the_alternative_the_member_did_not_choose_is_refused(
    lab, laura, bogota_colleague, lab_coordinator
):
    istanbul, dakar = alternative_sessions(lab)
    answer_onsite(person=bogota_colleague, session=istanbul, attending=True)
    support = offer(laura, dakar, lab_coordinator)

    with pytest.raises(ValidationError):
        accept_travel_support(support=support, by=laura, **DETAILS)

    support.refresh_from_db()
    assert support.status == S.OFFERED
    assert history(support) == [("", S.OFFERED, "")]


def test_the_participant_declines(offered, laura):
    decline_travel_support(support=offered, by=laura, note="Another colleague will travel")

    offered.refresh_from_db()
    assert offered.status == S.DECLINED
    assert history(offered)[-1] == (S.OFFERED, S.DECLINED, "Another colleague will travel")


def test_the_coordinator_books_and_the_participant_is_told_in_their_language(offered, laura, lab_coordinator):
    accept_travel_support(support=offered, by=laura, **DETAILS)

    book_travel_support(support=offered, by=lab_coordinator, note="Flight AV 10")

    offered.refresh_from_db()
    assert offered.status == S.BOOKED
    assert changed_messages(offered) == [("laura@bogota.example", "es")]
    assert "Nota: Flight AV 10" in Message.objects.get(occasion=Occasion.TRAVEL_SUPPORT_CHANGED).text_body


def test_cancelling_needs_a_reason(offered, lab_coordinator):
    with pytest.raises(ValidationError) as refused:
        cancel_travel_support(support=offered, by=lab_coordinator, reason="  ")

    assert refused.value.message_dict == {"reason": ["Say why the support is cancelled."]}


def test_each_change_tells_the_participant_once(offered, laura, lab_coordinator):
    change_travel_support(support=offered, items=SupportItems(accommodation_nights=2), by=lab_coordinator)
    change_travel_support(support=offered, items=SupportItems(accommodation_nights=3), by=lab_coordinator)
    cancel_travel_support(support=offered, by=lab_coordinator, reason="Workshop postponed")

    assert len(changed_messages(offered)) == 3
    offered.refresh_from_db()
    assert (offered.status, offered.accommodation_nights, offered.airfare) == (S.CANCELLED, 3, False)


def test_a_final_support_cannot_change(offered, laura, lab_coordinator):
    decline_travel_support(support=offered, by=laura)

    with pytest.raises(SupportRefused) as refused:
        change_travel_support(support=offered, items=SupportItems(meals=True), by=lab_coordinator)

    assert refused.value.message == "This support is “Declined”: it can no longer change."


def test_a_change_keeps_the_cap(lab, workshop, laura, awa, lab_coordinator):
    SupportPackage.objects.filter(lab=lab).update(cap_scope=CapScope.AIRFARE_ONLY, max_funded_members=1)
    offer(laura, workshop, lab_coordinator)
    stay = offer(awa, workshop, lab_coordinator, items=SupportItems(accommodation_nights=3))

    with pytest.raises(SupportRefused) as refused:
        change_travel_support(support=stay, items=SupportItems(airfare=True), by=lab_coordinator)

    assert refused.value.code == "cap_reached"


ALL_PAIRS = [pair for pair in itertools.product(S, S) if pair[0] != pair[1]]


@pytest.mark.parametrize(("from_status", "to_status"), [pair for pair in ALL_PAIRS if pair not in TRANSITIONS])
def test_changes_outside_the_table_are_refused(offered, lab_coordinator, laura, from_status, to_status):
    TravelSupport.objects.filter(pk=offered.pk).update(status=from_status)

    with pytest.raises(IllegalSupportChange):
        change_support_status(support=offered, to=to_status, by=lab_coordinator)
    with pytest.raises(IllegalSupportChange):
        change_support_status(support=offered, to=to_status, by=laura)


def test_the_table_of_changes():
    assert {(frm.value, to.value): side.value for (frm, to), side in TRANSITIONS.items()} == {
        ("offered", "accepted"): "participant",
        ("offered", "declined"): "participant",
        ("offered", "cancelled"): "coordinator",
        ("accepted", "declined"): "participant",
        ("accepted", "booked"): "coordinator",
        ("accepted", "cancelled"): "coordinator",
        ("booked", "cancelled"): "coordinator",
    }


def test_only_the_participant_answers_their_support(offered, awa, lab_coordinator):
    for someone in (awa, lab_coordinator):
        with pytest.raises(PermissionDenied):
            decline_travel_support(support=offered, by=someone)


def test_only_the_labs_coordinators_and_the_secretariat_book_or_cancel(
    offered, laura, other_coordinator, secretariat_admin
):
    accept_travel_support(support=offered, by=laura, **DETAILS)
    for someone in (laura, other_coordinator):
        with pytest.raises(PermissionDenied):
            book_travel_support(support=offered, by=someone)

    book_travel_support(support=offered, by=secretariat_admin)

    offered.refresh_from_db()
    assert offered.status == S.BOOKED


def audit_trail(support):
    entries = AuditEntry.objects.filter(target_type="events.travelsupport", target_id=str(support.pk))
    return list(
        entries.order_by("pk").values_list(
            "action", "actor__email", "member__name", "lab__code", "person__email", "detail"
        )
    )


def test_every_decision_is_in_the_audit_log(offered, laura, lab_coordinator):
    accept_travel_support(support=offered, by=laura, **DETAILS)
    change_travel_support(support=offered, items=SupportItems(airfare=True, accommodation_nights=2), by=lab_coordinator)
    book_travel_support(support=offered, by=lab_coordinator, note="Flight AV 10")
    cancel_travel_support(support=offered, by=lab_coordinator, reason="Visa refused")

    coordinator, participant = lab_coordinator.email, laura.email
    full = "airfare, accommodation ×3, local_transport, meals"
    assert audit_trail(offered) == [
        ("travel_support_offered", coordinator, "Bogotá", "SL9", participant, f"— → offered · {full}"),
        ("travel_support_accepted", participant, "Bogotá", "SL9", participant, f"offered → accepted · {full}"),
        (
            "travel_support_changed",
            coordinator,
            "Bogotá",
            "SL9",
            participant,
            "accepted → accepted · airfare, accommodation ×2 · Items changed",
        ),
        (
            "travel_support_booked",
            coordinator,
            "Bogotá",
            "SL9",
            participant,
            "accepted → booked · airfare, accommodation ×2 · Flight AV 10",
        ),
        (
            "travel_support_cancelled",
            coordinator,
            "Bogotá",
            "SL9",
            participant,
            "booked → cancelled · airfare, accommodation ×2 · Visa refused",
        ),
    ]


def test_a_refused_decision_leaves_no_audit_entry(lab, laura, bogota_colleague, lab_coordinator):
    istanbul, dakar = alternative_sessions(lab)
    answer_onsite(person=bogota_colleague, session=istanbul, attending=True)
    support = offer(laura, dakar, lab_coordinator)

    with pytest.raises(ValidationError):
        accept_travel_support(support=support, by=laura, **DETAILS)

    assert [action for action, *_rest in audit_trail(support)] == ["travel_support_offered"]
