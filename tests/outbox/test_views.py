"""The Secretariat's pages: list with filters, one message as sent, resend."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.outbox.enums import MessageStatus, Occasion
from members.outbox.models import Message
from tests.a11y import assert_accessible
from tests.labs.factories import LabFactory
from tests.outbox.factories import MessageFactory

pytestmark = pytest.mark.django_db

REFUSED_ROLES = ["coordinator", "focal_point_a", "participant_a", "person_without_member"]


@pytest.fixture
def secretariat_client(client, secretariat_admin):
    client.force_login(secretariat_admin)
    return client


def subjects(response):
    return [message.subject for message in response.context["page"].object_list]


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_other_roles_do_not_see_the_messages(client, request, role):
    message = MessageFactory(status=MessageStatus.FAILED)
    client.force_login(request.getfixturevalue(role))

    assert client.get(reverse("outbox:list")).status_code == 404
    assert client.get(reverse("outbox:detail", args=[message.pk])).status_code == 404
    assert client.post(reverse("outbox:resend", args=[message.pk])).status_code == 404
    message.refresh_from_db()
    assert message.status == MessageStatus.FAILED


def test_visitors_are_sent_to_sign_in(client):
    message = MessageFactory()

    for url in [reverse("outbox:list"), reverse("outbox:detail", args=[message.pk])]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_the_secretariat_sees_the_list_newest_first(secretariat_client):
    MessageFactory(subject="Older")
    MessageFactory(subject="Newer")

    response = secretariat_client.get(reverse("outbox:list"))

    assert response.status_code == 200
    assert subjects(response) == ["Newer", "Older"]
    assert "2 messages" in response.content.decode()


def test_the_navigation_shows_messages_to_the_secretariat_only(client, secretariat_admin, coordinator):
    link = f'href="{reverse("outbox:list")}"'
    client.force_login(coordinator)
    assert link not in client.get(reverse("home")).content.decode()

    client.force_login(secretariat_admin)
    assert link in client.get(reverse("home")).content.decode()


def test_filters_by_occasion_status_lab_and_member(secretariat_client, member_a, member_b):
    lab_1, lab_2 = LabFactory(), LabFactory()
    MessageFactory(subject="Invitation A", occasion=Occasion.INVITATION, member=member_a, lab=lab_1)
    MessageFactory(subject="Reminder A", occasion=Occasion.INVITATION_REMINDER, member=member_a, lab=lab_2)
    MessageFactory(subject="Invitation B", occasion=Occasion.INVITATION, member=member_b, lab=lab_2)
    MessageFactory(subject="Failed B", occasion=Occasion.INVITATION, member=member_b, status=MessageStatus.FAILED)
    url = reverse("outbox:list")

    assert subjects(secretariat_client.get(url, {"occasion": "invitation_reminder"})) == ["Reminder A"]
    assert subjects(secretariat_client.get(url, {"status": "failed"})) == ["Failed B"]
    assert subjects(secretariat_client.get(url, {"lab": lab_2.pk})) == ["Invitation B", "Reminder A"]
    assert subjects(secretariat_client.get(url, {"member": member_a.pk})) == ["Reminder A", "Invitation A"]
    combined = {"member": member_b.pk, "occasion": "invitation", "lab": lab_2.pk}
    assert subjects(secretariat_client.get(url, combined)) == ["Invitation B"]


def test_the_list_shows_each_messages_lab_and_member(secretariat_client, member_a):
    lab = LabFactory(code="SL4", title="Heat")
    MessageFactory(lab=lab, member=member_a)

    response = secretariat_client.get(reverse("outbox:list"))

    row = response.content.decode().split("<tbody>")[1]
    assert "<td>SL4</td>" in row
    assert "<td>Member A</td>" in row
    assert f'<option value="{lab.pk}">SL4: Heat</option>' in response.content.decode()


def test_a_bad_filter_value_is_reported_at_the_field_and_kept(secretariat_client):
    MessageFactory(subject="Kept")

    response = secretariat_client.get(reverse("outbox:list"), {"status": "lost", "occasion": "invitation"})

    form = response.context["filter"].form
    assert list(form.errors) == ["status"]
    assert form["status"].value() == "lost"
    assert form["occasion"].value() == "invitation"


def test_the_list_is_paginated_and_keeps_the_filters(secretariat_client):
    MessageFactory.create_batch(51, status=MessageStatus.SENT)

    first = secretariat_client.get(reverse("outbox:list"), {"status": "sent"})
    second = secretariat_client.get(reverse("outbox:list"), {"status": "sent", "page": 2})

    assert len(first.context["page"].object_list) == 50
    assert len(second.context["page"].object_list) == 1
    assert 'href="?status=sent&amp;page=2"' in first.content.decode()


def test_the_list_costs_the_same_queries_for_one_row_as_for_many(secretariat_client, member_a, member_b):
    MessageFactory(member=member_a, lab=LabFactory())
    with CaptureQueriesContext(connection) as one_row:
        secretariat_client.get(reverse("outbox:list"))

    labs = LabFactory.create_batch(4)
    for number in range(40):
        MessageFactory(member=member_b if number % 2 else member_a, lab=labs[number % 4])
    with CaptureQueriesContext(connection) as many_rows:
        secretariat_client.get(reverse("outbox:list"))

    assert len(many_rows) == len(one_row)


def test_the_list_query_count_is_bounded(secretariat_client, django_assert_max_num_queries, member_a):
    MessageFactory.create_batch(30, member=member_a, lab=LabFactory())

    with django_assert_max_num_queries(9):  # 8, and one for the staff's second factor
        secretariat_client.get(reverse("outbox:list"), {"member": member_a.pk})


def test_one_message_as_sent_with_its_html_never_part_of_the_page(secretariat_client, member_a):
    message = MessageFactory(
        subject="Welcome",
        recipient_name="Ana Pérez",
        recipient_email="ana@example.org",
        text_body="Dear Ana,\n<b>plain</b>",
        html_body='<p>Dear Ana</p><script>alert("x")</script><img src=x onerror=alert(1)>',
        member=member_a,
        status=MessageStatus.SENT,
    )

    page = secretariat_client.get(reverse("outbox:detail", args=[message.pk])).content.decode()

    assert "<h1>Welcome</h1>" in page
    assert "Ana Pérez &lt;ana@example.org&gt;" in page
    assert "Dear Ana,\n&lt;b&gt;plain&lt;/b&gt;" in page
    assert '<script>alert("x")</script>' not in page
    assert "<img src=x" not in page
    assert 'sandbox="" referrerpolicy="no-referrer"' in page
    assert 'srcdoc="&lt;p&gt;Dear Ana&lt;/p&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;' in page
    assert "Resend" not in page


def test_a_failed_message_shows_its_error_and_can_be_resent(
    secretariat_client, secretariat_admin, django_capture_on_commit_callbacks
):
    message = MessageFactory(status=MessageStatus.FAILED, attempts=5, last_error="SMTPDataError: (451, b'busy')")
    url = reverse("outbox:detail", args=[message.pk])

    page = secretariat_client.get(url).content.decode()
    assert "SMTPDataError: (451, b&#x27;busy&#x27;)" in page
    assert f'action="{reverse("outbox:resend", args=[message.pk])}"' in page

    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(reverse("outbox:resend", args=[message.pk]), follow=True)

    assert response.redirect_chain == [(url, 302)]
    assert "The message is queued to be sent again." in response.content.decode()
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT  # tasks run eagerly in tests
    assert message.resent_by == secretariat_admin


def test_resending_a_message_that_did_not_fail_changes_nothing(secretariat_client):
    message = MessageFactory(status=MessageStatus.SENT)

    response = secretariat_client.post(reverse("outbox:resend", args=[message.pk]), follow=True)

    assert "Only a failed message can be sent again." in response.content.decode()
    assert Message.objects.get(pk=message.pk).resent_by is None


def test_resend_only_answers_post_with_a_csrf_token(client, secretariat_admin):
    message = MessageFactory(status=MessageStatus.FAILED)
    client.force_login(secretariat_admin)
    assert client.get(reverse("outbox:resend", args=[message.pk])).status_code == 405

    strict = type(client)(enforce_csrf_checks=True)
    strict.force_login(secretariat_admin)
    assert strict.post(reverse("outbox:resend", args=[message.pk])).status_code == 403
    assert Message.objects.get(pk=message.pk).status == MessageStatus.FAILED


def test_a_missing_message_answers_404(secretariat_client):
    assert secretariat_client.get(reverse("outbox:detail", args=[424242])).status_code == 404


def test_the_page_speaks_the_viewers_language(client, secretariat_admin):
    secretariat_admin.preferred_language = "fr"
    secretariat_admin.save()
    client.force_login(secretariat_admin)
    MessageFactory(status=MessageStatus.FAILED)

    page = client.get(reverse("outbox:list")).content.decode()

    assert "<h1>Messages</h1>" in page
    assert "En échec" in page
    assert "Filtrer" in page


def test_the_admin_lists_messages_read_only_for_the_secretariat(client, secretariat_admin, coordinator):
    message = MessageFactory(subject="In the admin")
    client.force_login(secretariat_admin)

    assert "In the admin" in client.get(reverse("admin:outbox_message_changelist")).content.decode()
    assert client.get(reverse("admin:outbox_message_add")).status_code == 403
    assert client.post(reverse("admin:outbox_message_delete", args=[message.pk]), {"post": "yes"}).status_code == 403
    assert Message.objects.filter(pk=message.pk).exists()


def test_the_admin_action_resends_failed_messages_only(client, secretariat_admin, django_capture_on_commit_callbacks):
    failed = MessageFactory(status=MessageStatus.FAILED)
    sent = MessageFactory(status=MessageStatus.SENT)
    client.force_login(secretariat_admin)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:outbox_message_changelist"),
            {"action": "resend", "_selected_action": [failed.pk, sent.pk]},
            follow=True,
        )

    page = response.content.decode()
    assert "1 message queued again." in page
    assert "Only failed messages can be sent again." in page
    failed.refresh_from_db()
    assert (failed.status, failed.resent_by) == (MessageStatus.SENT, secretariat_admin)
    assert Message.objects.get(pk=sent.pk).resent_by is None


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_pages_are_accessible(secretariat_client, language, member_a):
    secretariat_client.cookies["django_language"] = language
    MessageFactory.create_batch(51, member=member_a, lab=LabFactory())
    failed = MessageFactory(status=MessageStatus.FAILED, last_error="SMTPDataError")

    assert_accessible(secretariat_client.get(reverse("outbox:list"), {"status": "queued", "page": 2}))
    assert_accessible(secretariat_client.get(reverse("outbox:detail", args=[failed.pk])))
