import io

from django.core.management import call_command

from members.enums import WorldRegion
from members.models import LinkRequest, Member, User


def test_the_demo_members_cover_every_world_region_with_their_income_group(db):
    call_command("load_demo", stdout=io.StringIO())

    assert Member.objects.count() == 31
    assert set(Member.objects.values_list("region", flat=True)) == set(WorldRegion.values)
    assert Member.objects.filter(income_group_year=2024).count() == 31
    assert Member.objects.get(name="Addis Ababa City Administration").income_group == "low"
    assert Member.objects.get(name="Seoul Metropolitan Government").income_group == "high"
    assert Member.objects.get(name="Bogotá").people.count() == 2


def test_loading_the_demo_twice_changes_nothing(db):
    call_command("load_demo", stdout=io.StringIO())
    members = list(Member.objects.order_by("pk").values())
    people = list(User.objects.order_by("pk").values_list("email", "member_id"))

    call_command("load_demo", stdout=io.StringIO())

    assert list(Member.objects.order_by("pk").values()) == members
    assert list(User.objects.order_by("pk").values_list("email", "member_id")) == people
    assert LinkRequest.objects.count() == 1
