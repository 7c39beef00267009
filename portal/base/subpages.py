"""Routes that an app adds below another app's pages, so the page's app never names it.

A page model that others may extend mixes in `Subpages` (Wagtail's `RoutablePageMixin`)
and says in `subpage_kind` which routes it takes: the home page and every KS page are
`SECTION` pages, a space page takes those of `SpacePage.subpage_kind`. An app higher up
registers its routes from its AppConfig.ready():

    subpages.register_route(SECTION, "programi/", programme_list, name="programmes")

The view is a function called as `view(page, request, **kwargs)`, like a method of the
page. A page's own `@path` routes come first, then the registered ones in the order they
were registered. `page.reverse_subpage(name)`, `{% routablepageurl %}` and the fast routing
of `portal.base.routing` treat them as routes the page declared itself.
`register_sitemap(kind, entries)` adds what such routes show to the page's sitemap entries;
`reverse(kind, name, **kwargs)` is a route's address below any page of that kind.
"""

from collections import defaultdict

from django.urls import include, re_path
from django.urls import path as route_path
from wagtail.contrib.routable_page.models import RoutablePageMixin

# The home page and the KS pages: pages that head a section of the site.
SECTION = "section"

_routes = defaultdict(list)
_sitemaps = defaultdict(list)
# One URL resolver per page model, built on first use after the last registration.
_resolvers = {}


def register_route(kind, pattern, view, name):
    """Pages of `kind` answer `pattern` (Django's `path()` syntax) with `view`."""
    _routes[kind].append(route_path(pattern, view, name=name))
    _resolvers.clear()


def register_sitemap(kind, entries):
    """`entries(page, base_url)` lists the sitemap entries ({"location": …}) a page of
    `kind` has below `base_url`, its own full URL."""
    _sitemaps[kind].append(entries)


def routes(kind):
    return tuple(_routes[kind])


def reverse(kind, name, **kwargs):
    """The path of route `name` below a page of `kind`, as `page.reverse_subpage` gives it."""
    return resolver(kind, routes(kind)).reverse(name, **kwargs)


def resolver(key, patterns):
    found = _resolvers.get(key)
    if found is None:
        # As Wagtail's `RoutablePageMixin.get_resolver` builds it, through the public API.
        found = _resolvers[key] = re_path(r"^/", include(list(patterns)))
    return found


class Subpages(RoutablePageMixin):
    """A page that answers the routes registered for its `subpage_kind` too."""

    subpage_kind = None

    @classmethod
    def get_subpage_urls(cls):
        return (*super().get_subpage_urls(), *routes(cls.subpage_kind))

    @classmethod
    def get_resolver(cls):
        return resolver(cls, cls.get_subpage_urls())

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base is None:
            return urls
        return [
            *urls,
            *(entry for found in _sitemaps[self.subpage_kind] for entry in found(self, base)),
        ]
