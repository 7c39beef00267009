"""The cache backends: Django's Redis cache, failing open (if Redis is down the site gets
slower, not broken, and a request does not wait on it), and a process's own memory,
bounded in bytes."""

import functools
import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError, RedisError, TimeoutError

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

# Once Redis could not be reached (refused, or no answer within the socket timeouts of
# the cache's OPTIONS), every process leaves it alone this long: a request makes one
# attempt at most, not one per cache call. redis-py has no such breaker of its own.
RETRY_AFTER_SECONDS = 2

# Redis server (its URLs) -> the time.monotonic() until which it is taken to be down.
down_until = {}


def fail_open(name, method):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if time.monotonic() < down_until.get(self.servers, 0):
            return FALLBACKS[name](*args, **kwargs)
        try:
            return method(self, *args, **kwargs)
        except (ConnectionError, TimeoutError):
            logger.warning(
                "Redis is unreachable (%s); carrying on without it for %s s.",
                name,
                RETRY_AFTER_SECONDS,
            )
            down_until[self.servers] = time.monotonic() + RETRY_AFTER_SECONDS
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
        self.servers = tuple(self._servers)


for _name in FALLBACKS:
    setattr(ResilientRedisCache, _name, fail_open(_name, getattr(RedisCache, _name)))


# Bytes held by each bounded cache (by its LOCATION): key -> size, and their total.
held = {}


class BoundedLocMemCache(LocMemCache):
    """Django's local-memory cache, holding at most `OPTIONS["MAX_BYTES"]` of pickled
    values and keys (least recently used go first) besides `MAX_ENTRIES`; a value larger
    than `MAX_ENTRY_BYTES` is not kept. A process's own copies of pages and fragments
    (`caches["local"]`) can then never take more memory than the operator allowed."""

    def __init__(self, name, params):
        super().__init__(name, params)
        options = params.get("OPTIONS", {})
        self.max_bytes = int(options.get("MAX_BYTES", 64 * 2**20))
        self.max_entry_bytes = int(options.get("MAX_ENTRY_BYTES", 2**20))
        self.sizes = held.setdefault(name, {"total": 0, "of": {}})

    @property
    def bytes_held(self):
        return self.sizes["total"]

    def _set(self, key, value, timeout=DEFAULT_TIMEOUT):
        self._delete(key)
        size = len(key) + len(value)
        if size > self.max_entry_bytes:
            return
        while self._cache and self.sizes["total"] + size > self.max_bytes:
            self._delete(next(reversed(self._cache)))  # the least recently used
        super()._set(key, value, timeout)
        self.sizes["of"][key] = size
        self.sizes["total"] += size

    def _delete(self, key):
        size = self.sizes["of"].pop(key, 0)
        self.sizes["total"] -= size
        return super()._delete(key)

    def _cull(self):
        if self._cull_frequency == 0:
            self._cache.clear()
            self._expire_info.clear()
            self.sizes["of"].clear()
            self.sizes["total"] = 0
            return
        for _ in range(len(self._cache) // self._cull_frequency):
            self._delete(next(reversed(self._cache)))

    def incr(self, key, delta=1, version=None):
        value = super().incr(key, delta, version)
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            if key in self._cache:  # counted at its new size
                size = len(key) + len(self._cache[key])
                self.sizes["total"] += size - self.sizes["of"].get(key, 0)
                self.sizes["of"][key] = size
        return value

    def clear(self):
        with self._lock:
            self._cache.clear()
            self._expire_info.clear()
            self.sizes["of"].clear()
            self.sizes["total"] = 0
