"""Sessions read from the cache, kept in the database (config/sessions.py)."""

import pytest
from django.contrib.sessions.models import Session
from redis.exceptions import ConnectionError as RedisConnectionError

from config.sessions import SessionStore


@pytest.fixture
def saved(db):
    session = SessionStore()
    session["_auth_user_id"] = "7"
    session.create()
    return session.session_key


def refuse(*args, **kwargs):
    raise RedisConnectionError("Redis is down")


def test_a_session_is_read_from_the_cache(saved, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert SessionStore(saved)["_auth_user_id"] == "7"


def test_with_the_cache_down_a_session_is_read_from_the_database(saved, monkeypatch):
    store = SessionStore(saved)
    monkeypatch.setattr(store._cache, "get", refuse)
    monkeypatch.setattr(store._cache, "set", refuse)

    assert store["_auth_user_id"] == "7"


def test_with_the_cache_down_a_session_is_not_deleted_half(saved, monkeypatch):
    store = SessionStore(saved)
    monkeypatch.setattr(store._cache, "delete", refuse)

    with pytest.raises(RedisConnectionError):
        store.delete()

    assert Session.objects.filter(session_key=saved).exists()


def test_a_deleted_session_is_gone_from_both(saved):
    SessionStore(saved).delete()

    assert SessionStore(saved).load() == {}
    assert not Session.objects.filter(session_key=saved).exists()
