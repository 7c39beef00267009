"""Local development: DEBUG on, e-mail to the console, an SQLite file by default."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = True
# The demo portal's loaders (`load_demo_data`, `load_bench_data`): development and tests
# only, never in production's apps. `make prod-check` and `make bench` load their data
# with these settings and serve it with production's.
INSTALLED_APPS = [*INSTALLED_APPS, "portal.demo"]  # noqa: F405
SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "0.0.0.0"]
# Mail goes through the outbox as in production, and the app sends it to the console
# itself right after the commit: `make run` shows it without a worker.
OUTBOX_EMAIL_BACKEND = os.environ.get(
    "OUTBOX_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
OUTBOX_DELIVER_AFTER_COMMIT = env_bool("OUTBOX_DELIVER_AFTER_COMMIT", default=True)
