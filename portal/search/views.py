"""Search across every live, public page of the site."""

import hashlib

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe
from wagtail.models import Page

from portal.base.caching import kept_many
from portal.base.matching import matching, title_matches
from portal.base.pagecache import declare_query_parameters
from portal.base.pagination import paginate
from portal.base.privacy import public
from portal.base.text import clean_query, search_terms
from portal.events.models import EventPage, Occurrence
from programmes.models import Programme

QUERY_PARAMETER = "q"
declare_query_parameters(QUERY_PARAMETER)

# Programmes that match are listed above the pages, up to this many.
MAX_PROGRAMMES = 6


# Results a page.
PER_PAGE = 10


def ranking(terms):
    """The ids of the live, public pages that `terms` find (`portal.base.matching`), best
    first: as many as a listing numbers (`LISTING_MAX_PAGES`), and one more to tell there
    are more. A page whose title holds the words (an event called "Popravljalnica") comes
    before pages that only mention them (a KS page listing its repair café).

    Ranking is most of what a search costs (every match is ranked to find the best ten),
    so it is kept per content version in this process (`caching.kept_many`): the next
    page of the same results, or the next resident asking for the same words, ranks
    nothing again, and a publish ranks afresh."""
    limit = settings.LISTING_MAX_PAGES * PER_PAGE + 1

    def rank(_keys):
        found = matching(public(Page.objects.live()), terms)[:limit]
        ranked = list(found.get_queryset().values_list("pk", "title"))
        ranked.sort(key=lambda row: not title_matches(row[1], terms))
        return [[pk for pk, _title in ranked]]

    key = hashlib.sha256(terms.encode()).hexdigest()
    return kept_many("search-ranking", [key], rank)[0]


def pages_in_order(ids):
    """The pages of `ids`, as their own types, in the order of `ids` (two queries, or one
    more for each further type); an event with its next date (`next_date`), read in one
    more query."""
    found = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    events = [page.pk for page in found.values() if isinstance(page, EventPage)]
    if events:
        next_dates = {date.event_id: date for date in Occurrence.objects.next_of(events)}
        for pk in events:
            found[pk].next_date = next_dates.get(pk)
    return [found[pk] for pk in ids if pk in found]


@require_safe
def search(request):

    query = clean_query(request.GET.get(QUERY_PARAMETER, ""))
    results = programmes = None
    terms = search_terms(query)
    if terms:
        results = paginate(request, ranking(terms), PER_PAGE)
        results.object_list = pages_in_order(results.object_list)
        if results.number == 1:
            programmes = list(matching(Programme.objects.public(), terms)[:MAX_PROGRAMMES])
    return render(
        request,
        "search/search.html",
        {"query": query, "results": results, "programmes": programmes},
    )
