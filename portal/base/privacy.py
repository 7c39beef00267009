"""Which parts of the page tree are private, worked out once per content version.

Wagtail's `PageQuerySet.public()` reads every view restriction each time it is called,
which is a query per listing on every page. The restrictions change only when content
does, so `public(queryset)` reads them from the cache under the content version.
"""

from django.db.models import Q

from portal.base.versioned import per_content_version


def private_paths():
    return per_content_version("private-paths", read_private_paths)


def read_private_paths():
    from wagtail.models import PageViewRestriction

    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def public(pages):
    """`pages` without those in a private section (like `pages.public()`)."""
    private = Q()
    for path in private_paths():
        private |= Q(path__startswith=path)
    return pages.exclude(private) if private else pages
