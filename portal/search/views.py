"""Search across every live, public page of the site."""

from django.shortcuts import render
from wagtail.models import Page

from portal.base.models import fold
from portal.base.pagination import paginate

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        # Pages index an accent-free copy of their text, so search with an accent-free query.
        found = Page.objects.live().public().specific().search(fold(query), operator="and")
        results = paginate(request, found, 10)
    return render(request, "search/search.html", {"query": query, "results": results})
