import io

import pytest
from django.core.management import call_command

from events.enums import SupportStatus
from events.models import LabDocument, Session, TravelSupport
from events.selectors import participants_of
from labs.models import Lab
from members.outbox.enums import Occasion
from members.outbox.models import Message

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "sessions": sorted(Session.objects.values_list("lab__code", "title", "kind", "starts_at", "workshop__city")),
        "support": sorted(TravelSupport.objects.values_list("participant__email", "session__title", "status")),
        "documents": LabDocument.objects.count(),
        "welcomes": Message.objects.filter(occasion=Occasion.PARTICIPANT_WELCOME).count(),
    }


def test_the_demo_has_a_running_lab_and_loading_it_again_changes_nothing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=io.StringIO())
    first = snapshot()

    call_command("load_demo", stdout=io.StringIO())

    assert snapshot() == first
    assert [title for _code, title, _kind, _starts, _city in first["sessions"]] == [
        "Kick-off: care at the centre of planning",
        "Online discussion: caregivers' time and income",
        "Online discussion: pilot projects",
        "Onsite meeting in Dakar",
        "Onsite meeting in Istanbul",
    ]
    assert [city for *_rest, city in first["sessions"] if city] == ["Istanbul"]  # the African city is not chosen yet
    assert first["support"] == [("participant@bogota.example", "Onsite meeting in Istanbul", SupportStatus.OFFERED)]
    assert (first["documents"], first["welcomes"]) == (1, 1)
    assert [person.email for person in participants_of(Lab.objects.get(code="SL9"))] == ["participant@bogota.example"]
