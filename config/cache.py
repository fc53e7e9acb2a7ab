"""Django's Redis cache, keeping one client per connection pool.

Django builds a new redis-py client (with its table of response callbacks) on
every cache call, about 50 µs each; cached pages make one call per request, so
that is a sixth of a page served from the cache. redis-py clients are safe to
share between threads, and their pools notice a fork."""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusedClients(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            self._clients[index] = super().get_client(key, write=write)
        return self._clients[index]


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClients
