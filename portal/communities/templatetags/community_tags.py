"""Template pieces of the directory of sections: the KS menu, the section a page is in,
the KS sections under a page (the home page's cards), the municipality's section; and a
KS page's structured data."""

from django import template
from wagtail.models import Site

from portal.base.caching import content_version
from portal.base.jsonld import kept_script
from portal.communities.directory import municipal_section as find_municipal_section
from portal.communities.directory import section_for_path, sections
from portal.communities.structured_data import community_data

register = template.Library()


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """Every live KS section, for the main menu; the one the current page is in is marked."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    current_path = getattr(context.get("page"), "path", None) or ""
    items = [
        (
            section,
            "page"
            if section.community.path == current_path
            else "true"
            if current_path.startswith(section.community.path)
            else "",
        )
        for section in sections()
    ]
    marked = next(((s.community.path, current) for s, current in items if current), None)
    return {
        "items": items,
        # The rendered menu is kept per content version, site and marked entry.
        "menu_key": (
            content_version(),
            site.pk if site else None,
            marked,
            bool(site and current_path == site.root_page.path),
        ),
        "current_path": current_path,
        "home": site.root_page if site else None,
        "request": request,
    }


@register.simple_tag
def section_of(page):
    """`{% section_of page as section %}`: the live KS section `page` is in, or None."""
    return section_for_path(page.path)


@register.simple_tag
def municipal_section():
    """`{% municipal_section as municipality %}`: the whole municipality's section (its
    `calendar_url`, `news_url`), or None."""
    return find_municipal_section()


@register.simple_tag
def sections_under(page):
    """`{% sections_under page as sections %}`: the live KS sections below `page`."""
    return [section for section in sections() if section.community.path.startswith(page.path)]


@register.simple_tag(takes_context=True)
def community_structured_data(context, page):
    """The KS's organisation as JSON-LD (`portal.communities.structured_data`), built once
    a content version for each KS and public origin."""
    request = context.get("request")
    return kept_script(
        "community-structured-data", request, lambda: community_data(page, request), (page.pk,)
    )
