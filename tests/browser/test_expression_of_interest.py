"""A focal point expresses interest in two labs from the catalogue, forgets an
answer, sees the error without losing the rest, submits, and finds both on
the member's dashboard."""

import re

from playwright.sync_api import expect

from members.roles import Role
from tests.applications.conftest import in_days
from tests.factories import TEST_PASSWORD, MemberFactory, UserFactory
from tests.labs.factories import LabFactory, SupportPackageFactory

ACKNOWLEDGEMENT = "We understand that an expression of interest neither commits the member nor ensures a place."


def fill_section(section, *, motivation, experience, person):
    section.get_by_label("Why is the member interested in this lab?").fill(motivation)
    section.get_by_label("What experience can the member share?").fill(experience)
    section.get_by_label("Yes").check()
    section.get_by_label("Name", exact=True).fill(person)
    section.get_by_label("Position").fill("Director")
    section.get_by_label("Department").fill("International relations")
    section.get_by_label("Email address").fill(f"{person.split()[0].lower()}@bogota.example")
    section.get_by_label("Working language").select_option("es")
    section.get_by_label(ACKNOWLEDGEMENT).check()


def test_a_focal_point_expresses_interest_in_two_labs(page, transactional_db):
    bogota = MemberFactory(name="Bogotá")
    UserFactory(email="felipe@bogota.example", name="Felipe Focal", member=bogota, role=Role.FOCAL_POINT)
    cohesion = LabFactory(code="SL6", title="Social Cohesion", interest_deadline=in_days(30))
    SupportPackageFactory(lab=cohesion)
    LabFactory(code="SL7", title="Housing")

    page.goto("/labs/SL6/")
    page.get_by_role("link", name="Express interest").click()
    page.get_by_label("Email").fill("felipe@bogota.example")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.locator("#main").get_by_role("button", name="Sign In").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Express interest in labs")
    expect(page.get_by_role("checkbox", name="SL6: Social Cohesion")).to_be_checked()
    page.get_by_role("checkbox", name="SL7: Housing").check()
    page.get_by_role("button", name="Show the questions for the ticked labs").click()

    cohesion_section = page.get_by_role("region", name="SL6: Social Cohesion")
    housing_section = page.get_by_role("region", name="SL7: Housing")
    fill_section(cohesion_section, motivation="Our care blocks", experience="Twenty blocks", person="Laura Gómez")
    cohesion_section.get_by_label("The member asks for travel support").check()
    fill_section(housing_section, motivation="Affordable housing", experience="", person="Pedro Pérez")
    expect(housing_section.get_by_text("No travel support: Metropolis facilitates the meetings")).to_be_visible()
    page.get_by_role("button", name="Submit").click()

    expect(page.get_by_role("alert").first).to_contain_text("Some answers need your attention")
    expect(housing_section.get_by_text("Describe the experience the member can share.")).to_be_visible()
    expect(cohesion_section.get_by_label("Why is the member interested in this lab?")).to_have_value("Our care blocks")
    expect(cohesion_section.get_by_label("The member asks for travel support")).to_be_checked()
    expect(housing_section.get_by_label("Why is the member interested in this lab?")).to_have_value(
        "Affordable housing"
    )
    expect(housing_section.get_by_label("Name", exact=True)).to_have_value("Pedro Pérez")
    housing_section.get_by_label("What experience can the member share?").fill("A public housing agency since 1990")
    page.get_by_role("button", name="Submit").click()

    expect(page).to_have_url(re.compile(r"/interests/$"))
    expect(page.get_by_role("alert")).to_contain_text("Your expression of interest in SL6 and SL7 has been submitted.")
    cards = page.locator("article")
    expect(cards).to_have_count(2)
    for title in ("SL6: Social Cohesion", "SL7: Housing"):
        card = cards.filter(has=page.get_by_role("heading", name=title))
        expect(card.locator(".badge")).to_have_text("Submitted")
