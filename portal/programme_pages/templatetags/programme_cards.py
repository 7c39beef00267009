"""A programme as a card in a listing, its HTML kept per content version; the address
of a programme listing."""

from django import template

from portal.base.listing import item_fragment
from portal.programme_pages import routes

register = template.Library()


@register.simple_tag(takes_context=True)
def programme_card(context, programme, heading_level=3, show_community=False, compact=False):
    """`includes/programme_card.html`: see there what the options do."""
    return item_fragment(
        context,
        "includes/programme_card.html",
        "programme",
        programme,
        heading_level=heading_level,
        show_community=bool(show_community),
        compact=bool(compact),
    )


@register.simple_tag
def programmes_url(page):
    """The programme listing below the home page or a KS page."""
    return routes.programmes_url(page)
