"""Which parts of the page tree are private, worked out once per content version.

Wagtail's `PageQuerySet.public()` reads every view restriction each time it is called,
which is a query per listing on every page, and serving a page reads the restrictions of
it and its ancestors (two queries). The restrictions change only when content does, so
`public(queryset)` and `needs_restriction_check(page)` read them from the cache under the
content version (a restriction saved or deleted renews it: `portal.base.apps`).
"""

from django.db.models import Q

from portal.base.caching import kept


def private_paths():
    return kept("private-paths", read_private_paths, shared=True)


def read_private_paths():
    from wagtail.models import PageViewRestriction

    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def alias_paths():
    return kept("alias-paths", read_alias_paths, shared=True)


def read_alias_paths():
    from wagtail.models import Page

    return list(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))


def needs_restriction_check(page):
    """Whether a view restriction may apply to `page`: it is in a private section, or in
    or under an alias (whose restrictions are its original's, as Wagtail resolves them)."""
    return any(page.path.startswith(path) for path in (*private_paths(), *alias_paths()))


def public(pages):
    """`pages` without those in a private section (like `pages.public()`)."""
    private = Q()
    for path in private_paths():
        private |= Q(path__startswith=path)
    return pages.exclude(private) if private else pages


def is_public(page):
    """Whether the public may see `page`: it is live and in no private section."""
    return page.live and not any(page.path.startswith(path) for path in private_paths())
