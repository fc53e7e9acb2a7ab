"""The Secretariat reads interests in the administration; nothing is changed there."""

import pytest
from django.urls import reverse

from tests.applications.factories import InterestFactory, NamedParticipantFactory, StateChangeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, secretariat_admin):
    client.force_login(secretariat_admin)
    return client


def test_the_secretariat_reads_an_interest_with_its_people_and_history(admin_client, member_a, lab):
    interest = InterestFactory(member=member_a, lab=lab, motivation="Because of the care system")
    NamedParticipantFactory(interest=interest, name="Laura Gómez")
    StateChangeFactory(interest=interest, reason="Submitted on time")

    listing = admin_client.get(reverse("admin:applications_interest_changelist"))
    page = admin_client.get(reverse("admin:applications_interest_change", args=[interest.pk]))

    assert listing.status_code == 200
    assert f'href="/admin/applications/interest/{interest.pk}/change/">Member A</a>' in listing.content.decode()
    content = page.content.decode()
    assert page.status_code == 200
    assert "Because of the care system" in content
    assert "Laura Gómez" in content
    assert "Submitted on time" in content
    assert 'name="_save"' not in content


def test_nothing_is_added_or_deleted_in_the_administration(admin_client, member_a, lab):
    interest = InterestFactory(member=member_a, lab=lab)

    added = admin_client.get(reverse("admin:applications_interest_add"))
    deleted = admin_client.post(reverse("admin:applications_interest_delete", args=[interest.pk]), {"post": "yes"})

    assert (added.status_code, deleted.status_code) == (403, 403)
    assert member_a.interests.count() == 1
