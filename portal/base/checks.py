"""`manage.py check --deploy` (the release step, after `migrate`) refuses a production
configuration whose links would lead elsewhere: no `PORTAL_BASE_URL`, one on a host the
portal does not answer, or a default Site still on `localhost` (what Wagtail's first
migration creates) or on another host than `PORTAL_BASE_URL`. Decision 0031."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import DatabaseError
from django.http.request import validate_host
from wagtail.models import Site

from portal.base.sites import origin_host_port

HINT = "See README.md, 'Configuration' and 'Deployment', and docs/decisions/0031-public-origin.md."


@register(Tags.sites, deploy=True)
def public_origin_check(app_configs, **kwargs):
    if not settings.PORTAL_BASE_URL:
        return [
            Error(
                "PORTAL_BASE_URL is not set: e-mails, calendar feeds and the sitemap would "
                "link to whatever host a request came in by, or to none.",
                hint=HINT,
                id="portal.E001",
            )
        ]
    hostname, port = origin_host_port(settings.PORTAL_BASE_URL)
    errors = []
    if not validate_host(hostname, settings.ALLOWED_HOSTS):
        errors.append(
            Error(
                f"PORTAL_BASE_URL ({settings.PORTAL_BASE_URL}) names a host that is not in "
                "ALLOWED_HOSTS: every link the portal writes would be refused.",
                hint=HINT,
                id="portal.E002",
            )
        )
    try:
        site = Site.objects.filter(is_default_site=True).values_list("hostname", "port").first()
    except DatabaseError:
        # Not migrated yet: `migrate` creates the Site and then makes it follow.
        return errors
    if site is not None and (site != (hostname, port) or site[0] == "localhost"):
        errors.append(
            Error(
                f"The default Wagtail Site is {site[0]}:{site[1]}, not the host and port of "
                f"PORTAL_BASE_URL ({settings.PORTAL_BASE_URL}): Wagtail's own links would "
                "lead there.",
                hint="Run `manage.py migrate`, which makes the default Site follow "
                "PORTAL_BASE_URL (and set PORTAL_BASE_URL to the public address, never "
                f"localhost). {HINT}",
                id="portal.E003",
            )
        )
    return errors
