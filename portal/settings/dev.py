"""Local development: DEBUG on, e-mail to the console, an SQLite file by default."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "0.0.0.0"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
