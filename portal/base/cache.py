"""Django's Redis cache, failing open: if Redis is down the site gets slower, not broken."""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
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


class ResilientRedisCache(RedisCache):
    pass


for _name in FALLBACKS:
    setattr(ResilientRedisCache, _name, fail_open(_name, getattr(RedisCache, _name)))
