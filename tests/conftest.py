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
