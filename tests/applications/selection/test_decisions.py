"""Decisions on interests, one or many: each change recorded through
change_state; the member sees the change and the coordinator's message, not
the coordinator's reason; members not selected get a courteous notice when
the coordinator sends it, in their language, once."""

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from applications.enums import InterestState as S
from applications.models import Interest, StateChange
from applications.selection import decisions
from applications.selection.decisions import DecisionRefused
from applications.services import withdraw_interest
from members.outbox.models import Message
from tests.applications.factories import InterestFactory
from tests.applications.test_pages import text_of
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db


def messages_of(occasion):
    return sorted((m.recipient_email, m.language, m.subject) for m in Message.objects.filter(occasion=occasion))


def test_several_members_change_state_at_once_each_recorded(lab, lab_coordinator):
    first, second = (InterestFactory(lab=lab, state=S.SUBMITTED) for _ in range(2))

    changed = decisions.change_states(interests=[first, second], to=S.IN_CONVERSATION, by=lab_coordinator)

    assert [interest.state for interest in changed] == [S.IN_CONVERSATION, S.IN_CONVERSATION]
    assert list(StateChange.objects.order_by("pk").values_list("interest", "from_state", "to_state", "by")) == [
        (first.pk, "submitted", "in_conversation", lab_coordinator.pk),
        (second.pk, "submitted", "in_conversation", lab_coordinator.pk),
    ]


def test_one_interest_the_workflow_cannot_move_changes_none(lab, lab_coordinator):
    movable = InterestFactory(lab=lab, state=S.SUBMITTED)
    withdrawn = InterestFactory(lab=lab, state=S.WITHDRAWN, member=MemberFactory(name="Lima"))

    with pytest.raises(DecisionRefused) as refusal:
        decisions.change_states(interests=[movable, withdrawn], to=S.NOT_SELECTED, by=lab_coordinator, reason="x")

    assert refusal.value.message == "Nothing was changed: Lima (Withdrawn) cannot be moved to “Not selected”."
    assert Interest.objects.get(pk=movable.pk).state == S.SUBMITTED
    assert StateChange.objects.count() == 0


def test_not_selected_needs_a_reason(lab, lab_coordinator):
    with pytest.raises(ValidationError) as error:
        decisions.change_states(interests=[InterestFactory(lab=lab)], to=S.NOT_SELECTED, by=lab_coordinator)

    assert error.value.message_dict == {"reason": ["Say why these members are not selected."]}


def test_inviting_is_not_a_plain_decision(lab, lab_coordinator):
    with pytest.raises(ValueError):
        decisions.change_states(
            interests=[InterestFactory(lab=lab, state=S.PRESELECTED)], to=S.INVITED, by=lab_coordinator
        )


def test_another_labs_coordinator_cannot_decide(lab, coordinator):
    interest = InterestFactory(lab=lab)

    with pytest.raises(PermissionDenied):
        decisions.change_states(interests=[interest], to=S.IN_CONVERSATION, by=coordinator)

    assert Interest.objects.get(pk=interest.pk).state == S.SUBMITTED


def test_the_member_sees_the_change_and_the_message_but_not_the_reason(
    client, member_a, focal_point_a, colleague_a, lab, lab_coordinator, django_capture_on_commit_callbacks
):
    interest = InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)

    with django_capture_on_commit_callbacks(execute=True):
        decisions.change_states(
            interests=[interest],
            to=S.NOT_SELECTED,
            by=lab_coordinator,
            reason="Too many members from Europe",
            message="We hope to see you in the next lab.",
        )

    client.force_login(focal_point_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    for page in (client.get(reverse("applications:dashboard")), client.get(interest.get_absolute_url())):
        text = text_of(page)
        assert "from “Submitted” to “Not selected” · by Carla Coordinator" in text
        assert "Message from the coordinator: We hope to see you in the next lab." in text
        assert "Too many members from Europe" not in text
    assert messages_of("state_change") == [
        ("colega.a@example.org", "es", "Actualización: SL6: Social Cohesion"),
        ("focal.a@example.org", "en", "Update: SL6: Social Cohesion"),
    ]
    english = Message.objects.get(recipient_email="focal.a@example.org")
    assert "Note: We hope to see you in the next lab." in english.text_body
    assert "Too many members" not in english.text_body


def test_the_coordinator_sees_the_reason(client, member_a, lab, lab_coordinator):
    interest = InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)
    decisions.change_states(interests=[interest], to=S.NOT_SELECTED, by=lab_coordinator, reason="Too many from Europe")
    client.force_login(lab_coordinator)

    for page in ("applications:interest", "applications:selection_interest"):
        assert "Reason: Too many from Europe" in text_of(client.get(reverse(page, kwargs={"pk": interest.pk})))


def test_the_members_own_reason_stays_visible_to_it(client, member_a, focal_point_a, lab):
    interest = InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)
    withdraw_interest(interest=interest, by=focal_point_a, reason="Budget cuts")
    client.force_login(focal_point_a)

    assert "Reason: Budget cuts" in text_of(client.get(interest.get_absolute_url()))


def test_a_change_without_message_sends_the_member_nothing(member_a, focal_point_a, lab, lab_coordinator):
    decisions.change_states(
        interests=[InterestFactory(member=member_a, lab=lab)], to=S.IN_CONVERSATION, by=lab_coordinator
    )

    assert Message.objects.filter(occasion="state_change").count() == 0


def test_the_not_selected_notice_goes_once_to_every_focal_point_in_their_language(
    member_a, focal_point_a, colleague_a, lab, lab_coordinator
):
    interest = InterestFactory(member=member_a, lab=lab, state=S.NOT_SELECTED)
    still_running = InterestFactory(lab=lab, state=S.IN_CONVERSATION)

    sent = decisions.send_not_selected_notices(interests=[interest, still_running], by=lab_coordinator)
    again = decisions.send_not_selected_notices(interests=[interest], by=lab_coordinator)

    assert sent == [interest]
    assert again == []
    assert messages_of("not_selected") == [
        ("colega.a@example.org", "es", "Su expresión de interés en SL6: Social Cohesion"),
        ("focal.a@example.org", "en", "Your expression of interest in SL6: Social Cohesion"),
    ]
    assert Interest.objects.get(pk=interest.pk).not_selected_notice_at is not None
    assert Interest.objects.get(pk=still_running.pk).not_selected_notice_at is None


def test_the_notice_is_sent_from_the_pipeline_and_from_the_interests_page(
    client, member_a, member_b, focal_point_a, focal_point_b, lab, lab_coordinator
):
    first = InterestFactory(member=member_a, lab=lab, state=S.NOT_SELECTED)
    second = InterestFactory(member=member_b, lab=lab, state=S.NOT_SELECTED)
    client.force_login(lab_coordinator)

    client.post(reverse("applications:pipeline", kwargs={"code": "SL6"}), {"interests": [first.pk], "action": "notify"})
    client.post(reverse("applications:selection_interest", kwargs={"pk": second.pk}), {"action": "notice"})
    response = client.get(reverse("applications:selection_interest", kwargs={"pk": second.pk}))

    assert sorted(Message.objects.filter(occasion="not_selected").values_list("recipient_email", flat=True)) == [
        "focal.a@example.org",
        "focal.b@example.org",
    ]
    assert "The not-selected notice was sent (" in text_of(response)
    assert "Send the not-selected notice" not in text_of(response)


def test_another_labs_coordinator_cannot_send_the_notice(lab, coordinator):
    interest = InterestFactory(lab=lab, state=S.NOT_SELECTED)

    with pytest.raises(PermissionDenied):
        decisions.send_not_selected_notices(interests=[interest], by=coordinator)

    assert Message.objects.count() == 0


def test_one_change_from_the_interests_page(client, lab, lab_coordinator):
    interest = InterestFactory(lab=lab, state=S.IN_CONVERSATION)
    client.force_login(lab_coordinator)
    url = reverse("applications:selection_interest", kwargs={"pk": interest.pk})

    page = client.get(url)
    response = client.post(url, {"action": "change", "change-to": "preselected", "change-reason": "Strong case"})

    assert [choice for choice, _label in page.context["decision"].fields["to"].choices] == [
        "",
        "preselected",
        "not_selected",
    ]
    assert response.status_code == 302
    change = StateChange.objects.get()
    assert (change.to_state, change.reason, change.by) == ("preselected", "Strong case", lab_coordinator)
