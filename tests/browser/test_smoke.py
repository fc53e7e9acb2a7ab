import re

from playwright.sync_api import expect

from tests.factories import TEST_PASSWORD, UserFactory


def test_home_page_language_switch_and_sign_in(page, transactional_db):
    UserFactory(email="officer@city.example", name="Olga Officer")

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Solutions Labs")

    page.get_by_role("button", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    navigation = page.get_by_role("navigation")
    expect(navigation.get_by_role("link", name="Se connecter")).to_be_visible()

    navigation.get_by_role("link", name="Se connecter").click()
    page.get_by_label("Courriel").fill("officer@city.example")
    page.get_by_label("Mot de passe").fill(TEST_PASSWORD)
    page.locator("#main").get_by_role("button", name="Connexion").click()

    expect(page).to_have_url(re.compile(r"/$"))
    page.get_by_role("button", name="Olga").click()  # the account menu, under the person's first name
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()
