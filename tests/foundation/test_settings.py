"""Settings fall back to the embedded defaults and follow the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]

PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
from config.celery import app
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "name": str(settings.DATABASES["default"]["NAME"]),
    "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "broker": app.conf.broker_url,
    "email_backend": settings.EMAIL_BACKEND,
    "email_path": str(getattr(settings, "EMAIL_FILE_PATH", "")),
    "debug": settings.DEBUG,
    "site_url": settings.SITE_URL,
    "hsts": settings.SECURE_HSTS_SECONDS,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
    "session_secure": settings.SESSION_COOKIE_SECURE,
}))
"""


def settings_with(**environ):
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "config.settings", **environ}
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS], env=env, cwd=BASE_DIR, capture_output=True, text=True, check=False
    )
    return result


def test_no_environment_gives_sqlite_eager_tasks_and_mail_in_files():
    result = settings_with()

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(BASE_DIR / "var" / "db.sqlite3")
    assert values["eager"] is True
    assert values["email_backend"] == "django.core.mail.backends.filebased.EmailBackend"
    assert values["email_path"] == str(BASE_DIR / "var" / "mail")
    assert values["debug"] is True
    assert values["site_url"] == "http://localhost:8000"


def test_database_and_broker_urls_switch_to_postgresql_and_a_real_worker():
    result = settings_with(
        DATABASE_URL="postgres://portal:secret@db.internal:5432/labs",
        CELERY_BROKER_URL="redis://queue.internal:6379/0",
        EMAIL_HOST="smtp.internal",
    )

    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "labs"
    assert values["eager"] is False
    assert values["broker"] == "redis://queue.internal:6379/0"
    assert values["email_backend"] == "django.core.mail.backends.smtp.EmailBackend"


def test_redis_url_is_used_as_the_broker_when_no_broker_url_is_given():
    values = json.loads(settings_with(REDIS_URL="redis://cache.internal:6379/1").stdout)

    assert values["eager"] is False
    assert values["broker"] == "redis://cache.internal:6379/1"


def test_production_refuses_to_start_without_a_secret_key():
    result = settings_with(DEBUG="false")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_malformed_boolean_is_refused_with_its_name():
    result = settings_with(DEBUG="maybe")

    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_production_settings_are_strict_by_default():
    values = json.loads(settings_with(DEBUG="false", SECRET_KEY="x" * 60).stdout)

    assert values["hsts"] == 31536000
    assert values["ssl_redirect"] is True
    assert values["session_secure"] is True


def test_deploy_checks_pass_with_production_values():
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "false",
        "SECRET_KEY": "k3y-" + "z8Q!p" * 12,
        "ALLOWED_HOSTS": "labs.example.org",
        "SITE_URL": "https://labs.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_ssl_redirect_can_be_turned_off_behind_a_tls_proxy_without_deploy_warnings():
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "false",
        "SECRET_KEY": "k3y-" + "z8Q!p" * 12,
        "ALLOWED_HOSTS": "labs.example.org",
        "SECURE_SSL_REDIRECT": "false",
        "BEHIND_TLS_PROXY": "true",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
