"""A programme as a card in a listing, its HTML kept per content version; the programmes
of a KS, and its stakeholders with theirs, for the KS page; the address of a programme
listing."""

from dataclasses import dataclass

from django import template
from django.db.models import Q

from portal.base.listing import item_fragment
from portal.programme_pages import routes
from portal.programme_pages.routes import public_programmes
from portal.stakeholders.models import Stakeholder, grouped_by_sector
from programmes.models import Programme

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
def programmes_of(page, count):
    """`{% programmes_of page 6 as programmes %}`: the first `count` public programmes
    of a KS, for cards."""
    return Programme.objects.public().of_community(page).select_related("image")[:count]


@dataclass(frozen=True)
class Stakeholders:
    by_sector: list  # (sector, [stakeholder]) of the KS's own
    municipal_partners: list  # those of the whole municipality


@register.simple_tag
def stakeholders_of(page):
    """`{% stakeholders_of page as stakeholders %}`: a KS's stakeholders by sector and
    the municipality's partners, each with its public programmes (the card lists them)."""
    stakeholders = list(
        Stakeholder.objects.filter(Q(community=page) | Q(community__isnull=True))
        .select_related("logo")
        .prefetch_related("logo__renditions", public_programmes())
    )
    return Stakeholders(
        by_sector=grouped_by_sector(s for s in stakeholders if s.community_id == page.pk),
        municipal_partners=[s for s in stakeholders if s.community_id is None],
    )


@register.simple_tag
def programmes_url(page):
    """The programme listing below the home page or a KS page."""
    return routes.programmes_url(page)
