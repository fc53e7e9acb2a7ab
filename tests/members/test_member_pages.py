import pytest
from django.urls import reverse

from members import history
from members.enums import IncomeGroup, MembershipStatus, WorldRegion
from members.models import Member
from members.roles import Role
from tests.factories import MemberFactory, UserFactory
from tests.members.factories import InvitationFactory, LinkRequestFactory

LIST = reverse("members:member_list")


@pytest.fixture
def admin_client(client, secretariat_admin):
    client.force_login(secretariat_admin)
    return client


def listed(response):
    return [member.name for member in response.context["page"].object_list]


def test_the_list_filters_by_region_income_group_and_status(admin_client):
    MemberFactory(name="Dakar", region=WorldRegion.AFRICA, income_group=IncomeGroup.LOWER_MIDDLE)
    MemberFactory(
        name="Abidjan", region=WorldRegion.AFRICA, income_group=IncomeGroup.LOWER_MIDDLE, status=MembershipStatus.LAPSED
    )
    MemberFactory(name="Johannesburg", region=WorldRegion.AFRICA, income_group=IncomeGroup.UPPER_MIDDLE)
    MemberFactory(name="Berlin", region=WorldRegion.EUROPE, income_group=IncomeGroup.HIGH)

    assert listed(admin_client.get(LIST)) == ["Abidjan", "Berlin", "Dakar", "Johannesburg"]
    assert listed(admin_client.get(LIST, {"region": "africa"})) == ["Abidjan", "Dakar", "Johannesburg"]
    assert listed(admin_client.get(LIST, {"region": "africa", "income_group": "lower_middle"})) == [
        "Abidjan",
        "Dakar",
    ]
    assert listed(admin_client.get(LIST, {"region": "africa", "status": "lapsed"})) == ["Abidjan"]


def test_the_list_searches_names_and_country_codes(admin_client):
    MemberFactory(name="Metropolitan Area of Barcelona", country="ES")
    MemberFactory(name="Barcelona City Council", country="ES")
    MemberFactory(name="Berlin", country="DE")

    assert listed(admin_client.get(LIST, {"q": "barcelona"})) == [
        "Barcelona City Council",
        "Metropolitan Area of Barcelona",
    ]
    assert listed(admin_client.get(LIST, {"q": "de"})) == ["Berlin"]


def test_an_unknown_filter_value_is_reported_not_ignored(admin_client):
    MemberFactory(name="Berlin")

    response = admin_client.get(LIST, {"region": "atlantis"})

    assert list(response.context["filter"].form.errors) == ["region"]
    assert listed(response) == []


def test_the_list_is_paginated_and_keeps_the_filters(admin_client):
    for number in range(30):
        MemberFactory(name=f"Africa {number:02}", region=WorldRegion.AFRICA)
    MemberFactory(name="Berlin", region=WorldRegion.EUROPE)

    first = admin_client.get(LIST, {"region": "africa"})
    second = admin_client.get(LIST, {"region": "africa", "page": 2})

    assert len(listed(first)) == 25
    assert listed(second) == [f"Africa {number:02}" for number in range(25, 30)]
    assert "?region=africa&amp;page=2" in first.content.decode()


def test_the_list_costs_the_same_queries_for_one_or_many_members(admin_client, django_assert_max_num_queries):
    UserFactory(member=MemberFactory(name="First"))
    with django_assert_max_num_queries(10) as one:
        admin_client.get(LIST)

    for number in range(24):
        UserFactory(member=MemberFactory(name=f"Member {number}"))
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = admin_client.get(LIST)

    assert len(listed(response)) == 25
    assert [member.people_count for member in response.context["page"].object_list][:1] == [1]


def test_the_member_page_shows_its_people_requests_and_an_empty_history(admin_client, focal_point_a, member_a):
    participant = UserFactory(name="Paula Participant", member=member_a, role=Role.PARTICIPANT)
    UserFactory(name="Someone Elsewhere", member=MemberFactory(name="Member C"))
    InvitationFactory(email="invited@example.org", member=member_a)
    LinkRequestFactory(member=member_a, person=UserFactory(name="Nico Newcomer"))

    response = admin_client.get(reverse("members:member_detail", args=[member_a.pk]))

    assert set(response.context["people"]) == {focal_point_a, participant}
    page = response.content.decode()
    assert "Paula Participant" in page
    assert "Someone Elsewhere" not in page
    assert "invited@example.org" in page
    assert "Nico Newcomer" in page
    assert "No expressions of interest or participation in labs yet." in page


def test_the_member_page_shows_the_sections_other_apps_register(admin_client, member_a, monkeypatch):
    monkeypatch.setattr(history, "_sections", {})
    history.register_history_section(
        "interest",
        template_name="includes/pagination.html",
        get_context=lambda member, viewer: {"page": None} if member.name == "Member A" else None,
    )

    response = admin_client.get(reverse("members:member_detail", args=[member_a.pk]))

    assert response.context["history"] == [("includes/pagination.html", {"page": None})]
    assert "No expressions of interest or participation in labs yet." not in response.content.decode()


def test_the_member_page_costs_the_same_queries_for_one_or_many_people(
    admin_client, member_a, django_assert_max_num_queries
):
    UserFactory(member=member_a, role=Role.FOCAL_POINT)
    url = reverse("members:member_detail", args=[member_a.pk])
    with django_assert_max_num_queries(15) as one:
        admin_client.get(url)

    for _number in range(10):
        UserFactory(member=member_a, role=Role.PARTICIPANT)
    with django_assert_max_num_queries(len(one.captured_queries)):
        admin_client.get(url)


def test_a_focal_point_sees_their_own_member_but_not_another(client, focal_point_a, member_a, member_b):
    client.force_login(focal_point_a)

    own = client.get(reverse("members:member_detail", args=[member_a.pk]))
    other = client.get(reverse("members:member_detail", args=[member_b.pk]))

    assert own.status_code == 200
    assert "Edit" not in own.content.decode()
    assert other.status_code == 404


def test_the_secretariat_edits_a_member(admin_client, member_a):
    response = admin_client.post(
        reverse("members:member_edit", args=[member_a.pk]),
        {
            "name": "Member A renamed",
            "country": "SN",
            "region": "africa",
            "income_group": "lower_middle",
            "income_group_year": "2024",
            "status": "member",
            "kind": "metropolitan_authority",
            "time_zone": "Africa/Dakar",
        },
    )

    assert response.status_code == 302
    member_a.refresh_from_db()
    assert (member_a.name, member_a.country.code, member_a.income_group, member_a.kind) == (
        "Member A renamed",
        "SN",
        "lower_middle",
        "metropolitan_authority",
    )


def test_a_bad_edit_is_refused_at_the_field_and_keeps_what_was_typed(admin_client, member_a, member_b):
    response = admin_client.post(
        reverse("members:member_edit", args=[member_a.pk]),
        {
            "name": "Member B",
            "country": "FR",
            "region": "europe",
            "income_group": "high",
            "income_group_year": "1850",
            "status": "member",
            "kind": "city",
            "time_zone": "Europe/Paris",
        },
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["name"] == ["Member with this Name already exists."]
    assert errors["income_group_year"][0].startswith("Give a year between 1987 and ")
    assert 'value="1850"' in response.content.decode()
    member_a.refresh_from_db()
    assert member_a.name == "Member A"


def test_the_secretariat_adds_a_member(admin_client):
    response = admin_client.post(
        reverse("members:member_create"),
        {
            "name": "Montevideo",
            "country": "UY",
            "region": "latin_america",
            "income_group": "high",
            "income_group_year": "2024",
            "status": "member",
            "kind": "city",
            "time_zone": "America/Montevideo",
        },
    )

    member = Member.objects.get(name="Montevideo")
    assert response.url == reverse("members:member_detail", args=[member.pk])


def test_a_focal_point_cannot_edit_even_their_own_member(client, focal_point_a, member_a):
    client.force_login(focal_point_a)

    response = client.post(reverse("members:member_edit", args=[member_a.pk]), {"name": "Hijacked"})

    assert response.status_code == 403
    member_a.refresh_from_db()
    assert member_a.name == "Member A"


def test_the_navigation_offers_each_role_its_pages(client, secretariat_admin, focal_point_a, person_without_member):
    client.force_login(secretariat_admin)
    page = client.get(reverse("home")).content.decode()
    assert reverse("members:member_list") in page
    assert reverse("members:invitation_list") in page

    client.force_login(focal_point_a)
    page = client.get(reverse("home")).content.decode()
    assert reverse("members:member_detail", args=[focal_point_a.member_id]) in page
    assert f'href="{reverse("members:member_list")}"' not in page
    assert reverse("members:link_request_list") in page

    client.force_login(person_without_member)
    page = client.get(reverse("home")).content.decode()
    assert reverse("members:ask_to_be_linked") in page
    assert reverse("members:link_request_list") not in page
