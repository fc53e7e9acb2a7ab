"""queue_message: one row per occasion, object and recipient, queued on commit."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import IntegrityError, transaction

from members.outbox.enums import MessageStatus, Occasion
from members.outbox.models import Message
from members.outbox.services import queue_message
from tests.factories import MemberFactory, UserFactory
from tests.labs.factories import LabFactory
from tests.outbox.factories import MessageFactory

pytestmark = pytest.mark.django_db


class Boom(Exception):
    pass


def test_a_message_is_stored_rendered_and_sent_after_commit(settings, member_a, django_capture_on_commit_callbacks):
    settings.SITE_URL = "http://localhost:8000"
    person = UserFactory(name="Ana Pérez", email="ana@example.org")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        message = queue_message(occasion=Occasion.STATE_CHANGE, about=member_a, recipient=person)

    assert len(callbacks) == 1
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert message.attempts == 1
    assert (message.recipient_email, message.recipient_name) == ("ana@example.org", "Ana Pérez")
    assert message.subject == "Update: Member A"
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.subject == "Update: Member A"
    assert sent.to == ["Ana Pérez <ana@example.org>"]
    assert sent.message()["To"] == "=?utf-8?q?Ana_P=C3=A9rez?= <ana@example.org>"
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"
    assert sent.body == message.text_body
    assert sent.alternatives[0].content == message.html_body
    assert message.text_body == (
        "Dear Ana Pérez,\n\nThe status of Member A has changed.\n\n"
        f"Open in the portal: http://localhost:8000/people/members/{member_a.pk}/\n\n"
        "Kind regards,\nThe Solutions Labs team\n\n-- \n"
        "You receive this message because of your part in the Solutions Labs programme.\nhttp://localhost:8000\n"
    )


def test_the_same_occasion_for_the_same_object_and_recipient_is_stored_and_sent_once(
    member_a, focal_point_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first = queue_message(occasion=Occasion.STATE_CHANGE, about=member_a, recipient=focal_point_a)
        second = queue_message(
            occasion=Occasion.STATE_CHANGE, about=member_a, recipient=focal_point_a, context={"state": "Invited"}
        )

    assert second.pk == first.pk
    assert Message.objects.count() == 1
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1


def test_the_database_itself_refuses_a_second_row_for_the_same_occasion(member_a, focal_point_a):
    first = MessageFactory(recipient=focal_point_a, object_id=member_a.pk)

    with pytest.raises(IntegrityError), transaction.atomic():
        MessageFactory(recipient=focal_point_a, object_id=member_a.pk, occasion=first.occasion)


def test_another_recipient_object_occasion_or_dedupe_key_makes_another_message(member_a, member_b, focal_point_a):
    participant = UserFactory(member=member_a)

    queue_message(occasion=Occasion.SESSION_REMINDER, about=member_a, recipient=focal_point_a, dedupe_key="7d")
    queue_message(occasion=Occasion.SESSION_REMINDER, about=member_a, recipient=focal_point_a, dedupe_key="1d")
    queue_message(occasion=Occasion.SESSION_REMINDER, about=member_a, recipient=participant, dedupe_key="1d")
    queue_message(occasion=Occasion.SESSION_REMINDER, about=member_b, recipient=participant, dedupe_key="1d")
    queue_message(occasion=Occasion.STATE_CHANGE, about=member_b, recipient=participant, dedupe_key="1d")
    queue_message(occasion=Occasion.SESSION_REMINDER, about=member_a, recipient=focal_point_a, dedupe_key="7d")

    assert Message.objects.count() == 5


def test_nothing_is_stored_or_queued_when_the_transaction_rolls_back(
    member_a, focal_point_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(Boom), transaction.atomic():
        queue_message(occasion=Occasion.STATE_CHANGE, about=member_a, recipient=focal_point_a)
        raise Boom

    assert callbacks == []
    assert Message.objects.count() == 0
    assert mail.outbox == []


def test_nothing_is_sent_before_the_transaction_commits(member_a, focal_point_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        message = queue_message(occasion=Occasion.STATE_CHANGE, about=member_a, recipient=focal_point_a)

    assert mail.outbox == []
    assert Message.objects.get().status == MessageStatus.QUEUED
    callbacks[0]()
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert len(mail.outbox) == 1


def test_a_race_lost_to_another_transaction_returns_the_row_that_won(member_a, focal_point_a, monkeypatch):
    winner = MessageFactory(recipient=focal_point_a, object_id=member_a.pk, occasion=Occasion.STATE_CHANGE)
    real_filter = Message.objects.filter
    lookups = []

    def filter_missing_the_winner_once(**kwargs):
        lookups.append(kwargs)
        return Message.objects.none() if len(lookups) == 1 else real_filter(**kwargs)

    monkeypatch.setattr(Message.objects, "filter", filter_missing_the_winner_once)
    message = queue_message(occasion=Occasion.STATE_CHANGE, about=member_a, recipient=focal_point_a)
    monkeypatch.undo()

    assert message.pk == winner.pk
    assert len(lookups) == 2
    assert Message.objects.count() == 1  # the surrounding transaction is still usable


def test_the_message_is_written_in_the_recipients_language_and_time_zone(member_a):
    person = UserFactory(name="Ana", preferred_language="fr", time_zone="America/Bogota", member=member_a)
    starts_at = datetime.datetime(2025, 3, 10, 14, 0, tzinfo=datetime.UTC)

    message = queue_message(
        occasion=Occasion.SESSION_REMINDER, about=member_a, recipient=person, context={"starts_at": starts_at}
    )

    assert message.language == "fr"
    assert message.subject == "Rappel : Member A"
    assert "Elle commence le 10 mars 2025 09:00 (America/Bogota)." in message.text_body
    assert "Elle commence le 10 mars 2025 09:00 (America/Bogota)." in message.html_body
    assert '<html lang="fr">' in message.html_body


def test_a_spanish_recipient_gets_spanish(member_a):
    person = UserFactory(name="Luis", preferred_language="es", time_zone="Europe/Madrid")
    starts_at = datetime.datetime(2025, 3, 10, 14, 0, tzinfo=datetime.UTC)

    message = queue_message(
        occasion=Occasion.SESSION_REMINDER, about=member_a, recipient=person, context={"starts_at": starts_at}
    )

    assert message.language == "es"
    assert message.text_body.startswith("Estimado/a Luis:\n")
    assert "Comienza el 10 de marzo de 2025 a las 15:00 (Europe/Madrid)." in message.text_body


def test_every_link_is_absolute_on_the_site_url(settings, member_a, focal_point_a):
    settings.SITE_URL = "https://labs.example.org"

    message = queue_message(
        occasion=Occasion.INVITATION, about=member_a, recipient=focal_point_a, context={"link": "/labs/sl1/"}
    )

    assert "https://labs.example.org/labs/sl1/" in message.text_body
    assert '<a href="https://labs.example.org/labs/sl1/">' in message.html_body


def test_without_a_link_the_message_points_at_the_portal(settings, focal_point_a):
    settings.SITE_URL = "https://labs.example.org"
    about_without_a_page = Group.objects.get(name="Focal point")

    message = queue_message(occasion=Occasion.INVITATION, about=about_without_a_page, recipient=focal_point_a)

    assert "Open in the portal: https://labs.example.org/\n" in message.text_body


def test_a_relative_link_that_is_not_a_path_is_refused(member_a, focal_point_a):
    with pytest.raises(ValueError, match="must be a path or an absolute URL"):
        queue_message(occasion=Occasion.INVITATION, about=member_a, recipient=focal_point_a, context={"link": "labs"})

    assert Message.objects.count() == 0


def test_the_text_body_is_plain_text_and_the_html_body_is_escaped(member_a):
    person = UserFactory(name="Ana & <Co>")
    about = MemberFactory(name="Lab <b>bold</b> & co")

    message = queue_message(occasion=Occasion.STATE_CHANGE, about=about, recipient=person)

    assert message.subject == "Update: Lab <b>bold</b> & co"
    assert message.text_body.startswith("Dear Ana & <Co>,\n")
    assert "<p>Dear Ana &amp; &lt;Co&gt;,</p>" in message.html_body
    assert "Lab &lt;b&gt;bold&lt;/b&gt; &amp; co" in message.html_body


def test_lab_and_member_are_kept_for_the_secretariats_filters(settings, member_a, member_b, focal_point_a, coordinator):
    settings.SITE_URL = "https://labs.example.org"
    lab = LabFactory(code="SL7")
    to_focal_point = queue_message(occasion=Occasion.INVITATION, about=lab, recipient=focal_point_a, lab=lab)
    to_coordinator = queue_message(
        occasion=Occasion.INTEREST_NOTICE, about=member_b, recipient=coordinator, lab=lab, member=member_b
    )

    assert (to_focal_point.lab, to_focal_point.member) == (lab, member_a)
    assert (to_coordinator.lab, to_coordinator.member) == (lab, member_b)
    assert "Open in the portal: https://labs.example.org/labs/SL7/\n" in to_focal_point.text_body  # the lab's page
    assert "Member: Member B." in to_coordinator.text_body


def test_an_address_with_a_line_break_is_refused(member_a):
    person = UserFactory(email="eve@example.org\nBcc: spy@example.org")

    with pytest.raises(ValueError, match="cannot contain a line break"):
        queue_message(occasion=Occasion.STATE_CHANGE, about=member_a, recipient=person)


def test_an_unknown_occasion_is_refused(member_a, focal_point_a):
    with pytest.raises(ValueError):
        queue_message(occasion="birthday", about=member_a, recipient=focal_point_a)


def test_the_history_survives_the_recipients_removal(member_a, focal_point_a):
    message = queue_message(occasion=Occasion.STATE_CHANGE, about=member_a, recipient=focal_point_a)

    focal_point_a.delete()

    message.refresh_from_db()
    assert message.recipient is None
    assert message.recipient_email == "focal.a@example.org"
