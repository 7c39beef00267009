"""Which Wagtail site answers a request, its settings and the sites' root paths, looked up
once per content version in each process instead of on every request; and the public
origin every absolute link of the portal begins with.

Sites and site settings change only through the admin, which renews the content version
(`portal.base.apps`), so a kept lookup is never out of date.

The public origin (decision 0031) is `PORTAL_BASE_URL` where it is set (always in
production), else the scheme and host a request asked for (development), else, outside a
request, `WAGTAILADMIN_BASE_URL` (the development server). The default Site follows
`PORTAL_BASE_URL` after every `migrate` (`follow_public_origin`), so Wagtail's own links
agree; pages link through `BasePage.get_full_url`, everything else through `absolute_url`.
"""

import copy
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.http.request import split_domain_port
from wagtail.models import Site

from portal.base.caching import kept


def public_origin(request=None):
    """`https://ks.kranj.si`: where links to the portal begin, without a trailing slash."""
    if settings.PORTAL_BASE_URL:
        return settings.PORTAL_BASE_URL
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(url, request=None):
    """`url` (a path, or an absolute URL, such as media on a CDN, left as it is) on the
    public origin; None or "" stay so."""
    if not url:
        return url
    return urljoin(public_origin(request) + "/", url)


def public_root_url(site_id, root_url, request=None):
    """Where the pages of Wagtail site `site_id` begin: the public origin for the portal's
    site (the only one, or the default one), the Site record's own `root_url` for any other."""
    return public_origin(request) if is_portal_site(site_id) else root_url


def is_portal_site(site_id):
    # The root paths are kept already (`SiteLookupMiddleware`): no query for one site.
    site_ids = {root.site_id for root in kept("site-root-paths", Site.get_site_root_paths)}
    if len(site_ids) == 1:
        return site_id in site_ids
    return site_id == kept(
        "default-site-id",
        lambda: Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first(),
    )


def origin_host_port(origin):
    """The host name and port of an origin, as a Wagtail Site holds them."""
    parts = urlsplit(origin)
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def follow_public_origin(using="default", **kwargs):
    """Give the default Site the host name and port of `PORTAL_BASE_URL` (a `post_migrate`
    receiver: every release's `migrate`; nothing to do when they agree or it is unset)."""
    if not settings.PORTAL_BASE_URL:
        return
    hostname, port = origin_host_port(settings.PORTAL_BASE_URL)
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(using=using, update_fields=["hostname", "port"])


def fresh_copy(site):
    """A copy for one request, so nothing a request sets sticks to the kept one."""
    if site is None:
        return None
    site = copy.copy(site)
    if "root_page" in site._state.fields_cache:
        site.root_page = copy.copy(site.root_page)
    return site


def find_site(request):
    """Wagtail's lookup, with the root page already specific: routing starts from it."""
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site


class SiteLookupMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The same host and port Wagtail's `Site.find_for_request` reads.
        key = (split_domain_port(request._get_raw_host())[0], request.get_port())
        try:
            site = kept("site", lambda: find_site(request), key)
            # Where each site's pages live, which `pageurl` reads on every page: Wagtail
            # keeps it in the default cache (a round trip a request); here, once a version.
            root_paths = kept("site-root-paths", Site.get_site_root_paths)
        except Exception:
            # The database or the cache is down: leave the lookups to Wagtail, and
            # `/healthz` say so.
            return self.get_response(request)
        request._wagtail_site = fresh_copy(site)
        request._wagtail_cached_site_root_paths = root_paths
        return self.get_response(request)
