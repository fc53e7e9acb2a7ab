"""Formal invitations: sent to every focal point of each pre-selected member,
accepted (every commitment ticked) or declined with a reason; reminders
before the deadline, lapse after it; the waiting list's next member."""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from applications import tasks
from applications.enums import InterestState as S
from applications.models import FormalInvitation, Interest, StateChange, WaitingListEntry
from applications.selection import invitations, waiting_list
from applications.selection.commitments import commitments_for
from applications.selection.decisions import DecisionRefused
from members.outbox.models import Message
from tests.a11y import assert_accessible
from tests.applications.factories import InterestFactory
from tests.applications.selection.factories import FormalInvitationFactory, WaitingListEntryFactory, candidate, in_days
from tests.applications.test_pages import text_of
from tests.factories import MemberFactory
from tests.labs.factories import LabFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

ALL_FOUR = ["online_sessions", "onsite", "share_experience", "lab_commitment"]


def sent(occasion):
    return sorted((m.recipient_email, m.language, m.subject) for m in Message.objects.filter(occasion=occasion))


@pytest.fixture
def workshop(lab):
    return WorkshopFactory(lab=lab, city="Bogotá", country="CO", period="Quarter Two 2031")


@pytest.fixture
def preselected_a(member_a, lab):
    return InterestFactory(member=member_a, lab=lab, state=S.PRESELECTED)


def test_the_commitments_come_from_the_lab(lab, workshop):
    bare = LabFactory(code="SL9", commitment=" ")

    assert commitments_for(lab) == ALL_FOUR
    assert commitments_for(bare) == ["online_sessions", "share_experience"]


def test_inviting_moves_preselected_members_and_tells_each_focal_point_in_their_language(
    member_a,
    focal_point_a,
    colleague_a,
    lab,
    lab_coordinator,
    workshop,
    preselected_a,
    django_capture_on_commit_callbacks,
):
    deadline = datetime.datetime(2031, 6, 30, 16, 0, tzinfo=datetime.UTC)
    WaitingListEntryFactory(interest=preselected_a)

    with django_capture_on_commit_callbacks(execute=True):
        (invitation,) = invitations.invite_members(
            lab=lab, interests=[preselected_a], deadline=deadline, by=lab_coordinator
        )

    assert Interest.objects.get(pk=preselected_a.pk).state == S.INVITED
    assert (invitation.respond_by, invitation.commitments, invitation.sent_by) == (deadline, ALL_FOUR, lab_coordinator)
    assert WaitingListEntry.objects.count() == 0
    assert StateChange.objects.get().to_state == S.INVITED
    assert sent("invitation") == [
        ("colega.a@example.org", "es", "Invitación a participar en SL6: Social Cohesion"),
        ("focal.a@example.org", "en", "Invitation to take part in SL6: Social Cohesion"),
    ]
    english = Message.objects.get(occasion="invitation", recipient_email="focal.a@example.org").text_body
    assert "- Take part in the lab's online sessions (3 online discussions)." in english
    assert "- The commitment asked of participants: “Take part in every session.”" in english
    assert "- Onsite workshop: Bogotá, Colombia · Quarter Two 2031" in english
    assert "Support offered to your member: Airfare, 3 nights of accommodation, local transport and meals" in english
    assert "Please answer by June 30, 2031, 4 p.m. (UTC)." in english
    assert f"/interests/{preselected_a.pk}/invitation/" in english
    spanish = Message.objects.get(occasion="invitation", recipient_email="colega.a@example.org").text_body
    assert "Participar en las sesiones en línea del laboratorio (3 debates en línea)." in spanish


def test_the_invitation_offers_an_ineligible_member_no_travel_support(member_a, focal_point_a, lab, lab_coordinator):
    lab.support_package.eligible_income_groups = ["low"]
    lab.support_package.save()
    interest = InterestFactory(member=member_a, lab=lab, state=S.PRESELECTED)

    invitations.invite_members(lab=lab, interests=[interest], deadline=in_days(10), by=lab_coordinator)

    body = Message.objects.get(occasion="invitation").text_body
    assert "travel support is for members from low income countries; Member A is classified as “High income”" in body


def test_only_preselected_members_are_invited_all_or_none(lab, lab_coordinator, preselected_a):
    talking = InterestFactory(lab=lab, state=S.IN_CONVERSATION, member=MemberFactory(name="Quito"))

    with pytest.raises(DecisionRefused) as refusal:
        invitations.invite_members(
            lab=lab, interests=[preselected_a, talking], deadline=in_days(10), by=lab_coordinator
        )

    assert refusal.value.message == (
        "Nothing was sent: Quito is “In conversation”; only pre-selected members can be invited."
    )
    assert FormalInvitation.objects.count() == 0
    assert Interest.objects.get(pk=preselected_a.pk).state == S.PRESELECTED
    assert Message.objects.count() == 0


def test_the_deadline_must_be_ahead(lab, lab_coordinator, preselected_a):
    with pytest.raises(ValidationError):
        invitations.invite_members(lab=lab, interests=[preselected_a], deadline=in_days(-1), by=lab_coordinator)


def test_another_labs_coordinator_cannot_invite(lab, coordinator, preselected_a):
    with pytest.raises(PermissionDenied):
        invitations.invite_members(lab=lab, interests=[preselected_a], deadline=in_days(5), by=coordinator)

    assert FormalInvitation.objects.count() == 0


def test_a_coordinator_invites_from_the_cohort_page_with_a_date(client, lab, lab_coordinator, preselected_a):
    client.force_login(lab_coordinator)
    url = reverse("applications:cohort", kwargs={"code": "SL6"})
    day = timezone.localdate() + datetime.timedelta(days=14)

    response = client.post(url, {"action": "invite", "invite-interests": [preselected_a.pk], "invite-deadline": day})

    assert response.status_code == 302
    invitation = FormalInvitation.objects.get()
    assert timezone.localtime(invitation.respond_by).replace(tzinfo=None) == datetime.datetime.combine(
        day, datetime.time(23, 59, 59)
    )


def test_a_past_date_is_refused_at_its_field(client, lab, lab_coordinator, preselected_a):
    client.force_login(lab_coordinator)
    day = timezone.localdate() - datetime.timedelta(days=1)

    response = client.post(
        reverse("applications:cohort", kwargs={"code": "SL6"}),
        {"action": "invite", "invite-interests": [preselected_a.pk], "invite-deadline": day},
    )

    assert response.context["invite"].errors == {"deadline": ["Give a date from today on."]}
    assert FormalInvitation.objects.count() == 0


@pytest.fixture
def invitation_a(member_a, lab, workshop):
    interest = InterestFactory(member=member_a, lab=lab, state=S.INVITED)
    return FormalInvitationFactory(interest=interest, commitments=ALL_FOUR)


def answer_url(invitation):
    return reverse("applications:answer_invitation", kwargs={"pk": invitation.interest_id})


def test_the_answer_page_shows_commitments_sessions_support_and_deadline(client, focal_point_a, invitation_a):
    client.force_login(focal_point_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(answer_url(invitation_a))

    text = text_of(response)
    assert "Take part in the lab's online sessions (3 online discussions)." in text
    assert "Present the member's experience to the other members of the lab." in text
    assert "Onsite workshop: Bogotá, Colombia · Quarter Two 2031" in text
    assert "Airfare, 3 nights of accommodation, local transport and meals" in text
    assert list(response.context["accept"].fields) == ALL_FOUR
    assert_accessible(response)


def test_accepting_needs_every_commitment_ticked(client, focal_point_a, invitation_a):
    client.force_login(focal_point_a)

    response = client.post(
        answer_url(invitation_a), {"action": "accept", "accept-online_sessions": "on", "accept-onsite": "on"}
    )

    assert response.status_code == 200
    assert response.context["accept"].errors == {
        "share_experience": ["Tick this commitment to accept the invitation."],
        "lab_commitment": ["Tick this commitment to accept the invitation."],
    }
    assert Interest.objects.get(pk=invitation_a.interest_id).state == S.INVITED


def test_a_focal_point_accepts_and_the_coordinator_is_told(
    client, focal_point_a, invitation_a, lab_coordinator, django_capture_on_commit_callbacks
):
    client.force_login(focal_point_a)
    ticked = {f"accept-{key}": "on" for key in ALL_FOUR}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(answer_url(invitation_a), {"action": "accept", **ticked})

    assert response["Location"] == reverse("applications:participants", kwargs={"pk": invitation_a.interest_id})
    invitation_a.refresh_from_db()
    assert (invitation_a.answered_by, invitation_a.accepted_commitments) == (focal_point_a, ALL_FOUR)
    assert Interest.objects.get(pk=invitation_a.interest_id).state == S.ACCEPTED
    assert sent("state_change") == [("carla@secretariat.example", "en", "Update: Member A → SL6")]
    assert "The status of Member A → SL6 is now: Accepted." in Message.objects.get().text_body


def test_a_focal_point_declines_with_a_reason(client, focal_point_a, invitation_a):
    client.force_login(focal_point_a)

    refused = client.post(answer_url(invitation_a), {"action": "decline", "decline-reason": ""})
    response = client.post(answer_url(invitation_a), {"action": "decline", "decline-reason": "No budget this year"})

    assert refused.context["decline"].errors == {"reason": ["This field is required."]}
    assert response.status_code == 302
    invitation_a.refresh_from_db()
    assert invitation_a.decline_reason == "No budget this year"
    change = StateChange.objects.get()
    assert (change.to_state, change.reason, change.by) == (S.DECLINED, "No budget this year", focal_point_a)
    assert "Note: No budget this year" in Message.objects.get(occasion="state_change").text_body


def test_an_answered_or_late_invitation_cannot_be_answered(focal_point_a, invitation_a):
    invitations.decline_invitation(invitation=invitation_a, by=focal_point_a, reason="No")
    late = FormalInvitationFactory(interest__lab=LabFactory(code="SL9"), respond_by=in_days(-1))

    with pytest.raises(DecisionRefused) as answered:
        invitations.accept_invitation(invitation=invitation_a, by=focal_point_a, commitments=ALL_FOUR)
    with pytest.raises(DecisionRefused) as too_late:
        invitations.decline_invitation(invitation=late, by=focal_point_a, reason="No")

    assert answered.value.message == "This invitation has already been answered."
    assert too_late.value.message == "The deadline to answer this invitation has passed."


@pytest.mark.parametrize("who", ["focal_point_b", "lab_coordinator", "participant_a", "secretariat_admin"])
def test_only_the_members_focal_points_answer(client, request, invitation_a, who):
    client.force_login(request.getfixturevalue(who))

    response = client.post(answer_url(invitation_a), {"action": "decline", "decline-reason": "No"})

    assert response.status_code == (404 if who == "focal_point_b" else 403)
    assert Interest.objects.get(pk=invitation_a.interest_id).state == S.INVITED


def test_an_unanswered_invitation_lapses_once_and_the_coordinators_are_told_once(
    member_a, focal_point_a, lab, lab_coordinator, client
):
    past = FormalInvitationFactory(interest__member=member_a, interest__lab=lab, respond_by=in_days(-0.1))
    answered = FormalInvitationFactory(interest__lab=lab, interest__state=S.ACCEPTED, respond_by=in_days(-1))
    future = FormalInvitationFactory(interest__lab=lab, respond_by=in_days(1))

    tasks.lapse_invitations()
    tasks.lapse_invitations()

    past.refresh_from_db()
    assert past.lapsed_at is not None
    assert Interest.objects.get(pk=past.interest_id).state == S.NOT_SELECTED
    change = StateChange.objects.get()
    assert (change.interest_id, change.from_state, change.to_state, change.by, change.reason) == (
        past.interest_id,
        "invited",
        "not_selected",
        None,
        "lapsed",
    )
    assert Interest.objects.get(pk=answered.interest_id).state == S.ACCEPTED
    assert Interest.objects.get(pk=future.interest_id).state == S.INVITED
    assert sent("invitation_lapsed") == [
        ("carla@secretariat.example", "en", "Invitation lapsed without an answer: Member A → SL6")
    ]
    client.force_login(focal_point_a)
    dashboard = text_of(client.get(reverse("applications:dashboard")))
    assert "The formal invitation lapsed without an answer (deadline:" in dashboard
    client.force_login(lab_coordinator)
    page = text_of(client.get(reverse("applications:selection_interest", kwargs={"pk": past.interest_id})))
    assert "Reason: The invitation lapsed: no answer by its deadline." in page


def test_focal_points_who_have_not_answered_are_reminded_once_three_days_before(
    member_a, focal_point_a, colleague_a, lab
):
    due = FormalInvitationFactory(interest__member=member_a, interest__lab=lab, respond_by=in_days(2.5))
    FormalInvitationFactory(interest__lab=lab, respond_by=in_days(4))  # not yet
    FormalInvitationFactory(interest__lab=lab, interest__state=S.DECLINED, respond_by=in_days(1))  # answered

    tasks.remind_invitations()
    tasks.remind_invitations()

    assert sent("invitation_reminder") == [
        ("colega.a@example.org", "es", "Recordatorio: su invitación a SL6: Social Cohesion"),
        ("focal.a@example.org", "en", "Reminder: your invitation to SL6: Social Cohesion"),
    ]
    due.refresh_from_db()
    assert due.reminded_at is not None


def test_the_beat_schedule_runs_lapses_and_reminders_every_hour():
    schedule = settings.CELERY_BEAT_SCHEDULE

    assert schedule["applications-lapse-invitations"]["task"] == "applications.lapse_invitations"
    assert schedule["applications-remind-invitations"]["task"] == "applications.remind_invitations"
    assert str(schedule["applications-lapse-invitations"]["schedule"].minute) == "{5}"


@pytest.fixture
def waiting(lab, lab_coordinator):
    quito = candidate(lab, "Quito", state=S.PRESELECTED)
    lima = candidate(lab, "Lima", state=S.IN_CONVERSATION)
    dakar = candidate(lab, "Dakar", state=S.PRESELECTED)
    for interest in (quito, lima, dakar):
        waiting_list.add_to_waiting_list(interest=interest, by=lab_coordinator)
    return quito, lima, dakar


def order(lab):
    return [entry.interest.member.name for entry in waiting_list.waiting_list(lab=lab)]


def test_the_coordinator_orders_the_waiting_list(lab, lab_coordinator, waiting):
    quito, lima, dakar = waiting

    waiting_list.move(entry=dakar.waiting, by=lab_coordinator, step=-1)
    waiting_list.move(entry=quito.waiting, by=lab_coordinator, step=-1)  # already first

    assert order(lab) == ["Quito", "Dakar", "Lima"]


def test_invite_next_takes_the_first_still_waiting_and_preselects_it_if_needed(lab, lab_coordinator, waiting):
    quito, lima, dakar = waiting
    Interest.objects.filter(pk=quito.pk).update(state=S.WITHDRAWN)  # withdrew meanwhile: skipped
    waiting_list.move(entry=dakar.waiting, by=lab_coordinator, step=1)  # Lima before Dakar

    invitation = waiting_list.invite_next(lab=lab, deadline=in_days(7), by=lab_coordinator)

    assert invitation.interest_id == lima.pk
    assert list(StateChange.objects.filter(interest=lima).values_list("from_state", "to_state", "reason")) == [
        ("in_conversation", "preselected", "waiting list"),
        ("preselected", "invited", ""),
    ]
    assert order(lab) == ["Dakar"]


def test_invite_next_with_nobody_waiting_sends_nothing(lab, lab_coordinator):
    assert waiting_list.invite_next(lab=lab, deadline=in_days(7), by=lab_coordinator) is None


def test_only_members_in_conversation_or_preselected_wait(lab, lab_coordinator):
    with pytest.raises(DecisionRefused):
        waiting_list.add_to_waiting_list(interest=candidate(lab, "Quito"), by=lab_coordinator)


def test_the_cohort_page_orders_the_list_and_invites_the_next(client, lab, lab_coordinator, waiting):
    quito, lima, dakar = waiting
    client.force_login(lab_coordinator)
    url = reverse("applications:cohort", kwargs={"code": "SL6"})

    client.post(url, {"action": "up", "entry": dakar.waiting.pk})
    client.post(url, {"action": "remove", "entry": quito.waiting.pk})
    client.post(url, {"action": "invite-next", "next-deadline": timezone.localdate() + datetime.timedelta(days=7)})

    assert Interest.objects.get(pk=dakar.pk).state == S.INVITED
    assert order(lab) == ["Lima"]


def test_the_waiting_list_from_the_interests_page(client, lab, lab_coordinator):
    interest = candidate(lab, "Quito", state=S.PRESELECTED)
    client.force_login(lab_coordinator)
    url = reverse("applications:selection_interest", kwargs={"pk": interest.pk})

    client.post(url, {"action": "wait"})
    assert order(lab) == ["Quito"]
    client.post(url, {"action": "unwait"})
    assert order(lab) == []
