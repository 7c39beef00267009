"""Site-wide template pieces: the portal's name, the KS navigation, the breadcrumb trail."""

from django import template
from django.conf import settings
from django.db.models import Q
from wagtail.models import Page, Site

from portal.communities.models import CommunityPage
from portal.events.models import EventCalendarPage
from portal.news.models import NewsIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def site_name(context):
    """The portal's name for the header: WAGTAIL_SITE_NAME, else the home page's title."""
    name = getattr(settings, "WAGTAIL_SITE_NAME", "")
    if name:
        return name
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page.title if site else ""


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """Every live KS section of the current site, for the main menu.

    `current_community` is the KS the current page belongs to, so the menu can mark it.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    communities = CommunityPage.objects.live().public()
    if site:
        communities = communities.descendant_of(site.root_page)
    communities = list(communities.order_by("path"))
    current_path = getattr(current, "path", None) or ""
    return {
        "communities": communities,
        "current_community": next(
            (c for c in communities if current_path.startswith(c.path)), None
        ),
        "current_path": current_path,
        "home": site.root_page if site else None,
        "request": request,
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The path from the home page down to the current page."""
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors().filter(depth__gte=2)
    return {"ancestors": ancestors, "page": page}


@register.simple_tag
def community_sections(communities):
    """Each KS with its live calendar and news index (or None), found in one query.

    Returns `{"all": [...], "with_calendar": [...]}`, lists of dicts with the keys
    `community`, `calendar` and `news_index`; `with_calendar` keeps those that have one.
    """
    communities = list(communities)
    sections = [{"community": c, "calendar": None, "news_index": None} for c in communities]
    if not communities:
        return {"all": [], "with_calendar": []}
    by_path = {section["community"].path: section for section in sections}
    children = Q()
    for community in communities:
        children |= Q(path__startswith=community.path, depth=community.depth + 1)
    pages = (
        Page.objects.live()
        .public()
        .type(EventCalendarPage, NewsIndexPage)
        .filter(children)
        .order_by("path")
    )
    for page in pages:
        section = by_path.get(page.path[: -Page.steplen])
        key = "calendar" if issubclass(page.specific_class, EventCalendarPage) else "news_index"
        if section and section[key] is None:
            section[key] = page
    return {"all": sections, "with_calendar": [s for s in sections if s["calendar"]]}
