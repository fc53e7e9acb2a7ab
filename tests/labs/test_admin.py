"""The Secretariat manages editions and labs in the admin, with inlines."""

import pytest
from django.urls import reverse

from labs.models import Lab
from tests.factories import UserFactory
from tests.labs.factories import EditionFactory, LabFactory, SupportPackageFactory

pytestmark = pytest.mark.django_db
ADD_LAB = reverse("admin:labs_lab_add")


def lab_form(edition, **package):
    """What the admin's add-lab form posts: the lab, one key question, one workshop, the package."""
    data = {
        "edition": edition.pk,
        "code": "SL12",
        "position": 12,
        "title": "Heat Resilience",
        "status": "open",
        "themes": ["1"],
        "working_languages": ["en"],
        "summary": "Cities compare heat plans.",
        "target_participants": "Climate officers.",
        "number_of_online_discussions": 3,
        "commitment": "Take part.",
        "estimated_timeline": "2025.",
        "participants_per_member": 3,
        "key_questions-TOTAL_FORMS": 1,
        "key_questions-INITIAL_FORMS": 0,
        "key_questions-0-position": 1,
        "key_questions-0-text": "How do cities cool down?",
        "workshops-TOTAL_FORMS": 1,
        "workshops-INITIAL_FORMS": 0,
        "workshops-0-position": 1,
        "workshops-0-kind": "workshop",
        "workshops-0-city": "Seville",
        "workshops-0-country": "ES",
        "workshops-0-period": "June 2025",
        "support_package-TOTAL_FORMS": 1,
        "support_package-INITIAL_FORMS": 0,
        "support_package-0-representatives_per_member": 1,
        "support_package-0-accommodation_nights": 0,
        "support_package-0-cap_scope": "whole_package",
    }
    data.update({f"support_package-0-{field}": value for field, value in package.items()})
    return data


def test_the_secretariat_adds_a_lab_with_its_questions_workshops_and_package(client, secretariat_admin):
    client.force_login(secretariat_admin)
    edition = EditionFactory()

    response = client.post(
        ADD_LAB,
        lab_form(
            edition,
            has_travel_support="on",
            airfare="on",
            accommodation_nights=3,
            max_funded_members=4,
            eligible_income_groups=["low", "lower_middle"],
        ),
    )

    assert response.status_code == 302
    lab = Lab.objects.get(code="SL12")
    assert list(lab.key_questions.values_list("text", flat=True)) == ["How do cities cool down?"]
    assert lab.participants_per_member == 3
    assert lab.workshops.get().city == "Seville"
    package = lab.support_package
    assert (package.airfare, package.accommodation_nights, package.max_funded_members) == (True, 3, 4)
    assert package.eligible_income_groups == ["low", "lower_middle"]


def test_the_admin_refuses_a_cap_with_nothing_funded_and_saves_nothing(client, secretariat_admin):
    client.force_login(secretariat_admin)

    response = client.post(ADD_LAB, lab_form(EditionFactory(), has_travel_support="on", max_funded_members=8))

    assert response.status_code == 200
    assert "A cap on funded members needs at least one funded item." in response.content.decode()
    assert Lab.objects.count() == 0


def test_the_secretariat_sees_the_labs_and_editions(client, secretariat_admin):
    LabFactory(code="SL1", title="Energy Communities")
    client.force_login(secretariat_admin)

    assert "Energy Communities" in client.get(reverse("admin:labs_lab_changelist")).content.decode()
    assert client.get(reverse("admin:labs_edition_changelist")).status_code == 200
    assert client.get(ADD_LAB).status_code == 200


def test_people_outside_the_secretariat_cannot_use_the_catalogue_admin(client, coordinator):
    lab = LabFactory()
    client.force_login(coordinator)
    assert client.get(reverse("admin:labs_lab_changelist")).status_code == 302

    client.force_login(UserFactory(is_staff=True))
    assert client.get(reverse("admin:labs_lab_changelist")).status_code == 403
    assert client.get(reverse("admin:labs_lab_change", args=[lab.pk])).status_code == 403


def test_the_change_page_shows_the_package_with_its_income_groups_ticked(client, secretariat_admin):
    package = SupportPackageFactory(max_funded_members=6, eligible_income_groups=["low", "upper_middle"])
    client.force_login(secretariat_admin)

    page = client.get(reverse("admin:labs_lab_change", args=[package.lab.pk])).content.decode()

    assert 'value="low"' in page
    assert page.count('name="support_package-0-eligible_income_groups"') == 4
    assert len([line for line in page.splitlines() if "eligible_income_groups" in line and "checked" in line]) == 2
