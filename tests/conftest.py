import datetime
import os
import socket
import threading
import time
import uuid
from urllib.parse import urlparse

import pytest
import time_machine
from django.core.cache import caches

from programmes import registry
from tests import builders
from tests.programme_test_app.block_types import Market

# The Redis of the tests marked `redis`: a database of their own (CI has one at this
# address); each test keeps its keys under a prefix of its own and removes them.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/6")

# The fixtures plugin authors get (`programme_community`, `make_programme`): the portal's
# own tests use them too, so they are known to work.
pytest_plugins = ["programmes.testing"]


def pytest_configure(config):
    """`TEST_CLOCK=2027-01-05T23:30:00+00:00 pytest` runs the suite from that moment on
    (the clock ticks on from there): the tests hold at any hour, e.g. at 23:30 UTC, when it
    is already tomorrow in Ljubljana."""
    moment = os.environ.get("TEST_CLOCK")
    if moment:
        time_machine.travel(datetime.datetime.fromisoformat(moment), tick=True).start()


@pytest.fixture
def limit_clock():
    """The clock stands still for a test that counts tries against a rate limit: the limits
    count in fixed windows (django-ratelimit), and tries that straddle the end of one would
    start counting afresh."""
    with time_machine.travel(time.time(), tick=False):
        yield


# --- The pilot's KS, built once here for every test module -------------------------------


@pytest.fixture(scope="module")
def demo_database(django_db_setup, django_db_blocker):
    """The demo portal (`load_demo_data`) loaded at the tests' clock, once for the module
    that asks for it, and rolled back after it."""
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_data", force=True, verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def demo_portal(django_db_setup, django_db_blocker):
    """The demo portal (`load_demo_data`) loaded at `builders.DEMO_MOMENT`, once for the
    module that asks for it, and rolled back after it. Its tests read it at that moment
    too (`time_machine.travel(builders.DEMO_MOMENT, tick=False)`)."""
    from django.core.management import call_command
    from django.db import transaction

    with (
        time_machine.travel(builders.DEMO_MOMENT, tick=False),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("load_demo_data", force=True, verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def golnik(db):
    """KS Golnik alone: a community page under the home page."""
    return builders.community("Golnik")


@pytest.fixture
def calendar(golnik):
    """Golnik's event calendar."""
    return builders.calendar(golnik)


@pytest.fixture
def golnik_section(db):
    """KS Golnik with a space, a calendar holding one event and news holding one item."""
    return builders.section("Golnik")


@pytest.fixture
def strazisce_section(golnik_section):
    """KS Stražišče as Golnik's section is built, after Golnik (as the pilot lists them)."""
    return builders.section("Stražišče")


@pytest.fixture
def golnik_provisioned(db):
    """KS Golnik as the municipality creates it (its calendar, news, rights, collection)."""
    return builders.provisioned("KS Golnik", slug="golnik")


@pytest.fixture
def strazisce_provisioned(golnik_provisioned):
    return builders.provisioned("KS Stražišče", slug="strazisce")


@pytest.fixture
def ks_editor(golnik_provisioned):
    """The KS Golnik representative, `ks-golnik`."""
    return builders.ks_editor(golnik_provisioned)


@pytest.fixture
def municipal(db):
    """A municipal editor, `obcina`."""
    return builders.municipal_editor()


@pytest.fixture(autouse=True)
def _fresh_caches():
    from portal.base import caching

    def clear():
        for cache in caches.all():
            cache.clear()
        # What processes keep under a content version: every test's database starts at
        # the same version, which must not bring back another test's values.
        caching.forget_this_process()

    clear()
    yield
    clear()


@pytest.fixture
def clock(time_machine):
    """The one clock of the code and the tests: `clock.set(moment)` stops it at `moment`
    for Django's `timezone.now()` and `localdate()`, `date.today()` and `time.time()` alike
    (time-machine), so a page rendered "now" and the test's idea of today agree."""

    class Clock:
        def set(self, moment):
            time_machine.move_to(moment, tick=False)

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


@pytest.fixture(autouse=True, scope="session")
def _mail_goes_through_the_outbox(django_test_environment):
    """pytest-django points EMAIL_BACKEND at the locmem backend for the whole run; the
    portal's mail goes through its outbox, as in production (portal/settings/test.py
    delivers the outbox to the locmem backend: `sent_mail`)."""
    from django.conf import settings

    settings.EMAIL_BACKEND = "portal.outbox.backends.OutboxBackend"


@pytest.fixture
def sent_mail(db):
    """`sent_mail()`: the mails delivered so far (`django.core.mail.outbox`), after
    sending what waits in the portal's outbox, as the worker `send_mail_outbox` would."""
    from django.core import mail

    from portal.outbox import sender

    def deliver():
        sender.send_due()
        return mail.outbox

    return deliver


@pytest.fixture
def silent_mail_server():
    """A mail server that takes connections and never says a word, as the SMTP host of
    issue 15 did: `.port`, and `.connections`, how many were made to it."""
    import socket
    import threading

    class Server:
        connections = 0

    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    server = Server()
    server.port = listener.getsockname()[1]
    held = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            held.append(connection)
            server.connections += 1

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server
    stop.set()
    thread.join()
    listener.close()
    for connection in held:
        connection.close()


class RedisRelay:
    """A TCP relay to the test Redis on a port of its own, for the app's shared caches:
    `stop()` is Redis going away (open connections cut, new ones refused), `start()` is
    Redis coming back, with everything it held, and `hang()` a Redis that keeps its
    connections and accepts new ones but answers nothing (`unanswered` counts what was
    sent to it since). `sent` counts what the app sent Redis (a command a time, as
    redis-py sends them)."""

    def __init__(self, host, port):
        self.upstream = (host, port)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.listener = None
        self.connections = []
        self.servers = set()  # the relay's connections to Redis
        self.silent = False
        self.unanswered = 0
        self.sent = 0

    def start(self):
        self.listener = socket.create_server(("127.0.0.1", self.port))
        self.listener.settimeout(0.05)
        self.accepting = threading.Thread(target=self.accept, args=(self.listener,), daemon=True)
        self.accepting.start()

    def hang(self):
        self.silent, self.unanswered = True, 0

    def stop(self):
        self.silent = False
        self.listener.close()
        self.accepting.join()  # the port is free again once it has stopped accepting
        for connection in self.connections:
            connection.close()
        self.connections = []

    def accept(self, listener):
        while listener.fileno() != -1:
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            server = socket.create_connection(self.upstream)
            self.connections += [client, server]
            self.servers.add(server)
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self.pump, args=(source, target), daemon=True).start()

    def pump(self, source, target):
        try:
            while data := source.recv(65536):
                if target in self.servers:
                    self.sent += 1
                if self.silent:
                    self.unanswered += target in self.servers
                    continue
                target.sendall(data)
        except OSError:
            pass
        finally:
            source.close()
            target.close()


@pytest.fixture
def redis_caches(settings):
    """The shared caches (`default`, `versions`) on a real Redis (TEST_REDIS_URL) as
    production configures them, through a `RedisRelay` the test can stop and start; the
    relay also has `client` (straight to Redis) and the test's key `prefix`. Skipped when
    no Redis answers."""
    import redis

    from portal.base import cache_backends as portal_cache
    from portal.settings.base import redis_cache

    client = redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=0.5)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip(f"No Redis answers at {TEST_REDIS_URL}.")
    address = urlparse(TEST_REDIS_URL)
    relay = RedisRelay(address.hostname, address.port or 6379)
    relay.start()
    relay.client, relay.prefix = client, f"portal-test-{uuid.uuid4().hex[:12]}"
    shared = {
        **redis_cache(f"redis://127.0.0.1:{relay.port}{address.path}"),
        "KEY_PREFIX": relay.prefix,
    }
    settings.CACHES = {**settings.CACHES, "default": shared, "versions": shared}
    yield relay
    relay.stop()
    portal_cache.down_until.clear()
    for key in client.scan_iter(f"{relay.prefix}:*"):
        client.delete(key)


@pytest.fixture
def market():
    """A programme type with a field of every kind of block (`programme_test_app`), turned
    on for one test: the plugin."""
    registry.register(Market)
    yield registry.get("market")
    registry.unregister("market")


@pytest.fixture
def wsgi_application(db):
    """The portal's WSGI application, for clients other than Django's (schemathesis, a
    generated API client). Their requests would end by closing the database connection
    of the test's transaction: it stays open, as with Django's test client."""
    from django.core import signals
    from django.db import close_old_connections

    from portal.wsgi import application

    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield application
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)
