"""Pages of long listings.

A listing counts its items to number its pages. The municipality's calendar has tens of
thousands of upcoming dates and its news index thousands of items: counting them all is
most of what such a page costs the database, and nobody pages through more than a few
dozen pages (the filters, the month grid and the date range are there for that). So a
listing counts at most `LISTING_MAX_PAGES` pages' worth and says when there are more.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from portal.base.pagecache import declare_query_parameters

PAGE_PARAMETER = "page"
declare_query_parameters(PAGE_PARAMETER)


class CappedPaginator(Paginator):
    """A paginator that counts at most `max_pages` pages of items; `more` tells whether
    there are items beyond them (which it does not number)."""

    def __init__(self, object_list, per_page, max_pages, counting=None):
        super().__init__(object_list, per_page)
        self.limit = per_page * max_pages
        # The same items in any order, if counting them so is cheaper (search results
        # not ranked: ranking every match only to count them is most of a search).
        self.counting = object_list if counting is None else counting

    @cached_property
    def counted(self):
        # COUNT over a LIMIT subquery: the database stops after limit + 1 rows.
        items = self.counting
        if isinstance(items, QuerySet):
            return items.order_by()[: self.limit + 1].count()
        return Paginator(items[: self.limit + 1], self.per_page).count  # search results

    @cached_property
    def count(self):
        return min(self.counted, self.limit)

    @cached_property
    def more(self):
        return self.counted > self.limit


def paginate(request, items, per_page, counting=None):
    """The page of `items` asked for by `?page=` (`PAGE_PARAMETER`); a bad or too-large
    number gives the nearest valid page instead of an error. `counting`: see `CappedPaginator`."""
    paginator = CappedPaginator(items, per_page, settings.LISTING_MAX_PAGES, counting)
    return paginator.get_page(request.GET.get(PAGE_PARAMETER))
