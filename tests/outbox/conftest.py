import pytest

from tests.outbox.backends import ScriptedBackend


@pytest.fixture
def mail_server(settings, monkeypatch):
    """The mail server as seen by Django: give it errors to raise, in order."""
    settings.EMAIL_BACKEND = "tests.outbox.backends.ScriptedBackend"
    monkeypatch.setattr(ScriptedBackend, "script", [])
    return ScriptedBackend


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Every factory-made recipient gets a password: hashing it with Argon2 would dominate these tests."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
