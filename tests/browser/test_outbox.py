from playwright.sync_api import expect

from members.outbox.enums import MessageStatus
from members.roles import Role
from tests.factories import TEST_PASSWORD, UserFactory, totp_code
from tests.outbox.factories import MessageFactory


def test_the_secretariat_previews_a_message_in_a_sandbox_and_resends_it(page, transactional_db):
    UserFactory(email="admin@city.example", role=Role.SECRETARIAT, is_staff=True)
    message = MessageFactory(
        subject="Invitation to SL1",
        status=MessageStatus.FAILED,
        html_body='<script>document.title = "hijacked"</script><p id="greeting">Dear Ana</p>',
    )
    problems = []
    page.on("console", lambda entry: problems.append(entry.text) if entry.type == "error" else None)

    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("admin@city.example")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.locator("#main").get_by_role("button", name="Sign In").click()
    page.locator("input[name=code]").fill(totp_code())  # staff sign in with a second factor
    page.locator("#main").locator("button[type=submit]").first.click()
    navigation = page.get_by_role("navigation")
    navigation.get_by_role("button", name="Secretariat").click()
    navigation.get_by_role("link", name="Messages").click()
    page.get_by_role("link", name="Invitation to SL1").click()

    preview = page.frame_locator("iframe[title='The HTML version as sent']")
    expect(preview.locator("#greeting")).to_have_text("Dear Ana")
    expect(page).to_have_title("Invitation to SL1 · Solutions Labs")
    assert problems == [
        "Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed "
        "and the 'allow-scripts' permission is not set."
    ]
    page.get_by_role("button", name="Resend").click()
    expect(page.get_by_role("alert")).to_have_text("The message is queued to be sent again.")
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT  # tasks run eagerly in tests
