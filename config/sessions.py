"""Sessions kept in the database and read from the cache (Django's cached_db
engine), for a cache that may be down.

Reading a session falls back to the database when the cache cannot be
reached, and does not fail for want of putting it back. Deleting a session (at
sign-out, or when signing in gives it a new key) takes it out of the cache
before the database: if the cache cannot be reached, the request fails with
the 503 page and the session stays whole, rather than a signed-out session
staying readable from the cache.
"""

import logging

from django.contrib.sessions.backends import cached_db, db
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class SessionStore(cached_db.SessionStore):
    cache_key_prefix = "config.sessions."

    def load(self):
        try:
            data = self._cache.get(self.cache_key)
        except RedisError as error:
            logger.warning("Session cache unavailable: %r", error)
            data = None
        if data is not None:
            return data
        stored = self._get_session_from_db()
        if stored is None:
            return {}
        data = self.decode(stored.session_data)
        try:
            self._cache.set(self.cache_key, data, self.get_expiry_age(expiry=stored.expire_date))
        except RedisError as error:
            logger.warning("Session cache unavailable: %r", error)
        return data

    def exists(self, session_key):
        try:
            return super().exists(session_key)
        except RedisError:
            return db.SessionStore.exists(self, session_key)

    def delete(self, session_key=None):
        session_key = session_key or self.session_key
        if session_key is None:
            return
        self._cache.delete(self.cache_key_prefix + session_key)
        db.SessionStore.delete(self, session_key)
