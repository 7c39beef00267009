from django import template

from portal.news.directory import feeds_for

register = template.Library()


@register.inclusion_tag("news/feed_links.html")
def news_feed_links(page):
    """`<link rel="alternate">` to the RSS and Atom feeds that belong with `page`."""
    return {"feeds": feeds_for(page) if page else None}
