import io
import re

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import path, reverse

from config import urls as project_urls
from members.models import User
from tests.factories import UserFactory


@pytest.mark.django_db
def test_every_page_offers_the_three_languages(client):
    page = client.get(reverse("home")).content.decode()

    assert 'action="/language/"' in page
    for code, name in [("en", "English"), ("fr", "Français"), ("es", "Español")]:
        assert f'value="{code}" lang="{code}"' in page
        assert name in page


@pytest.mark.django_db
def test_switching_language_changes_the_page_and_is_remembered(client):
    response = client.post(reverse("switch_language"), {"language": "fr", "next": "/"})

    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    page = client.get(reverse("home"))
    assert page["Content-Language"] == "fr"
    assert '<html lang="fr">' in page.content.decode()
    assert "Se connecter" in page.content.decode()

    client.post(reverse("switch_language"), {"language": "es", "next": "/"})
    assert "Iniciar sesión" in client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_a_signed_in_persons_language_choice_is_saved_on_their_profile(client):
    person = UserFactory(preferred_language="en")
    client.force_login(person)

    client.post(reverse("switch_language"), {"language": "es", "next": "/"})

    person.refresh_from_db()
    assert person.preferred_language == "es"


@pytest.mark.django_db
def test_a_persons_preferred_language_applies_without_a_cookie(client):
    client.force_login(UserFactory(preferred_language="fr"))

    response = client.get(reverse("home"))

    assert response["Content-Language"] == "fr"


@pytest.mark.django_db
def test_the_language_switch_refuses_get_and_changes_nothing(client):
    response = client.get(reverse("switch_language"), {"language": "fr"})

    assert response.status_code == 405
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


@pytest.mark.django_db
def test_times_show_in_the_viewers_time_zone(client):
    anonymous = client.get(reverse("home")).content.decode()
    assert "Times are shown in UTC." in anonymous

    client.force_login(UserFactory(time_zone="America/Bogota"))
    assert "Times are shown in America/Bogota." in client.get(reverse("home")).content.decode()


@pytest.mark.django_db
def test_a_person_edits_their_own_details(client):
    person = UserFactory(name="Old Name")
    client.force_login(person)

    response = client.post(
        reverse("members:profile"),
        {
            "name": "Amina Diallo",
            "position": "Head of international relations",
            "department": "Mayor's office",
            "preferred_language": "fr",
            "time_zone": "Africa/Dakar",
            "gender": "",
        },
    )

    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.name, person.time_zone, person.preferred_language) == ("Amina Diallo", "Africa/Dakar", "fr")


@pytest.mark.django_db
def test_an_unknown_time_zone_is_refused_and_the_rest_is_kept(client):
    person = UserFactory(name="Old Name")
    client.force_login(person)

    response = client.post(
        reverse("members:profile"),
        {"name": "Typed Name", "preferred_language": "en", "time_zone": "Mars/Olympus", "gender": ""},
    )

    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
    assert 'value="Typed Name"' in response.content.decode()
    person.refresh_from_db()
    assert person.name == "Old Name"


@pytest.mark.django_db
def test_the_profile_page_needs_a_sign_in(client):
    response = client.get(reverse("members:profile"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.django_db
def test_an_unknown_url_gives_the_404_page_in_the_layout(client):
    response = client.get("/no/such/page/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page
    assert 'action="/language/"' in page


@pytest.mark.django_db
def test_a_server_error_gives_the_500_page_in_the_layout(client, monkeypatch):
    def explode(request):
        raise RuntimeError("boom")

    monkeypatch.setattr("config.views.render", lambda *a, **k: explode(None))
    client.raise_request_exception = False

    response = client.get(reverse("home"))

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert "boom" not in response.content.decode()


@pytest.mark.django_db
@override_settings(DEBUG=False)
def test_pages_carry_a_csp_with_a_nonce_and_no_inline_scripts(client):
    response = client.get(reverse("home"))

    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy).group(1)
    assert "'unsafe-inline'" not in script_src
    nonce = re.search(r"'nonce-([^']+)'", script_src).group(1)
    assert f'nonce="{nonce}"' in response.content.decode()
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_navigation_shows_the_administration_only_to_the_secretariat(client, secretariat_admin, focal_point_a):
    client.force_login(focal_point_a)
    assert "Secretariat administration" not in client.get(reverse("home")).content.decode()

    client.force_login(secretariat_admin)
    assert "Secretariat administration" in client.get(reverse("home")).content.decode()


def test_demo_data_loads_twice_without_duplicates(db):
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())
    first = User.objects.count()
    call_command("load_demo", stdout=io.StringIO())

    assert User.objects.count() == first
    assert User.objects.get(email="admin@solutionslabs.example").check_password("solutions-labs-demo")


def refuse(request):
    from django.core.exceptions import PermissionDenied

    raise PermissionDenied


urlpatterns = [path("refused/", refuse), *project_urls.urlpatterns]


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_refusal_gives_the_403_page_in_the_layout(client):
    response = client.get("/refused/")

    assert response.status_code == 403
    assert "Access refused" in response.content.decode()
    assert 'action="/language/"' in response.content.decode()


@pytest.mark.django_db
def test_list_filters_offer_all_rather_than_dashes(client, secretariat_admin):
    client.force_login(secretariat_admin)
    client.cookies["django_language"] = "es"

    page = client.get(reverse("members:member_list")).content.decode()

    assert '<option value="" selected>Todos</option>' in page
    assert "---------" not in page
