"""Issue 10.7: with Redis (broker or cache) down, signing in still works or the
request fails with a clear 503 page in the layout, never a stack trace."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from config.celery import app as celery_app
from tests.factories import TEST_PASSWORD, UserFactory

UNREACHABLE_REDIS = "redis://127.0.0.1:9/0"  # nothing listens on the discard port
REDIS_CACHE_DOWN = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": UNREACHABLE_REDIS}
}


@pytest.fixture
def broker_down(monkeypatch):
    """Celery publishes to a broker that refuses connections (not eagerly). Celery
    reads CELERY_BROKER_URL from the environment before its configuration."""
    monkeypatch.setenv("CELERY_BROKER_URL", UNREACHABLE_REDIS)
    monkeypatch.setitem(celery_app.conf, "task_always_eager", False)
    monkeypatch.setitem(celery_app.conf, "broker_url", UNREACHABLE_REDIS)
    # New connection pools for the unreachable broker; the real ones come back
    # afterwards untouched, so later tests still reach the real broker.
    monkeypatch.setattr(celery_app, "_pool", None)
    monkeypatch.setattr(celery_app.amqp, "_producer_pool", None)
    yield


@pytest.fixture
def person(db):
    return UserFactory(email="officer@city.example", name="Olga Officer")


def assert_is_the_503_page(response):
    content = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert "<h1>Temporarily unavailable</h1>" in content
    assert 'aria-label="Main navigation"' in content  # in the layout
    assert "Traceback" not in content
    assert "Error 111" not in content  # the cause is logged, not shown


def test_signing_in_works_with_the_broker_down(client, person, broker_down):
    response = client.post(reverse("account_login"), {"login": "officer@city.example", "password": TEST_PASSWORD})

    assert (response.status_code, response.url) == (302, reverse("home"))
    assert client.session["_auth_user_id"] == str(person.pk)
    assert client.get(reverse("members:profile")).status_code == 200


@pytest.mark.urls("tests.security.fault_urls")
def test_a_request_that_needs_the_broker_gets_the_503_page(client, person, broker_down):
    client.force_login(person)

    response = client.get("/test/queue/")

    assert_is_the_503_page(response)
    assert "Sign out" in response.content.decode()  # the person is still signed in


@pytest.mark.urls("tests.security.fault_urls")
@override_settings(CACHES=REDIS_CACHE_DOWN)
def test_a_request_that_needs_the_redis_cache_gets_the_503_page(client, db):
    assert_is_the_503_page(client.get("/test/cache/"))


@override_settings(CACHES=REDIS_CACHE_DOWN)
def test_signing_in_with_the_rate_limit_cache_down_gets_the_503_page(client, person):
    response = client.post(reverse("account_login"), {"login": "officer@city.example", "password": TEST_PASSWORD})

    assert_is_the_503_page(response)
    assert "_auth_user_id" not in client.session


@pytest.mark.urls("tests.security.fault_urls")
def test_other_errors_still_get_the_500_page(db):
    client = Client(raise_request_exception=False)

    response = client.get("/test/bug/")

    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in response.content.decode()


def test_healthz_names_the_broker_when_it_is_down(client, db, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = UNREACHABLE_REDIS

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["checks"]["broker"].startswith("unreachable: ")
