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
