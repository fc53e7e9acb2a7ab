import pytest
from django.urls import reverse

from tests.a11y import accessibility_problems, assert_accessible

PUBLIC_PAGES = ["home", "account_login", "account_signup", "account_reset_password"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC_PAGES)
@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_public_pages_are_accessible(client, name, language):
    client.cookies["django_language"] = language

    assert_accessible(client.get(reverse(name)))


@pytest.mark.django_db
def test_the_profile_page_is_accessible(client, focal_point_a):
    client.force_login(focal_point_a)

    assert_accessible(client.get(reverse("members:profile")))


@pytest.mark.django_db
def test_the_404_page_is_accessible(client):
    assert_accessible(client.get("/no/such/page/"))


def test_the_checker_finds_what_is_missing():
    html = '<html><body><h1>A</h1><h1>B</h1><input name="q"><img src="x.png"><button></button></body></html>'

    assert accessibility_problems(html) == [
        "the <html> element has no lang",
        "2 h1 headings instead of one",
        "<input name='q'> has no label",
        "<img src='x.png'> has no alt text",
        "<button {}> has no accessible name",
    ]
