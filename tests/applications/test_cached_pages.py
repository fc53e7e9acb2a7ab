"""Signed-in pages served whole from the cache (config.page_cache): each person
gets only their own, any write shows at once, and the per-response values (CSRF
token, CSP nonce) are fresh on every hit."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from redis.exceptions import ConnectionError as RedisConnectionError

from applications.enums import InterestState as S
from applications.models import Interest
from config import page_cache
from tests.applications.factories import InterestFactory
from tests.applications.test_pages import signed_in, text_of
from tests.events.factories import OnsiteSessionFactory, make_participant

DASHBOARD = reverse("applications:dashboard")


def rendered(response):
    """The templates Django rendered for the response: none when it came whole from the cache."""
    return [template.name for template in response.templates]


@pytest.fixture
def interest(member_a, lab):
    return InterestFactory(member=member_a, lab=lab, state=S.SUBMITTED)


def test_the_second_view_of_a_page_comes_whole_from_the_cache(client, focal_point_a, interest):
    signed_in(client, focal_point_a)

    first = client.get(DASHBOARD)
    again = client.get(DASHBOARD)

    assert "applications/dashboard.html" in rendered(first)
    assert rendered(again) == []
    assert text_of(again) == text_of(first)
    # The page made and the page kept are the same bytes, but for the per-response tokens.
    tokens = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]+|nonce="[^"]+"')
    assert tokens.sub(b"", again.content) == tokens.sub(b"", first.content)
    assert b"\n  " not in first.content  # no indentation


def test_a_bulk_update_shows_at_once(client, focal_point_a, interest):
    signed_in(client, focal_point_a)
    client.get(DASHBOARD)

    Interest.objects.filter(pk=interest.pk).update(state=S.IN_CONVERSATION)  # no save(), no signal

    assert "In conversation" in text_of(client.get(DASHBOARD))


def test_a_page_is_never_served_to_another_person(client, focal_point_a, colleague_a, interest):
    signed_in(client, focal_point_a).get(DASHBOARD)
    other = signed_in(Client(), colleague_a, language="en")

    response = other.get(DASHBOARD)

    assert "applications/dashboard.html" in rendered(response)
    assert f">{colleague_a.get_short_name()}</button>" in response.content.decode()


def test_languages_are_kept_apart(client, focal_point_a, interest):
    english = signed_in(client, focal_point_a).get(DASHBOARD)
    client.cookies["django_language"] = "fr"

    french = client.get(DASHBOARD)

    assert "Expressions of interest of" in text_of(english)
    assert "applications/dashboard.html" in rendered(french)
    assert "Manifestations d'intérêt de" in text_of(french)


def test_a_waiting_message_is_shown_once(client, focal_point_a, interest):
    signed_in(client, focal_point_a).get(DASHBOARD)
    withdraw = reverse("applications:withdraw", kwargs={"pk": interest.pk})

    client.post(withdraw, {"reason": "New priorities"})
    shown = client.get(DASHBOARD).content.decode()
    again = client.get(DASHBOARD).content.decode()

    assert "withdrawn" in shown.lower()
    assert 'role="alert"' in shown
    assert 'role="alert"' not in again


def test_a_new_minute_makes_the_page_again(client, focal_point_a, interest, monkeypatch):
    signed_in(client, focal_point_a).get(DASHBOARD)
    now = page_cache.time.time()
    monkeypatch.setattr(page_cache.time, "time", lambda: now + 60)

    assert "applications/dashboard.html" in rendered(client.get(DASHBOARD))


def test_a_hit_carries_a_fresh_nonce_and_a_working_csrf_token(focal_point_a, interest):
    client = Client(enforce_csrf_checks=True)
    signed_in(client, focal_point_a).get(DASHBOARD)

    hit = client.get(DASHBOARD)
    page = hit.content.decode()
    nonce = re.search(r'<script [^>]*nonce="([^"]+)"', page).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    switch = {"language": "es", "next": DASHBOARD, "csrfmiddlewaretoken": token}
    switched = client.post(reverse("switch_language"), switch)

    assert rendered(hit) == []
    assert f"'nonce-{nonce}'" in hit["Content-Security-Policy"]
    assert "@@" not in page
    assert switched.status_code == 302


def test_pages_are_served_when_the_cache_is_down(client, focal_point_a, interest, monkeypatch):
    def refuse(*args, **kwargs):
        raise RedisConnectionError("Redis is down")

    signed_in(client, focal_point_a).get(DASHBOARD)
    monkeypatch.setattr(page_cache.cache, "get_many", refuse)
    monkeypatch.setattr(page_cache.cache, "set", refuse)

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    assert "applications/dashboard.html" in rendered(response)


def test_the_calendar_feed_keeps_its_headers_from_the_cache(client, lab, django_assert_num_queries):
    from events import services

    person = make_participant(lab=lab)
    OnsiteSessionFactory(lab=lab, title="Bogotá workshop")
    feed = reverse("events:calendar_feed", kwargs={"token": services.reset_calendar_token(person=person).token})

    first = client.get(feed)
    with django_assert_num_queries(0):
        again = client.get(feed)

    assert "Bogotá workshop" in first.content.decode()
    assert again.content == first.content
    for header in ("Content-Type", "Content-Disposition"):
        assert again[header] == first[header]
    assert "no-store" in again["Cache-Control"]
