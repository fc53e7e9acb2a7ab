"""The focal point's services and the rules they apply, each with its message."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from applications import conditions, services
from applications.conditions import InterestRefused
from applications.enums import InterestState as S
from applications.models import Interest, NamedParticipant, StateChange
from labs.enums import LabStatus
from members.enums import IncomeGroup, MembershipStatus
from tests.applications.conftest import in_days
from tests.applications.factories import COMPLETE_ANSWERS, InterestFactory, a_person
from tests.factories import UserFactory
from tests.labs.factories import LabFactory, SupportPackageFactory

pytestmark = pytest.mark.django_db


def submit(member, lab, by, answers=None, participants=None, **kwargs):
    return services.submit_interest(
        member=member,
        lab=lab,
        by=by,
        answers=COMPLETE_ANSWERS if answers is None else answers,
        participants=[a_person()] if participants is None else participants,
        **kwargs,
    )


def history(interest):
    return [(change.from_state, change.to_state, change.by) for change in interest.state_changes.all()]


def test_a_draft_keeps_partial_answers_and_records_its_creation(member_a, lab, focal_point_a):
    draft = services.save_draft(
        member=member_a,
        lab=lab,
        by=focal_point_a,
        answers={"motivation": "Half a thought"},
        participants=[{"name": "Laura"}],
    )

    draft.refresh_from_db()
    assert (draft.state, draft.motivation, draft.experience, draft.intends_to_attend_onsite) == (
        S.DRAFT,
        "Half a thought",
        "",
        None,
    )
    assert (draft.created_by, draft.submitted_at) == (focal_point_a, None)
    assert [person.name for person in draft.participants.all()] == ["Laura"]
    assert history(draft) == [("", S.DRAFT, focal_point_a)]


def test_saving_a_draft_again_changes_the_same_draft(member_a, lab, focal_point_a, colleague_a):
    draft = services.save_draft(member=member_a, lab=lab, by=focal_point_a, answers={}, participants=[])

    again = services.save_draft(
        member=member_a, lab=lab, by=colleague_a, answers={"experience": "More"}, participants=[], interest=draft
    )

    assert again.pk == draft.pk
    assert Interest.objects.get().experience == "More"
    assert len(history(draft)) == 1


def test_submitting_saves_and_submits_in_one_go(member_a, lab, focal_point_a):
    interest = submit(member_a, lab, focal_point_a)

    interest.refresh_from_db()
    assert interest.state == S.SUBMITTED
    assert interest.submitted_at is not None
    assert (interest.motivation, interest.intends_to_attend_onsite, interest.acknowledged_non_binding) == (
        "We are building a care system.",
        True,
        True,
    )
    assert history(interest) == [("", S.DRAFT, focal_point_a), (S.DRAFT, S.SUBMITTED, focal_point_a)]


def test_a_draft_is_submitted_as_itself(member_a, lab, focal_point_a):
    draft = services.save_draft(member=member_a, lab=lab, by=focal_point_a, answers={}, participants=[])

    submitted = submit(member_a, lab, focal_point_a, interest=draft)

    assert submitted.pk == draft.pk
    assert Interest.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "empty", "message"),
    [
        ("motivation", "  ", "Tell us why the member is interested in this lab."),
        ("experience", "", "Describe the experience the member can share."),
        ("intends_to_attend_onsite", None, "Say whether the member's participants intend to attend onsite."),
        ("acknowledged_non_binding", False, "Tick this box: an expression of interest is not binding."),
    ],
)
def test_a_submission_needs_every_answer(field, empty, message, member_a, lab, focal_point_a):
    with pytest.raises(ValidationError) as raised:
        submit(member_a, lab, focal_point_a, answers={**COMPLETE_ANSWERS, field: empty})

    assert raised.value.message_dict == {field: [message]}
    assert Interest.objects.count() == 0


def test_a_submission_names_at_least_one_person_with_every_detail_but_gender(member_a, lab, focal_point_a):
    with pytest.raises(ValidationError) as nobody:
        submit(member_a, lab, focal_point_a, participants=[{"name": " "}])
    with pytest.raises(ValidationError) as half:
        submit(member_a, lab, focal_point_a, participants=[a_person(department="")])

    assert nobody.value.message_dict == {"participants": ["Name at least one person who would take part."]}
    assert half.value.message_dict == {"participants": ["Give every detail of each person named, gender aside."]}
    assert submit(member_a, lab, focal_point_a, participants=[a_person(gender="")]).state == S.SUBMITTED


def test_one_interest_per_member_and_lab(member_a, member_b, lab, focal_point_a, focal_point_b, colleague_a):
    first = submit(member_a, lab, focal_point_a)

    with pytest.raises(services.AlreadyExpressed) as raised:
        services.save_draft(member=member_a, lab=lab, by=colleague_a, answers={}, participants=[])

    assert raised.value.existing == first
    assert submit(member_b, lab, focal_point_b).member == member_b  # another member is another record
    assert Interest.objects.count() == 2


@pytest.mark.parametrize("state", [S.ACCEPTED, S.DECLINED, S.NOT_SELECTED, S.INVITED])
def test_a_decision_taken_stands_in_the_way_of_a_new_interest(state, member_a, lab, focal_point_a):
    InterestFactory(member=member_a, lab=lab, state=state)

    with pytest.raises(services.AlreadyExpressed):
        submit(member_a, lab, focal_point_a)


def test_after_withdrawing_the_member_may_express_interest_again(member_a, lab, focal_point_a):
    first = submit(member_a, lab, focal_point_a)
    services.withdraw_interest(interest=first, by=focal_point_a, reason="Elections")

    second = submit(member_a, lab, focal_point_a)

    assert second.pk != first.pk
    assert sorted(Interest.objects.values_list("state", flat=True)) == [S.SUBMITTED, S.WITHDRAWN]


@pytest.mark.parametrize(
    ("status", "label"),
    [
        (LabStatus.SELECTING, "Selecting participants"),
        (LabStatus.RUNNING, "Running"),
        (LabStatus.CLOSED, "Closed"),
        (LabStatus.DRAFT, "Draft"),
    ],
)
def test_a_lab_not_open_refuses_interest(status, label, member_a, lab, focal_point_a):
    lab.status = status
    lab.save()

    with pytest.raises(InterestRefused) as raised:
        services.save_draft(member=member_a, lab=lab, by=focal_point_a, answers={}, participants=[])

    assert raised.value.message == f"SL6 is not taking expressions of interest at the moment (status: {label})."
    assert Interest.objects.count() == 0


def test_a_passed_deadline_refuses_interest(member_a, lab, focal_point_a):
    lab.interest_deadline = datetime.date(2024, 3, 15)
    lab.save()

    with pytest.raises(InterestRefused) as raised:
        submit(member_a, lab, focal_point_a)

    assert raised.value.message == "The deadline for expressions of interest in SL6 was March 15, 2024."


def test_the_deadline_day_lasts_until_it_is_over_everywhere_on_earth(lab):
    lab.interest_deadline = datetime.date(2024, 3, 15)
    last_moment = datetime.datetime(2024, 3, 16, 11, 59, tzinfo=datetime.UTC)
    first_moment_after = datetime.datetime(2024, 3, 16, 12, 0, tzinfo=datetime.UTC)

    assert conditions.deadline_passed(lab=lab, now=last_moment) is False
    assert conditions.deadline_passed(lab=lab, now=first_moment_after) is True
    assert conditions.lab_refusal(lab=lab, now=last_moment) is None


def test_a_lab_without_deadline_stays_open_while_its_status_is_open(other_lab):
    assert conditions.lab_refusal(lab=other_lab) is None


def test_a_lapsed_member_is_told_to_write_to_the_labs_coordinators(member_a, lab, focal_point_a):
    member_a.status = MembershipStatus.LAPSED
    member_a.save()
    lab.coordinators.add(UserFactory(email="ali@secretariat.example", name="Zoe Ali"))  # by name, after Carla

    with pytest.raises(InterestRefused) as raised:
        submit(member_a, lab, focal_point_a)

    assert raised.value.message == (
        "Member A is not in good standing with the association, so it cannot express interest in labs for now. "
        "Please write to carla@secretariat.example or ali@secretariat.example."
    )


def test_a_lapsed_member_is_told_to_write_to_the_secretariat_when_no_coordinator(
    settings, member_a, other_lab, focal_point_a
):
    settings.SECRETARIAT_EMAIL = "labs@metropolis.example"
    member_a.status = MembershipStatus.LAPSED
    member_a.save()

    assert conditions.member_refusal(member=member_a, lab=other_lab) == (
        "Member A is not in good standing with the association, so it cannot express interest in labs for now. "
        "Please write to labs@metropolis.example."
    )
    assert conditions.member_refusal(member=member_a) == conditions.member_refusal(member=member_a, lab=other_lab)


def test_a_non_member_may_express_interest(member_a, lab, focal_point_a):
    member_a.status = MembershipStatus.NON_MEMBER
    member_a.save()

    assert submit(member_a, lab, focal_point_a).state == S.SUBMITTED


def test_travel_support_is_asked_for_only_where_the_lab_funds_it(member_a, other_lab, focal_point_a):
    with pytest.raises(ValidationError) as raised:
        submit(member_a, other_lab, focal_point_a, answers={**COMPLETE_ANSWERS, "asks_travel_support": True})

    assert raised.value.message_dict == {
        "asks_travel_support": ["No travel support: Metropolis facilitates the meetings but does not fund travel."]
    }
    assert Interest.objects.count() == 0


def test_travel_support_is_asked_for_only_by_an_eligible_member(member_a, focal_point_a):
    lab = LabFactory(code="SL9")
    SupportPackageFactory(lab=lab, eligible_income_groups=[IncomeGroup.LOW, IncomeGroup.LOWER_MIDDLE])

    with pytest.raises(ValidationError) as raised:
        submit(member_a, lab, focal_point_a, answers={**COMPLETE_ANSWERS, "asks_travel_support": True})

    assert raised.value.message_dict == {
        "asks_travel_support": [
            "This lab's travel support is for members from low or lower-middle income countries; "
            "Member A is classified as “High income”."
        ]
    }


def test_an_eligible_member_asks_for_travel_support(member_a, lab, focal_point_a):
    interest = submit(member_a, lab, focal_point_a, answers={**COMPLETE_ANSWERS, "asks_travel_support": True})

    assert interest.asks_travel_support is True
    assert conditions.travel_support_refusal(lab=lab, member=member_a) is None


def test_very_long_text_is_refused(member_a, lab, focal_point_a):
    with pytest.raises(ValidationError) as raised:
        services.save_draft(
            member=member_a, lab=lab, by=focal_point_a, answers={"motivation": "x" * 4001}, participants=[]
        )

    assert raised.value.message_dict == {"motivation": ["Ensure this value has at most 4000 characters (it has 4001)."]}


def test_an_invalid_email_of_a_named_person_is_refused_even_in_a_draft(member_a, lab, focal_point_a):
    with pytest.raises(ValidationError) as raised:
        services.save_draft(
            member=member_a, lab=lab, by=focal_point_a, answers={}, participants=[{"email": "not an address"}]
        )

    assert raised.value.message_dict == {"email": ["Enter a valid email address."]}
    assert Interest.objects.count() == 0


def test_named_people_are_replaced_in_order_and_linked_to_their_accounts(member_a, lab, focal_point_a):
    laura = UserFactory(email="laura@bogota.example")
    draft = services.save_draft(
        member=member_a, lab=lab, by=focal_point_a, answers={}, participants=[a_person(), {"name": "Old"}]
    )

    services.save_draft(
        member=member_a,
        lab=lab,
        by=focal_point_a,
        answers={},
        participants=[{"name": "New"}, {}, a_person(email="Laura@Bogota.example")],
        interest=draft,
    )

    rows = list(NamedParticipant.objects.values_list("name", "sequence", "person"))
    assert rows == [("New", 0, None), ("Laura Gómez", 1, laura.pk)]


def test_a_submitted_interest_can_be_edited_until_the_deadline(member_a, lab, focal_point_a, colleague_a):
    interest = submit(member_a, lab, focal_point_a)

    services.edit_submitted_interest(
        interest=interest,
        by=colleague_a,
        answers={**COMPLETE_ANSWERS, "motivation": "Changed"},
        participants=[a_person(name="Someone else")],
    )

    interest.refresh_from_db()
    assert (interest.state, interest.motivation) == (S.SUBMITTED, "Changed")
    assert [person.name for person in interest.participants.all()] == ["Someone else"]
    lab.interest_deadline = in_days(-1)
    lab.save()
    with pytest.raises(InterestRefused):
        services.edit_submitted_interest(
            interest=interest, by=colleague_a, answers=COMPLETE_ANSWERS, participants=[a_person()]
        )


def test_an_interest_the_coordinator_took_up_can_no_longer_be_edited(member_a, lab, focal_point_a):
    interest = InterestFactory(member=member_a, lab=lab, state=S.IN_CONVERSATION)

    with pytest.raises(InterestRefused) as raised:
        services.edit_submitted_interest(
            interest=interest, by=focal_point_a, answers=COMPLETE_ANSWERS, participants=[a_person()]
        )

    assert raised.value.message == (
        "This expression of interest is now “In conversation”: its answers can no longer be changed."
    )


def test_a_submitted_interest_cannot_be_saved_back_as_a_draft(member_a, lab, focal_point_a):
    interest = submit(member_a, lab, focal_point_a)

    with pytest.raises(InterestRefused):
        services.save_draft(member=member_a, lab=lab, by=focal_point_a, answers={}, participants=[], interest=interest)

    assert Interest.objects.get().state == S.SUBMITTED


def test_withdrawing_needs_a_reason_and_keeps_the_record(member_a, lab, focal_point_a):
    interest = submit(member_a, lab, focal_point_a)

    with pytest.raises(ValidationError) as raised:
        services.withdraw_interest(interest=interest, by=focal_point_a, reason="  ")
    services.withdraw_interest(interest=interest, by=focal_point_a, reason="  New priorities after the elections ")

    assert raised.value.message_dict == {"reason": ["Say why the member withdraws."]}
    interest.refresh_from_db()
    assert interest.state == S.WITHDRAWN
    last = StateChange.objects.filter(interest=interest).last()
    assert (last.from_state, last.to_state, last.reason) == (
        S.SUBMITTED,
        S.WITHDRAWN,
        "New priorities after the elections",
    )


@pytest.mark.parametrize("who", ["participant_a", "focal_point_b", "coordinator", "person_without_member"])
def test_only_the_members_focal_points_act_for_it(who, request, member_a, lab):
    person = request.getfixturevalue(who)

    with pytest.raises(PermissionDenied):
        services.save_draft(member=member_a, lab=lab, by=person, answers={}, participants=[])
    with pytest.raises(PermissionDenied):
        submit(member_a, lab, person)

    assert Interest.objects.count() == 0
