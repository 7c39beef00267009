"""Routing a URL to its page in one query instead of two a level.

Wagtail walks the tree one level at a time: for /golnik/novice/vabilo/ it reads each
child by slug and then its specific page, six queries. The tree's `url_path` names every
page on the way, so which pages those are is known per content version (a publish, move
or delete renews it): only the target itself is read. A page on the way that routes by
itself (a `RoutablePageMixin` page whose own route matches, as a KS page's `programi/…`,
or one that overrides `route`) is read instead and routes the rest, as Wagtail would.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from portal.base.caching import kept


class OneQueryRouting:
    """Mixed into `BasePage` (before `Page`): Wagtail's routing, in one query for the
    whole path."""

    def route(self, request, path_components):
        if path_components:
            found = find_route(self, request, path_components)
            if found is not None:
                return found
        return super().route(request, path_components)


def plain_routes():
    """The `route` methods whose behaviour this module reproduces."""
    return {Page.route, RoutablePageMixin.route, OneQueryRouting.route}


def find_route(page, request, path_components):
    """Wagtail's `page.route(request, path_components)` with one query for the pages on
    the way, or None where Wagtail's own routing should answer (a 404 path, say)."""
    paths = [
        page.url_path + "/".join(path_components[: depth + 1]) + "/"
        for depth in range(len(path_components))
    ]
    found = kept("route", lambda: describe(paths), tuple(paths), limit=5000)
    if not found:
        return None
    # Skip to the last page of the path that is a page, or to the first on the way that
    # routes by itself (its own routes match what is left); that one routes the rest.
    stop = len(found) - 1
    for index, (_pk, model, live) in enumerate(found[:-1]):
        if not routes_plainly(model, live, path_components[index + 1 :]):
            stop = index
            break
    pk, model, live = found[stop]
    target = model.objects.filter(pk=pk).first()
    if target is None:
        return None
    remaining = path_components[stop + 1 :]
    if remaining or not routes_plainly(model, live, []):
        return target.route(request, remaining)
    return RouteResult(target) if live else None


def describe(paths):
    """(pk, specific model, live) of the page at each of `paths` that exists, in order."""
    rows = {
        url_path: (pk, content_type_id, live)
        for pk, url_path, content_type_id, live in Page.objects.filter(
            url_path__in=paths
        ).values_list("pk", "url_path", "content_type_id", "live")
    }
    found = []
    for path in paths:
        if path not in rows:
            break
        pk, content_type_id, live = rows[path]
        found.append((pk, ContentType.objects.get_for_id(content_type_id).model_class(), live))
    return found


def routes_plainly(model, live, remaining):
    """Whether a page of `model` hands `remaining` on to its children, as Page.route does."""
    if model is None or model.route not in plain_routes():
        return False
    if issubclass(model, RoutablePageMixin) and live:
        path = "/" + "".join(f"{component}/" for component in remaining)
        try:
            model.get_resolver().resolve(path)
        except Exception:
            return True  # none of its own routes matches: it routes to its children
        return False
    return True
