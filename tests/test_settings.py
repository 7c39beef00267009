"""Production settings pass Django's deploy checklist and refuse to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-0123456789-abcdefghijklmnop-XYZ",
    "ALLOWED_HOSTS": "ks.kranj.si",
    "PORTAL_BASE_URL": "https://ks.kranj.si",
    "DATABASE_URL": "sqlite:////tmp/portal-deploy-check.sqlite3",
}


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    environment.update({k: v for k, v in env.items() if v is not None})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_checklist_is_clean_in_production():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "PORTAL_BASE_URL"])
def test_production_refuses_to_start_without_required_settings(missing):
    result = manage("check", **{**PRODUCTION_ENV, missing: None})
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set in production" in result.stderr


BASE_URLS = (
    "from django.conf import settings; "
    "print(settings.PORTAL_BASE_URL, settings.WAGTAILADMIN_BASE_URL)"
)


def test_wagtails_own_links_follow_the_public_origin():
    production = manage(
        "shell", "-c", BASE_URLS, **{**PRODUCTION_ENV, "PORTAL_BASE_URL": "https://KS.kranj.si/"}
    )
    assert production.stdout.split()[-2:] == ["https://ks.kranj.si", "https://ks.kranj.si"]
    # Development without it: the development server's address, on the port `make run` uses.
    development = manage(
        "shell", "-c", BASE_URLS, DJANGO_SETTINGS_MODULE="portal.settings.dev", PORT="8801"
    )
    assert development.stdout.split()[-1:] == ["http://127.0.0.1:8801"]


@pytest.mark.parametrize(
    "origin",
    ["ks.kranj.si", "ftp://ks.kranj.si", "https://ks.kranj.si/portal/", "https://ks.kranj.si:x"],
)
def test_production_refuses_a_public_origin_that_is_not_one(origin):
    refused = manage("check", **{**PRODUCTION_ENV, "PORTAL_BASE_URL": origin})
    assert refused.returncode != 0
    assert "PORTAL_BASE_URL must be a scheme and a host name" in refused.stderr


def test_production_trusts_one_proxy_unless_told_and_refuses_a_nonsense_count():
    show = "from django.conf import settings; print(settings.PROXY_COUNT)"
    assert manage("shell", "-c", show, **PRODUCTION_ENV).stdout.split()[-1] == "1"
    assert manage("shell", "-c", show, **PRODUCTION_ENV, PROXY_COUNT="2").stdout.split()[-1] == "2"
    refused = manage("check", **PRODUCTION_ENV, PROXY_COUNT="-1")
    assert refused.returncode != 0
    assert "PROXY_COUNT must be a whole number, 0 or more" in refused.stderr


def test_production_has_no_demo_loaders():
    """The demo is development and bench tooling: its users share a published password."""
    refused = manage("load_demo_data", "--force", **PRODUCTION_ENV)
    assert refused.returncode != 0
    assert "Unknown command: 'load_demo_data'" in refused.stderr
    show = "from django.apps import apps; print(apps.is_installed('portal.demo'))"
    assert manage("shell", "-c", show, **PRODUCTION_ENV).stdout.split()[-1] == "False"


def test_development_has_the_demo_loaders():
    for command in ("load_demo_data", "load_bench_data"):
        result = manage("help", command, DJANGO_SETTINGS_MODULE="portal.settings.dev")
        assert result.returncode == 0, result.stderr
        assert "--force" in result.stdout


def test_proxies_are_not_trusted_by_default_outside_production(settings):
    assert settings.PROXY_COUNT == 0


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


MAIL_SETTINGS = (
    "from django.conf import settings; from django.core.mail import get_connection; "
    "print(settings.EMAIL_BACKEND, settings.OUTBOX_EMAIL_BACKEND, "
    "getattr(get_connection(settings.OUTBOX_EMAIL_BACKEND), 'timeout', '-'), "
    "settings.OUTBOX_DELIVER_AFTER_COMMIT)"
)


@pytest.mark.parametrize("timeout, expected", [(None, "10.0"), ("7", "7.0")])
def test_production_mail_goes_through_the_outbox_to_smtp_with_a_timeout(timeout, expected):
    result = manage(
        "shell", "--no-imports", "-c", MAIL_SETTINGS, **PRODUCTION_ENV, EMAIL_TIMEOUT=timeout
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "portal.outbox.backends.OutboxBackend",
        "django.core.mail.backends.smtp.EmailBackend",
        expected,
        "False",
    ]


def test_development_shows_mail_on_the_console_without_a_worker():
    result = manage(
        "shell", "--no-imports", "-c", MAIL_SETTINGS, DJANGO_SETTINGS_MODULE="portal.settings.dev"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "portal.outbox.backends.OutboxBackend",
        "django.core.mail.backends.console.EmailBackend",
        "-",
        "True",
    ]
