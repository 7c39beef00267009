"""Local development: DEBUG on, e-mail to the console, an SQLite file by default."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = True
SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "0.0.0.0"]
# Mail goes through the outbox as in production, and the app sends it to the console
# itself right after the commit: `make run` shows it without a worker.
OUTBOX_EMAIL_BACKEND = os.environ.get(
    "OUTBOX_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
OUTBOX_DELIVER_AFTER_COMMIT = env_bool("OUTBOX_DELIVER_AFTER_COMMIT", default=True)
