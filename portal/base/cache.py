"""Django's Redis cache, failing open: if Redis is down the site gets slower, not broken."""

import functools
import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# What each operation answers while Redis cannot be reached.
FALLBACKS = {
    "get": lambda *args, default=None, **kwargs: args[1] if len(args) > 1 else default,
    "add": lambda *args, **kwargs: False,
    "set": lambda *args, **kwargs: None,
    "touch": lambda *args, **kwargs: False,
    "delete": lambda *args, **kwargs: False,
    "get_many": lambda *args, **kwargs: {},
    "set_many": lambda *args, **kwargs: [],
    "delete_many": lambda *args, **kwargs: None,
    "has_key": lambda *args, **kwargs: False,
    "clear": lambda *args, **kwargs: None,
}


def fail_open(name, method):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except RedisError:
            logger.warning("Redis is unavailable (%s); carrying on without the cache.", name)
            return FALLBACKS[name](*args, **kwargs)

    return wrapper


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client builds a `redis.Redis` (and its table of ~80 reply parsers) for
    every operation; one per connection pool is enough, as `redis.Redis` is thread-safe."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient


for _name in FALLBACKS:
    setattr(ResilientRedisCache, _name, fail_open(_name, getattr(RedisCache, _name)))
