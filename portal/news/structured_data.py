"""What a news page tells search engines: a schema.org `NewsArticle`
(https://schema.org/NewsArticle) written by its KS, or by the municipality for the
municipality's news, as JSON-LD in the page head."""

from django.utils import timezone

from portal.base.jsonld import absolute, image_url, municipality, portal_image
from portal.communities.structured_data import organization

IMAGE_SPEC = "width-1200"  # what the page shows, so the rendition is there already


def article_data(page, request=None):
    """The `NewsArticle` of the news page `page`: its date is the date it shows; its image
    its own, else the first in its body, else the portal's."""
    url = absolute(request, page.get_url(request))
    author = organization(page.community, request) if page.community else municipality(request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "sl",
        "datePublished": page.date.isoformat(),
        "dateModified": modified(page),
        "author": author,
        "publisher": author,
        "image": [article_image(page, request)],
    }
    if page.intro:
        data["description"] = page.intro
    keywords = [tag.name for tag in page.tags.all()]
    if keywords:
        data["keywords"] = keywords
    return data


def modified(page):
    """When it was last published, never before the date it shows."""
    if page.last_published_at is None:
        return page.date.isoformat()
    published = timezone.localtime(page.last_published_at).replace(microsecond=0)
    if published.date() < page.date:
        return page.date.isoformat()
    return published.isoformat()


def article_image(page, request):
    if page.image is not None:
        return image_url(page.image, IMAGE_SPEC, request)
    for block in page.body:
        if block.block_type == "image" and block.value["image"] is not None:
            return image_url(block.value["image"], IMAGE_SPEC, request)
    return portal_image(request)
