"""Which parts of the page tree are private, worked out once per content version.

Wagtail's `PageQuerySet.public()` reads every view restriction each time it is called,
which is a query per listing on every page. The restrictions change only when content
does, so `public(queryset)` reads them from the cache under the content version.
"""

from django.core.cache import cache
from django.db.models import Q

from portal.base.pagecache import content_version


def private_paths():
    key = f"portal:private-paths:{content_version()}"
    try:
        paths = cache.get(key)
    except Exception:
        paths = None
    if paths is None:
        from wagtail.models import PageViewRestriction

        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(key, paths, 24 * 60 * 60)
    return paths


def public(pages):
    """`pages` without those in a private section (like `pages.public()`)."""
    private = Q()
    for path in private_paths():
        private |= Q(path__startswith=path)
    return pages.exclude(private) if private else pages
