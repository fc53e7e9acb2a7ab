"""The conversation log: kept by the lab's coordinators (and the Secretariat),
shown on the interest's selection page, its due follow-ups on the
coordinator's home; a member's focal point never sees it anywhere."""

import datetime
import json

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from applications.enums import InterestState as S
from applications.models import Conversation
from applications.selection import conversations
from members.roles import Role
from tests.a11y import assert_accessible
from tests.applications.factories import InterestFactory
from tests.applications.selection.factories import ConversationFactory, candidate
from tests.applications.test_pages import text_of
from tests.factories import UserFactory
from tests.labs.factories import LabFactory

pytestmark = pytest.mark.django_db

SECRET = "They hesitate because of the budget"


def today():
    return timezone.localdate()


def days(count):
    return today() + datetime.timedelta(days=count)


def page_of(interest):
    return reverse("applications:selection_interest", kwargs={"pk": interest.pk})


def signed_in(client, person):
    client.force_login(person)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def interest_a(member_a, lab):
    return InterestFactory(member=member_a, lab=lab, state=S.IN_CONVERSATION)


def test_a_coordinator_logs_a_conversation_and_the_earlier_follow_ups_are_done(interest_a, lab_coordinator):
    earlier = ConversationFactory(interest=interest_a, held_on=days(-10), follow_up_on=days(-3))

    entry = conversations.log_conversation(
        interest=interest_a,
        by=lab_coordinator,
        held_on=today(),
        channel="video",
        notes=f"  {SECRET}  ",
        next_step="Send the programme",
        follow_up_on=days(7),
    )

    assert (entry.notes, entry.next_step, entry.follow_up_on, entry.logged_by) == (
        SECRET,
        "Send the programme",
        days(7),
        lab_coordinator,
    )
    earlier.refresh_from_db()
    assert earlier.follow_up_done_at is not None
    assert entry.follow_up_done_at is None


def test_logging_needs_notes_and_a_known_channel(interest_a, lab_coordinator):
    with pytest.raises(ValidationError) as error:
        conversations.log_conversation(
            interest=interest_a, by=lab_coordinator, held_on=today(), channel="fax", notes=""
        )

    assert sorted(error.value.message_dict) == ["channel", "notes"]
    assert Conversation.objects.count() == 0


@pytest.mark.parametrize("who", ["focal_point_a", "coordinator"])
def test_only_the_labs_coordinators_and_the_secretariat_keep_the_log(request, interest_a, who):
    with pytest.raises(PermissionDenied):
        conversations.log_conversation(
            interest=interest_a, by=request.getfixturevalue(who), held_on=today(), channel="call", notes="x"
        )


def test_due_follow_ups_are_the_open_ones_up_to_today_of_interests_under_way(lab, interest_a, lab_coordinator):
    due = ConversationFactory(interest=interest_a, follow_up_on=days(-1), next_step="Call back")
    due_today = ConversationFactory(interest=candidate(lab, "Quito"), follow_up_on=today())
    ConversationFactory(interest=interest_a, follow_up_on=days(1))  # not yet
    ConversationFactory(interest=interest_a, follow_up_on=days(-2), follow_up_done_at=timezone.now())  # done
    ConversationFactory(interest=candidate(lab, "Lima", state=S.NOT_SELECTED), follow_up_on=days(-1))  # decided
    ConversationFactory(interest=InterestFactory(lab=LabFactory(code="SL9")), follow_up_on=days(-1))  # elsewhere

    found = conversations.due_follow_ups(interests=lab.interests.all(), today=today())

    assert list(found) == [due, due_today]


def test_the_selection_page_shows_answers_other_labs_log_and_history(
    client, member_a, lab, interest_a, lab_coordinator
):
    ConversationFactory(interest=interest_a, notes=SECRET, next_step="Send the programme", follow_up_on=days(3))
    InterestFactory(member=member_a, lab=LabFactory(code="SL2", title="Energy"), state=S.ACCEPTED)
    InterestFactory(member=member_a, lab=LabFactory(code="SL3"), state=S.DRAFT)  # a draft is the member's own

    response = signed_in(client, lab_coordinator).get(page_of(interest_a))

    assert response.status_code == 200
    text = text_of(response)
    assert SECRET in text
    assert "Next step: Send the programme" in text
    assert "SL2: Energy · Accepted" in text
    assert "SL3" not in text
    assert "We are building a care system." in text  # the answers
    assert_accessible(response)


def test_the_log_form_keeps_what_was_typed_and_marks_the_fields(client, interest_a, lab_coordinator):
    response = signed_in(client, lab_coordinator).post(
        page_of(interest_a),
        {
            "action": "log",
            "log-held_on": today().isoformat(),
            "log-channel": "email",
            "log-notes": "",
            "log-next_step": "Wait for their answer",
            "log-follow_up_on": days(-5).isoformat(),
        },
    )

    assert response.status_code == 200
    assert response.context["log"].errors == {
        "notes": ["This field is required."],
        "follow_up_on": ["The follow-up cannot come before the conversation."],
    }
    assert "Wait for their answer" in response.content.decode()
    assert Conversation.objects.count() == 0


def test_logging_through_the_page_and_marking_the_follow_up_done(client, interest_a, lab_coordinator):
    signed_in(client, lab_coordinator)
    response = client.post(
        page_of(interest_a),
        {
            "action": "log",
            "log-held_on": today().isoformat(),
            "log-channel": "meeting",
            "log-notes": SECRET,
            "log-follow_up_on": today().isoformat(),
        },
    )
    assert response.status_code == 302
    entry = Conversation.objects.get()
    assert (entry.channel, entry.notes, entry.logged_by) == ("meeting", SECRET, lab_coordinator)

    client.post(page_of(interest_a), {"action": "done", "conversation": entry.pk})

    entry.refresh_from_db()
    assert entry.follow_up_done_at is not None


def test_the_coordinators_home_lists_their_labs_with_counts_and_the_due_follow_ups(
    client, lab, interest_a, lab_coordinator, django_assert_max_num_queries
):
    candidate(lab, "Quito")
    candidate(lab, "Lima", state=S.NOT_SELECTED)
    ConversationFactory(interest=interest_a, follow_up_on=days(-1), next_step="Call back")
    not_mine = LabFactory(code="SL9")
    ConversationFactory(interest=InterestFactory(lab=not_mine), follow_up_on=days(-1), next_step="Not mine")
    signed_in(client, lab_coordinator)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("applications:selection_home"))

    assert [(row[0].code, row[1], row[2]) for row in response.context["rows"]] == [("SL6", [1, 1, 0, 0, 0, 0, 1, 0], 3)]
    text = " ".join(response.content.decode().split())
    assert "Member A" in text
    assert "Call back" in text
    assert "Not mine" not in text
    assert_accessible(response)


def test_the_site_home_shows_a_coordinator_the_follow_ups_due(client, interest_a, lab_coordinator):
    ConversationFactory(interest=interest_a, follow_up_on=days(-1), next_step="Call back")

    text = text_of(signed_in(client, lab_coordinator).get(reverse("home")))

    assert "1 follow-up due" in text
    assert "Member A (SL6) : Call back" in text


def test_a_focal_point_never_sees_the_log(client, member_a, focal_point_a, interest_a):
    ConversationFactory(interest=interest_a, notes=SECRET, next_step="Secret next step", follow_up_on=days(-1))
    signed_in(client, focal_point_a)

    pages = [
        client.get(reverse("applications:dashboard")),
        client.get(interest_a.get_absolute_url()),
        client.get(reverse("home")),
        client.get(reverse("members:member_detail", kwargs={"pk": member_a.pk})),
    ]
    download = client.get(reverse("members:download_my_data"))

    assert [page.status_code for page in pages] == [200, 200, 200, 200]
    for page in pages:
        assert SECRET not in page.content.decode()
        assert "Secret next step" not in page.content.decode()
        assert "Conversation log" not in page.content.decode()
    assert SECRET not in json.dumps(json.loads(download.content))
    assert client.get(page_of(interest_a)).status_code == 403
    assert client.post(page_of(interest_a), {"action": "log", "log-notes": "x"}).status_code == 403


def test_another_labs_coordinator_gets_404_on_the_selection_page(client, interest_a):
    other = UserFactory(email="otto@secretariat.example", role=Role.COORDINATOR)
    LabFactory(code="SL9").coordinators.add(other)

    assert signed_in(client, other).get(page_of(interest_a)).status_code == 404


def test_the_secretariat_reads_the_log(client, interest_a, secretariat_admin):
    ConversationFactory(interest=interest_a, notes=SECRET)

    assert SECRET in signed_in(client, secretariat_admin).get(page_of(interest_a)).content.decode()


def test_the_participant_gets_403(client, interest_a, participant_a):
    assert signed_in(client, participant_a).get(page_of(interest_a)).status_code == 403
