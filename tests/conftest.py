import pytest
from django.core.cache import caches

from programmes import registry
from tests.programme_test_app.block_types import Market

# The fixtures plugin authors get (`programme_community`, `make_programme`): the portal's
# own tests use them too, so they are known to work.
pytest_plugins = ["programmes.testing"]


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
def market():
    """A programme type with a field of every kind of block (`programme_test_app`), turned
    on for one test: the plugin."""
    registry.register(Market)
    yield registry.get("market")
    registry.unregister("market")
