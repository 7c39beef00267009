"""Site-wide template pieces: the KS navigation and the breadcrumb trail."""

from django import template
from wagtail.models import Site

from portal.communities.models import CommunityPage

register = template.Library()


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """Every live KS section of the current site, for the main menu."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current = context.get("page")
    communities = CommunityPage.objects.live().public().in_menu()
    if site:
        communities = communities.descendant_of(site.root_page)
    return {
        "communities": communities.order_by("path"),
        "current_path": current.path if current else "",
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
