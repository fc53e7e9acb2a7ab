"""Issue 10.8: Secretariat admins read the audit log, filtered by member, lab and
person; nobody can add, change or delete an entry from the portal."""

import pytest
from django.urls import reverse

from members import audit
from members.models import AuditEntry
from tests.factories import UserFactory
from tests.labs.factories import LabFactory

LOG = reverse("audit_log")


@pytest.fixture
def log(db, member_a, member_b, secretariat_admin):
    """Three entries: about member A and lab SL1, about member B, by Paula."""
    lab = LabFactory(code="SL1")
    paula = UserFactory(email="paula@example.org", name="Paula Participant")
    AuditEntry.objects.all().delete()  # the cast's role grants
    audit.record(actor=secretariat_admin, action="proposal_decided", target=lab, member=member_a, detail="on A and SL1")
    audit.record(actor=secretariat_admin, action="link_request_refused", target=member_b, detail="on B")
    audit.record(actor=paula, action="invitation_accepted", target=None, detail="by Paula")
    return lab


def details(response):
    return [entry.detail for entry in response.context["page"].object_list]


def test_the_secretariat_reads_the_log_newest_first(client, log, secretariat_admin):
    client.force_login(secretariat_admin)

    response = client.get(LOG)

    assert response.status_code == 200
    assert details(response) == ["by Paula", "on B", "on A and SL1"]
    assert "Lab proposal decided" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("member", ["on A and SL1"]),
        ("lab", ["on A and SL1"]),
        ({"person": "paula@EXAMPLE"}, ["by Paula"]),
        ({"person": "Participant"}, ["by Paula"]),
        ({"action": "link_request_refused"}, ["on B"]),
    ],
)
def test_the_log_is_filtered_by_member_lab_person_and_action(client, log, secretariat_admin, member_a, query, expected):
    client.force_login(secretariat_admin)
    if query == "member":
        query = {"member": member_a.pk}
    elif query == "lab":
        query = {"lab": log.pk}

    assert details(client.get(LOG, query)) == expected


def test_a_filter_value_that_is_not_a_choice_shows_an_error_and_no_entries(client, log, secretariat_admin):
    client.force_login(secretariat_admin)

    response = client.get(LOG, {"member": "not-a-member"})

    assert response.status_code == 200
    assert details(response) == []
    assert "Select a valid choice." in response.content.decode()


@pytest.mark.parametrize("person", ["focal_point_a", "coordinator", "participant_a", "person_without_member"])
def test_nobody_else_reads_the_log(client, db, request, person):
    client.force_login(request.getfixturevalue(person))

    assert client.get(LOG).status_code == 403


def test_the_log_is_paginated_and_shown_escaped(client, secretariat_admin, member_a):
    for number in range(30):
        audit.record(actor=None, action="role_granted", target=member_a, detail=f"<b>entry {number}</b>")
    client.force_login(secretariat_admin)

    first, second = client.get(LOG), client.get(LOG, {"page": 2})

    assert len(first.context["page"].object_list) == 25
    assert second.context["page"].number == 2
    assert "&lt;b&gt;entry 0&lt;/b&gt;" in second.content.decode()
    assert "<b>entry" not in first.content.decode() + second.content.decode()


def test_the_number_of_queries_does_not_grow_with_entries(
    client, secretariat_admin, member_a, django_assert_max_num_queries
):
    lab = LabFactory(code="SL2")
    client.force_login(secretariat_admin)
    audit.record(actor=secretariat_admin, action="proposal_decided", target=lab, member=member_a)
    with django_assert_max_num_queries(8) as one:
        client.get(LOG)

    for number in range(24):
        person = UserFactory(email=f"p{number}@example.org")
        audit.record(actor=person, action="proposal_decided", target=person, member=member_a, lab=lab)
    with django_assert_max_num_queries(8) as many:
        client.get(LOG)

    assert len(many.captured_queries) == len(one.captured_queries)


@pytest.mark.parametrize("superuser", [False, True])
def test_the_administration_shows_entries_but_cannot_add_change_or_delete_them(
    client, log, secretariat_admin, superuser
):
    if superuser:
        secretariat_admin.is_superuser = True
        secretariat_admin.save(update_fields=["is_superuser"])
    entry = AuditEntry.objects.get(detail="on B")
    client.force_login(secretariat_admin)

    changelist = client.get(reverse("admin:members_auditentry_changelist"))
    change_page = client.get(reverse("admin:members_auditentry_change", args=[entry.pk]))
    forged_change = client.post(reverse("admin:members_auditentry_change", args=[entry.pk]), {"detail": "rewritten"})
    add = client.get(reverse("admin:members_auditentry_add"))
    delete = client.post(reverse("admin:members_auditentry_delete", args=[entry.pk]), {"post": "yes"})
    bulk_delete = client.post(
        reverse("admin:members_auditentry_changelist"),
        {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"},
    )

    assert changelist.status_code == change_page.status_code == 200
    assert 'name="_save"' not in change_page.content.decode()
    assert (forged_change.status_code, add.status_code, delete.status_code) == (403, 403, 403)
    assert bulk_delete.status_code in (200, 302)
    assert AuditEntry.objects.get(pk=entry.pk).detail == "on B"
    assert AuditEntry.objects.count() == 3
