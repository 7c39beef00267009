"""Which collections are private: those with a view restriction, and those under them."""

from django.db.models import Q
from wagtail.models import Collection, CollectionViewRestriction

from portal.base.caching import kept


def restricted_collection_ids():
    """Read once per content version (a restriction or a collection saved renews it:
    `portal.media.apps`)."""
    return kept("restricted-collections", read_restricted_collection_ids, shared=True)


def read_restricted_collection_ids():
    paths = CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    if not private:
        return []
    return list(Collection.objects.filter(private).values_list("pk", flat=True))


def may_view(request, collection):
    """Whether this request passes every view restriction on `collection` and above it,
    as Wagtail's document view asks."""
    return all(
        restriction.accept_request(request) for restriction in collection.get_view_restrictions()
    )
