import os

import pytest
from django.test import override_settings
from django.urls import reverse


@pytest.mark.django_db
def test_healthz_answers_200_when_everything_is_reachable(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "broker": "ok"}}


@pytest.mark.django_db
@override_settings(CELERY_TASK_ALWAYS_EAGER=False, CELERY_BROKER_URL="redis://127.0.0.1:9/0")
def test_healthz_names_the_broker_when_it_is_down(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["broker"].startswith("unreachable")


@pytest.mark.django_db
def test_healthz_names_the_database_when_it_is_down(client, monkeypatch):
    monkeypatch.setattr("config.health.database_problem", lambda: "connection refused")

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unreachable: connection refused"


@pytest.mark.services
@pytest.mark.django_db
@pytest.mark.skipif(not os.environ.get("CELERY_BROKER_URL"), reason="needs the real Redis broker of CI")
def test_healthz_reaches_the_real_broker(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json()["checks"]["broker"] == "ok"
