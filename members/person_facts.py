"""What every request asks of a signed-in person: their roles, and whether
they have an authenticator app. Kept in the cache with the page cache's
generation (config.page_cache), so that any write to the database (a role
granted, an authenticator removed) has them read again from it."""

import logging

from django.core.cache import cache
from redis.exceptions import RedisError

from config import page_cache
from members import mfa
from members.roles import role_names

logger = logging.getLogger(__name__)
TIMEOUT = 10 * 60


def load_person_facts(user):
    """Sets the person's roles and second factor on `user` from the cache, or reads and keeps them."""
    key = f"person-facts:{user.pk}"
    try:
        found = cache.get_many([page_cache.GENERATION_KEY, key])
        current = found.get(page_cache.GENERATION_KEY) or page_cache.generation()
    except RedisError as error:
        logger.warning("Person facts cache unavailable: %r", error)
        return
    facts = found.get(key)
    if facts is not None and facts[0] == current:
        user._role_names = facts[1]
        if facts[2] is not None:
            user._has_authenticator_app = facts[2]
        return
    # Only staff are asked for an authenticator app (members.mfa).
    has_app = mfa.has_authenticator_app(user) if mfa.needs_second_factor(user) else None
    try:
        cache.set(key, (current, role_names(user), has_app), TIMEOUT)
    except RedisError as error:
        logger.warning("Person facts cache unavailable: %r", error)
