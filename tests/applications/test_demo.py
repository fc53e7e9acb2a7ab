import io

import pytest
from django.core.management import call_command

from applications.enums import InterestState as S
from applications.models import Interest

pytestmark = pytest.mark.django_db


def test_the_demo_has_interests_and_loading_it_again_changes_nothing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=io.StringIO())
    first = sorted(Interest.objects.values_list("member__name", "lab__code", "state"))

    call_command("load_demo", stdout=io.StringIO())

    assert first == [
        ("Bogotá", "SL3", S.DRAFT),
        ("Bogotá", "SL6", S.SUBMITTED),
        ("Bogotá", "SL9", S.ACCEPTED),  # events.demo: Bogotá takes part in SL9
        ("City of Dakar", "SL6", S.SUBMITTED),
    ]
    assert sorted(Interest.objects.values_list("member__name", "lab__code", "state")) == first
