"""Template pieces of news: a page's feed links and structured data, and the latest news
under a page."""

from django import template

from portal.base.jsonld import kept_script
from portal.communities.models import attach_communities
from portal.news.models import NewsPage, feeds_for
from portal.news.structured_data import article_data

register = template.Library()


@register.inclusion_tag("news/feed_links.html")
def news_feed_links(page):
    """`<link rel="alternate">` to the RSS and Atom feeds that belong with `page`."""
    return {"feeds": feeds_for(page) if page else None}


@register.simple_tag(takes_context=True)
def news_structured_data(context, page):
    """The news item's `NewsArticle` as JSON-LD (`portal.news.structured_data`), built once
    a content version for each news item and public origin."""
    request = context.get("request")
    return kept_script("news-article", request, lambda: article_data(page, request), (page.pk,))


@register.simple_tag
def latest_news(page, count):
    """`{% latest_news page 3 as news %}`: the newest `count` live, public news anywhere
    under `page` (a KS, or the home page), each knowing its KS without a query."""
    return attach_communities(NewsPage.objects.latest_in(page)[:count])
