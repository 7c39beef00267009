import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _fresh_caches():
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def clock(monkeypatch):
    """Sets the time that time-dependent pages are rendered at: `clock.set(moment)`."""
    from portal.base import clock as portal_clock

    class Clock:
        def set(self, moment):
            monkeypatch.setattr(portal_clock, "now", lambda: moment)

    return Clock()


@pytest.fixture
def ratelimit_cache_down(settings):
    """The cache that rate limits count in is Redis that cannot be reached (nothing listens
    on that port)."""
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6390/0",
        },
    }
