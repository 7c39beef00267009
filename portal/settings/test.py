"""Test runs: SQLite unless DATABASE_URL says otherwise (CI runs both), fast hashing."""

import atexit
import shutil
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-used-anywhere-else-0123456789"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail goes through the outbox; the tests deliver it to django.core.mail.outbox with the
# `sent_mail` fixture (tests/conftest.py), as the worker would.
OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
OUTBOX_DELIVER_AFTER_COMMIT = False
WAGTAILADMIN_BASE_URL = "http://testserver"
# Uploaded files of a test run go to a folder of its own, removed when the run ends.
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}  # noqa: F405
# Serve static files straight from the source folders; tests run no collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Login throttling is switched on where a test checks it (tests/test_security.py).
AXES_ENABLED = False
# The demo portal's loaders (as in development), and a programme type that exists only in
# the tests (tests/test_programme_plugins.py).
INSTALLED_APPS = [*INSTALLED_APPS, "portal.demo", "tests.programme_test_app"]  # noqa: F405
# Tests render every page afresh unless a test switches the page cache on.
PAGE_CACHE_SECONDS = 0
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"},
    "versions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "v"},
    "local": {**CACHES["local"], "LOCATION": "l"},  # noqa: F405
    "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "r"},
}
