"""Which Wagtail site answers a request, its settings and the sites' root paths, looked up
once per content version in each process instead of on every request.

Sites and site settings change only through the admin, which renews the content version
(`portal.base.apps`), so a kept lookup is never out of date.
"""

import copy

from django.http.request import split_domain_port
from wagtail.models import Site

from portal.base.caching import kept


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
