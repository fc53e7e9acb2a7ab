"""The emails: acknowledgement, notice to the coordinators, withdrawal notice,
draft reminders. Each is stored in the outbox inside the change's transaction
and sent after the commit, once per recipient."""

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from applications import reminders, services, tasks
from applications.enums import InterestState as S
from members.enums import MembershipStatus
from members.outbox.enums import Occasion
from members.outbox.models import Message
from members.roles import Role
from tests.applications.factories import COMPLETE_ANSWERS, InterestFactory, a_person
from tests.applications.forms_data import form, section
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def stored():
    return sorted((m.occasion, m.recipient_email, m.language, m.subject) for m in Message.objects.all())


def submit(member, lab, by):
    return services.submit_interest(member=member, lab=lab, by=by, answers=COMPLETE_ANSWERS, participants=[a_person()])


def test_submitting_acknowledges_to_every_focal_point_in_their_language_and_tells_the_coordinators(
    member_a, focal_point_a, colleague_a, participant_a, lab, django_capture_on_commit_callbacks
):
    second_coordinator = UserFactory(email="ali@secretariat.example", role=Role.COORDINATOR, preferred_language="fr")
    lab.coordinators.add(second_coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        interest = submit(member_a, lab, focal_point_a)

    assert stored() == [
        (
            "interest_acknowledgement",
            "colega.a@example.org",
            "es",
            "Expresión de interés recibida: SL6: Social Cohesion",
        ),
        (
            "interest_acknowledgement",
            "focal.a@example.org",
            "en",
            "Expression of interest received: SL6: Social Cohesion",
        ),
        ("interest_notice", "ali@secretariat.example", "fr", "Nouvelle manifestation d'intérêt : SL6: Social Cohesion"),
        ("interest_notice", "carla@secretariat.example", "en", "New expression of interest: SL6: Social Cohesion"),
    ]
    assert sorted(message.to[0].split("<")[-1].rstrip(">") for message in mail.outbox) == [
        "ali@secretariat.example",
        "carla@secretariat.example",
        "colega.a@example.org",
        "focal.a@example.org",
    ]
    notice = Message.objects.get(occasion=Occasion.INTEREST_NOTICE, recipient_email="carla@secretariat.example")
    assert "Member: Member A." in notice.text_body
    assert f"{settings.SITE_URL}/interests/{interest.pk}/" in notice.text_body
    assert (notice.lab, notice.member) == (lab, member_a)


def test_a_draft_sends_nothing(member_a, focal_point_a, lab, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.save_draft(member=member_a, lab=lab, by=focal_point_a, answers={}, participants=[])

    assert (Message.objects.count(), len(callbacks), len(mail.outbox)) == (0, 0, 0)


def test_messages_go_only_after_the_commit(member_a, focal_point_a, lab, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit(member_a, lab, focal_point_a)
        assert len(mail.outbox) == 0

    assert len(callbacks) == 2  # one per message: the acknowledgement and the notice
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 2


def test_a_repeated_submission_sends_nothing_twice(client, focal_point_a, lab, django_capture_on_commit_callbacks):
    client.force_login(focal_point_a)
    data = form("submit", section(lab), labs=["SL6"])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("applications:express_interest"), data)
        client.post(reverse("applications:express_interest"), data)
        interest = focal_point_a.member.interests.get()
        edit = reverse("applications:edit_interest", kwargs={"pk": interest.pk})
        client.post(edit, {"action": "submit", **section(lab, interest=interest.pk)})

    assert [message.occasion for message in Message.objects.order_by("occasion")] == [
        Occasion.INTEREST_ACKNOWLEDGEMENT,
        Occasion.INTEREST_NOTICE,
    ]
    assert len(mail.outbox) == 2


def test_a_form_that_saves_nothing_sends_nothing(
    client, member_a, focal_point_a, lab, other_lab, django_capture_on_commit_callbacks
):
    """SL6 is submitted first, then SL7 stands in the way: the whole form is rolled back, messages too."""
    client.force_login(focal_point_a)
    data = form("submit", section(lab), section(other_lab), labs=["SL6", "SL7"])
    InterestFactory(member=member_a, lab=other_lab, state=S.DRAFT)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("applications:express_interest"), data)

    assert response.status_code == 200
    assert (member_a.interests.count(), Message.objects.count(), len(mail.outbox)) == (1, 0, 0)


def test_withdrawing_tells_the_coordinators_why(member_a, focal_point_a, lab, django_capture_on_commit_callbacks):
    interest = submit(member_a, lab, focal_point_a)

    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_interest(interest=interest, by=focal_point_a, reason="New <b>priorities</b>")

    notice = Message.objects.get(occasion=Occasion.STATE_CHANGE)
    assert (notice.recipient_email, notice.subject) == ("carla@secretariat.example", "Update: Member A → SL6")
    assert "The status of Member A → SL6 is now: Withdrawn." in notice.text_body
    assert "Note: New <b>priorities</b>" in notice.text_body  # plain text
    assert "New &lt;b&gt;priorities&lt;/b&gt;" in notice.html_body
    assert "<b>priorities" not in notice.html_body
    assert [sent.subject for sent in mail.outbox] == ["Update: Member A → SL6"]


def test_withdrawing_a_draft_tells_nobody(member_a, focal_point_a, lab):
    draft = services.save_draft(member=member_a, lab=lab, by=focal_point_a, answers={}, participants=[])

    services.withdraw_interest(interest=draft, by=focal_point_a, reason="Changed our mind")

    assert Message.objects.count() == 0


def at_noon_utc(day):
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=datetime.UTC)


@pytest.fixture
def deadline(lab):
    lab.interest_deadline = datetime.date(2030, 6, 20)
    lab.save()
    return lab.interest_deadline


def test_a_draft_is_reminded_once_to_every_focal_point_before_the_deadline(
    member_a, focal_point_a, colleague_a, lab, deadline, django_capture_on_commit_callbacks
):
    draft = InterestFactory(member=member_a, lab=lab, state=S.DRAFT)

    with django_capture_on_commit_callbacks(execute=True):
        counts = [
            reminders.remind_drafts_before_deadline(now=at_noon_utc(deadline - datetime.timedelta(days=days)))
            for days in (6, 5, 4, 0)
        ]

    assert counts == [0, 1, 1, 1]
    assert stored() == [
        (
            "draft_reminder",
            "colega.a@example.org",
            "es",
            "Su expresión de interés sigue siendo un borrador: SL6: Social Cohesion",
        ),
        (
            "draft_reminder",
            "focal.a@example.org",
            "en",
            "Your expression of interest is still a draft: SL6: Social Cohesion",
        ),
    ]
    assert len(mail.outbox) == 2
    english = Message.objects.get(recipient_email="focal.a@example.org")
    assert "Expressions of interest close on June 20, 2030" in english.text_body
    assert f"{settings.SITE_URL}/interests/{draft.pk}/edit/" in english.text_body


def test_a_moved_deadline_reminds_again(member_a, focal_point_a, lab, deadline):
    InterestFactory(member=member_a, lab=lab, state=S.DRAFT)
    reminders.remind_drafts_before_deadline(now=at_noon_utc(deadline))

    lab.interest_deadline = deadline + datetime.timedelta(days=10)
    lab.save()
    reminders.remind_drafts_before_deadline(now=at_noon_utc(lab.interest_deadline))

    assert sorted(Message.objects.values_list("dedupe_key", flat=True)) == [
        "deadline-2030-06-20",
        "deadline-2030-06-30",
    ]


def test_no_reminder_after_the_deadline_or_for_submitted_lapsed_or_closed(
    member_a, member_b, focal_point_a, focal_point_b, lab, other_lab, deadline
):
    InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)
    InterestFactory(member=member_b, lab=lab, state=S.DRAFT)
    member_b.status = MembershipStatus.LAPSED
    member_b.save()
    closed = InterestFactory(member=member_a, lab=other_lab, state=S.DRAFT)
    other_lab.interest_deadline = deadline
    other_lab.status = "selecting"
    other_lab.save()

    seen = reminders.remind_drafts_before_deadline(now=at_noon_utc(deadline))
    after = reminders.remind_drafts_before_deadline(now=at_noon_utc(deadline + datetime.timedelta(days=1)))

    assert (seen, after, Message.objects.count()) == (0, 0, 0)
    assert closed.state == S.DRAFT


def test_the_periodic_task_runs_the_reminders_every_day(member_a, focal_point_a, lab):
    lab.interest_deadline = datetime.date.today() + datetime.timedelta(days=2)
    lab.save()
    InterestFactory(member=member_a, lab=lab, state=S.DRAFT)

    tasks.remind_drafts.delay()

    assert Message.objects.get().occasion == Occasion.DRAFT_REMINDER
    entry = settings.CELERY_BEAT_SCHEDULE["applications-remind-drafts"]
    assert entry["task"] == "applications.remind_drafts" == tasks.remind_drafts.name
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({6}, {0})
