"""Search across every live, public page of the site."""

import re

from django.shortcuts import render
from django.views.decorators.http import require_safe
from wagtail.models import Page

from portal.base.models import fold
from portal.base.pagination import paginate
from portal.base.privacy import public

MAX_QUERY_LENGTH = 200
# NUL and other control characters mean nothing in a search, and PostgreSQL refuses NUL.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


# Search needs words only; quotes and operators would be read as full-text syntax.
NOT_A_WORD = re.compile(r"[^\w\s]+")


def clean_query(raw):
    return CONTROL_CHARACTERS.sub(" ", raw).strip()[:MAX_QUERY_LENGTH]


def search_terms(query):
    """The words of `query`, accent-free, as pages index them."""
    return " ".join(NOT_A_WORD.sub(" ", fold(query)).split())


# Programmes that match are listed above the pages, up to this many.
MAX_PROGRAMMES = 6


@require_safe
def search(request):
    from programmes.models import Programme

    query = clean_query(request.GET.get("q", ""))
    results = programmes = None
    terms = search_terms(query)
    if terms:
        pages = public(Page.objects.live())
        found = pages.specific().search(terms, operator="and")
        unranked = pages.order_by().search(terms, operator="and", order_by_relevance=False)
        results = paginate(request, found, 10, counting=unranked)
        if results.number == 1:
            programmes = list(
                Programme.objects.public().search(terms, operator="and")[:MAX_PROGRAMMES]
            )
    return render(
        request,
        "search/search.html",
        {"query": query, "results": results, "programmes": programmes},
    )
