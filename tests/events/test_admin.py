"""The administration: sessions are edited there (a change is a new revision);
travel support is only read there."""

from django.urls import reverse

from events.models import Session
from tests.events.factories import OnsiteSessionFactory, SessionFactory
from tests.events.support_helpers import offer


def test_changing_a_session_in_the_administration_makes_a_new_revision(client, lab, secretariat_admin):
    session = SessionFactory(lab=lab, title="Before")
    client.force_login(secretariat_admin)
    url = reverse("admin:events_session_change", args=[session.pk])
    data = {
        "lab": lab.pk,
        "kind": "online",
        "title": "After",
        "description": "",
        "starts_at_0": "2030-03-10",
        "starts_at_1": "14:00:00",
        "ends_at_0": "2030-03-10",
        "ends_at_1": "15:30:00",
        "time_zone": "UTC",
        "video_link": "https://meet.example.org/lab",
        "venue": "",
        "city": "",
        "country": "",
        "language": "en",
        "interpretation_language": "",
        "workshop": "",
    }

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    session.refresh_from_db()
    assert (session.title, session.sequence) == ("After", 1)


def test_travel_support_is_read_not_changed_in_the_administration(
    client, lab, laura, lab_coordinator, secretariat_admin
):
    support = offer(laura, OnsiteSessionFactory(lab=lab), lab_coordinator)
    client.force_login(secretariat_admin)

    page = client.get(reverse("admin:events_travelsupport_change", args=[support.pk]))

    assert page.status_code == 200
    assert page.context["has_change_permission"] is False
    assert (
        client.post(reverse("admin:events_travelsupport_delete", args=[support.pk]), {"post": "yes"}).status_code == 403
    )
    assert Session.objects.count() == 1
