import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from applications.enums import InterestState as S
from applications.models import Conversation, Interest
from applications.selection.conversations import due_follow_ups

pytestmark = pytest.mark.django_db


def test_the_demo_has_interests_and_loading_it_again_changes_nothing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=io.StringIO())
    first = sorted(Interest.objects.values_list("member__name", "lab__code", "state"))

    call_command("load_demo", stdout=io.StringIO())

    assert first == [
        ("Bogotá", "SL3", S.DRAFT),
        ("Bogotá", "SL6", S.PRESELECTED),  # the demo selection (applications.selection.demo)
        ("Bogotá", "SL9", S.ACCEPTED),  # events.demo: Bogotá takes part in SL9
        ("City of Dakar", "SL6", S.IN_CONVERSATION),
    ]
    assert Conversation.objects.count() == 2
    assert [
        c.interest.member.name for c in due_follow_ups(interests=Interest.objects.all(), today=timezone.localdate())
    ] == ["City of Dakar"]
    assert sorted(Interest.objects.values_list("member__name", "lab__code", "state")) == first
