import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """These tests create many people; Argon2 itself is checked by tests/foundation."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
