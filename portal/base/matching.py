"""What a resident's words find, the same wherever they are typed: site search, the
calendar's and the programme list's word filter (decision 0032).

A page or snippet indexes `folded_search_text` (its text without č, š, ž, decision 0002)
as an `AutocompleteField`; a query is folded the same way and matched on those words, the
last one also as the beginning of a longer word: "popravljalnic" finds "Popravljalnica",
"vrt" finds "vrta", "strazisce" finds "Stražišče". Wagtail's autocomplete does this alike
on SQLite (FTS5) and PostgreSQL (the "simple" configuration, which stems no word, so
Slovenian endings are not guessed at in English: "kolesa" does not find "kolo").
"""

from portal.base.text import search_terms


def matching(queryset, query, *, order_by_relevance=True):
    """The search results of `queryset` that hold every word of `query` (the last one as
    a beginning), best first unless `order_by_relevance` is False."""
    return queryset.autocomplete(
        search_terms(query), operator="and", order_by_relevance=order_by_relevance
    )


def title_matches(title, query):
    """Whether `title` holds every word of `query` as `matching` finds them: search lists
    such pages before those that only mention the words."""
    words = search_terms(title).lower().split()
    terms = search_terms(query).lower().split()
    if not terms:
        return False
    *whole, last = terms
    return all(term in words for term in whole) and any(word.startswith(last) for word in words)
