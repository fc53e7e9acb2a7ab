"""What every request asks of a signed-in person: their roles, and whether
they have an authenticator app. Kept in the cache with the page cache's
generation (config.page_cache), so that any write to the database (a role
granted, an authenticator removed) has them read again from it."""

import logging

from redis.exceptions import RedisError

from config import page_cache
from members import mfa
from members.roles import role_names

logger = logging.getLogger(__name__)


def load_person_facts(user):
    """Sets the person's roles and second factor on `user` from the cache, or reads and keeps them."""
    key = f"person-facts:{user.pk}"
    try:
        current, facts = page_cache.read_current(key)
    except RedisError as error:
        logger.warning("Person facts cache unavailable: %r", error)
        return
    if facts is not None:
        user._role_names, has_app = facts
        if has_app is not None:
            user._has_authenticator_app = has_app
        return
    # Only staff are asked for an authenticator app (members.mfa).
    has_app = mfa.has_authenticator_app(user) if mfa.needs_second_factor(user) else None
    page_cache.keep(key, current, (role_names(user), has_app))
