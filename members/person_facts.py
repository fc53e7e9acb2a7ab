"""What every request asks of a signed-in person: their row (with their
member), their roles, and whether they have an authenticator app. Kept in the
cache with the page cache's generation (config.page_cache), so that any write
to the database (a role granted, an authenticator removed, a password or a
time zone changed, an account deactivated) has them read again from it, and a
request while nothing was written runs no query for them."""

import logging

from redis.exceptions import RedisError

from config import page_cache
from members import mfa
from members.roles import role_names

logger = logging.getLogger(__name__)

FORMAT = 1  # of the kept values: a new format must not meet the old ones


def signed_in_person(user_id, read):
    """The person with that id, from the cache while nothing was written, or
    from `read(user_id)` (which may answer None), then kept with their facts."""
    key = f"person:{FORMAT}:{user_id}"
    try:
        current, person = page_cache.read_current(key)
    except RedisError as error:
        logger.warning("Person cache unavailable: %r", error)
        return read(user_id)
    if person is not None:
        return person
    person = read(user_id)
    if person is not None:
        role_names(person)
        # Only staff are asked for an authenticator app (members.mfa).
        if mfa.needs_second_factor(person):
            mfa.has_authenticator_app(person)
        page_cache.keep(key, current, person)
    return person
