"""A coordinator marks two members not selected from the pipeline, invites a
pre-selected one from the cohort page; its focal point accepts, ticking every
commitment, and names a participant."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from applications.enums import InterestState as S
from members.roles import Role
from tests.applications.selection.factories import candidate
from tests.factories import TEST_PASSWORD, MemberFactory, UserFactory, totp_code
from tests.labs.factories import LabFactory, SupportPackageFactory


def sign_in(page, email, *, staff=False):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.locator("#main").get_by_role("button", name="Sign In").click()
    if staff:  # staff sign in with a second factor
        page.locator("input[name=code]").fill(totp_code())
        page.locator("#main").locator("button[type=submit]").first.click()


def test_a_coordinator_selects_and_a_focal_point_accepts(page, transactional_db, chromium, live_server):
    carla = UserFactory(email="carla@secretariat.example", name="Carla", role=Role.COORDINATOR)
    lab = LabFactory(code="SL6", title="Social Cohesion", target_cohort_size=4)
    lab.coordinators.add(carla)
    SupportPackageFactory(lab=lab, max_funded_members=1)
    candidate(lab, "Berlin")
    candidate(lab, "Quito", region="latin_america")
    bogota = candidate(lab, "Bogotá", state=S.PRESELECTED, region="latin_america", travel=True)
    UserFactory(email="felipe@bogota.example", name="Felipe", member=bogota.member, role=Role.FOCAL_POINT)
    MemberFactory(name="Unused")

    sign_in(page, "carla@secretariat.example", staff=True)
    page.get_by_role("link", name="Selection", exact=True).click()
    page.get_by_role("link", name="SL6: Social Cohesion").click()
    page.get_by_label("Tick Berlin").check()
    page.get_by_label("Tick Quito").check()
    page.get_by_label("New state").select_option("not_selected")
    page.get_by_role("button", name="Change their state").click()
    expect(page.get_by_text("This field is required.").or_(page.get_by_text("Say why these members"))).to_be_visible()
    page.get_by_label("Reason").fill("Enough members from these regions")
    page.get_by_role("button", name="Change their state").click()
    expect(page.get_by_role("alert")).to_have_text("2 members moved.")

    page.get_by_role("link", name="Compose the cohort").click()
    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    page.get_by_role("checkbox", name="Bogotá").check()
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    page.get_by_label("Answer by").fill(deadline.isoformat())
    page.get_by_role("button", name="Invite the ticked members").click()
    expect(page.get_by_role("alert").first).to_have_text("The invitation has gone to the focal points of 1 member.")
    expect(page.get_by_role("alert").last).to_contain_text("Nobody in the cohort comes from Europe")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.context.clear_cookies()
    sign_in(page, "felipe@bogota.example")
    page.get_by_role("link", name="Expressions of interest").first.click()
    page.get_by_role("link", name="Answer the invitation").click()
    for box in page.get_by_role("checkbox").all():
        box.check()
    page.get_by_role("button", name="Accept the invitation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Participants of Bogotá in SL6: Social Cohesion")
    page.get_by_label("Name", exact=True).fill("Laura Gómez")
    page.get_by_label("Email address").fill("laura@bogota.example")
    page.get_by_role("button", name="Name this participant").click()
    expect(page.get_by_role("alert")).to_have_text("Laura Gómez is named, and invited to the portal as a participant.")
