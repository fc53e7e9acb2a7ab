"""Issue 10.5: hostile input on every public form (NUL bytes, very long strings,
right-to-left text, markup and script) never gives a server error: it is refused
with a message, or stored and shown escaped, in pages and in emails."""

import itertools
from urllib.parse import quote

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.html import escape
from hypothesis import given

from labs.models import Lab, LabProposal, Theme
from members.models import LinkRequest, User
from members.roles import Role
from tests.factories import UserFactory
from tests.labs.factories import LabFactory
from tests.members.factories import InvitationFactory
from tests.security.hostile import (
    EXAMPLES,
    SCRIPT,
    assert_mail_headers_clean,
    assert_refused_with_a_message,
    assert_safe,
    fresh_example,
    hostile,
)

NEW_PASSWORD = "green-metropolis-2024"
counter = itertools.count()


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@EXAMPLES
@given(email=hostile, password=hostile)
def test_sign_up(client, db, email, password):
    fresh_example(client)
    response = client.post(reverse("account_signup"), {"email": email, "password1": password, "password2": password})

    assert_safe(response)
    assert_mail_headers_clean()
    if response.status_code == 200:
        assert "error" in response.content.decode()
    assert not any("\x00" in email for email in User.objects.values_list("email", flat=True))


@EXAMPLES
@given(login=hostile, password=hostile)
def test_sign_in(client, db, login, password):
    fresh_example(client)
    response = client.post(reverse("account_login"), {"login": login, "password": password})

    assert_safe(response)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@EXAMPLES
@given(email=hostile)
def test_password_reset(client, db, email):
    fresh_example(client)
    response = client.post(reverse("account_reset_password"), {"email": email})

    assert_safe(response)
    assert_mail_headers_clean()


@EXAMPLES
@given(name=hostile, position=hostile)
def test_profile(client, participant_a, name, position):
    fresh_example()
    client.force_login(participant_a)
    data = {"name": name, "position": position, "department": "", "preferred_language": "en", "time_zone": "UTC"}

    response = client.post(reverse("members:profile"), data)

    assert_safe(response)
    if response.status_code == 200:
        assert_refused_with_a_message(response)
        return
    participant_a.refresh_from_db()
    assert (participant_a.name, participant_a.position) == (name.strip(), position.strip())
    page = client.get(reverse("members:profile"))
    assert_safe(page)
    assert escape(participant_a.name) in page.content.decode()


@EXAMPLES
@given(title=hostile, challenge=hostile, host=hostile)
def test_lab_proposal(client, focal_point_a, title, challenge, host):
    fresh_example()
    client.force_login(focal_point_a)
    theme = Theme.objects.get(slug="metropolitan-ecosystems")
    data = {"title": title, "themes": [theme.pk], "challenge": challenge, "proposed_host": host, "languages": ["en"]}

    response = client.post(reverse("labs:propose"), data)

    assert_safe(response)
    if response.status_code == 200:
        assert_refused_with_a_message(response)
        return
    proposal = LabProposal.objects.latest("pk")
    assert (proposal.title, proposal.challenge) == (title.strip(), challenge.strip())
    page = client.get(response.url)
    assert_safe(page)
    assert f"<h1>{escape(proposal.title)}</h1>" in page.content.decode()


@EXAMPLES
@given(message=hostile)
def test_ask_to_be_linked(client, person_without_member, secretariat_admin, member_a, message):
    fresh_example()
    LinkRequest.objects.all().delete()
    client.force_login(person_without_member)
    data = {"member": member_a.pk, "role": Role.PARTICIPANT, "message": message}

    response = client.post(reverse("members:ask_to_be_linked"), data)

    assert_safe(response)
    if response.status_code == 200:
        assert_refused_with_a_message(response)
        return
    link_request = LinkRequest.objects.get()
    assert link_request.message == message.strip()
    client.force_login(secretariat_admin)
    assert_safe(client.get(reverse("members:link_request_detail", args=[link_request.pk])))


@EXAMPLES
@given(name=hostile)
def test_accepting_an_invitation(client, member_a, name):
    fresh_example(client)
    email = f"invited{next(counter)}@example.org"
    invitation = InvitationFactory(email=email, member=member_a, role=Role.PARTICIPANT)
    data = {"name": name, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}

    response = client.post(reverse("members:accept_invitation", args=[invitation.token]), data)

    assert_safe(response)
    if response.status_code == 200:
        assert_refused_with_a_message(response)
        return
    assert User.objects.get(email=email).name == name.strip()
    assert_safe(client.get(reverse("members:profile")))


@EXAMPLES
@given(q=hostile, theme=hostile, language=hostile, travel=hostile, page=hostile, code=hostile)
def test_catalogue_search_and_filters(client, db, q, theme, language, travel, page, code):
    fresh_example()
    if not Lab.objects.filter(code="SL1").exists():
        LabFactory(code="SL1")
    query = {"q": q, "theme": theme, "language": language, "country": q, "travel": travel, "status": q, "page": page}

    assert_safe(client.get(reverse("labs:catalogue"), query))
    assert_safe(client.get(reverse("labs:lab", kwargs={"code": "SL1"}), {"q": q}))
    lab_page = client.get(reverse("labs:catalogue") + quote(code, safe="") + "/")
    assert lab_page.status_code < 500
    if "\x00" in code:
        assert lab_page.status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/labs/SL%001/",
        "/labs/?q=heat%00",
        "/labs/?%00=1",
        "/people/invitations/accept/abc%00def/",
        "/people/profile/%00",
    ],
)
def test_a_nul_byte_in_an_address_gets_the_400_page(client, participant_a, path):
    client.force_login(participant_a)

    response = client.get(path)

    assert response.status_code == 400
    assert "<h1>Bad request</h1>" in response.content.decode()


def test_a_newline_in_a_name_never_reaches_a_mail_header(client, member_a, django_capture_on_commit_callbacks):
    from members.services import invite_person

    person = UserFactory(email="ada@example.org")
    client.force_login(person)
    fields = {"preferred_language": "en", "time_zone": "UTC", "position": "", "department": ""}
    client.post(reverse("members:profile"), {**fields, "name": "Ada\r\nBcc: evil@example.org\r\nSubject: hi"})
    person.refresh_from_db()
    assert person.name == "Ada\r\nBcc: evil@example.org\r\nSubject: hi"  # stored as typed...
    member_a.name = "Member\r\nBcc: evil@example.org"
    member_a.save()
    client.logout()
    mail.outbox = []

    with django_capture_on_commit_callbacks(execute=True):
        invite_person(email="ada@example.org", member=member_a, role=Role.PARTICIPANT, language="en", invited_by=person)
    client.post(reverse("account_reset_password"), {"email": "ada@example.org"})

    # The outbox writes the name on one line, quoted: it never starts a header of its own.
    assert [message.to for message in mail.outbox] == [
        ['"Ada Bcc: evil@example.org Subject: hi" <ada@example.org>'],
        ["ada@example.org"],
    ]
    assert_mail_headers_clean()  # ...and never in a header


def test_markup_in_a_name_is_escaped_in_the_html_email(db, django_capture_on_commit_callbacks):
    from members.services import invite_person
    from tests.factories import MemberFactory

    member = MemberFactory(name=f"Metropolis {SCRIPT}")

    with django_capture_on_commit_callbacks(execute=True):
        invite_person(email="ines@example.org", member=member, role=Role.FOCAL_POINT, language="en", invited_by=None)

    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert SCRIPT not in html
    assert "Metropolis &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert f"Metropolis {SCRIPT}" in message.body  # the plain text is not HTML: shown as typed
