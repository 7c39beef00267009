"""Public programme pages, routed under the pages that own them.

A KS page answers `programi/` (its programmes) and `programi/<slug>/` (one of them); the
home page answers the same for the whole municipality: its listing shows every KS's
programmes, and its detail URLs are those of the municipality-wide ones. The routes are
registered on the section pages (`portal.base.subpages.SECTION`) when the app is ready
(`register`). A programme's one public address is under its KS, so links never need the
page tree: they come from the directory of KS sections (`programme_url`).
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from portal.base import subpages
from portal.base.listing import Listed, ListedIterable, listed
from portal.base.pagination import paginate
from portal.communities.directory import municipal_section, section_of_community
from portal.communities.models import CommunityPage
from portal.events.models import Occurrence
from portal.events.routes import calendar_url
from portal.programme_pages.filters import ProgrammeFilterForm
from programmes.models import Programme, ProgrammeQuerySet

LISTING_ROUTE = "programmes"
# How many of a programme's next dates its page lists.
UPCOMING_DATES = 8
DETAIL_ROUTE = "programme"
PROGRAMMES_PER_PAGE = 12


def register():
    """The programme routes and their sitemap entries on the home and KS pages."""
    subpages.register_route(subpages.SECTION, "programi/", programme_list, name=LISTING_ROUTE)
    subpages.register_route(
        subpages.SECTION, "programi/<slug:slug>/", programme_detail, name=DETAIL_ROUTE
    )
    subpages.register_sitemap(subpages.SECTION, sitemap_entries)


def programme_owner(page):
    """The KS whose programmes `page` shows; None for the whole municipality (home)."""
    return page if isinstance(page, CommunityPage) else None


def listed_programmes(page):
    programmes = Programme.objects.public()
    owner = programme_owner(page)
    return programmes if owner is None else programmes.of_community(owner)


def programme_list(page, request):
    owner = programme_owner(page)
    form = ProgrammeFilterForm(request.GET, municipal=owner is None)
    programmes = form.apply(listed_programmes(page))
    listing = paginate(request, listed(programmes, ListedProgrammes), PROGRAMMES_PER_PAGE)
    return TemplateResponse(
        request,
        "programme_pages/programme_list.html",
        {
            "page": page,
            "self": page,
            "form": form,
            "programmes_page": listing,
            "listing_title": listing_title(owner),
            "breadcrumb_trail": [(_("Programmes"), None)],
        },
        status=400 if form.errors else 200,
    )


def programme_detail(page, request, slug):
    programme = (
        Programme.objects.public().of_community(programme_owner(page)).filter(slug=slug)
    ).first()
    if programme is None:
        raise Http404
    # The page's parts that follow from the programme alone are kept per content
    # version ({% kept %}): what they show is read only when they are rendered afresh.
    programme.listed = Listed([programme], ListedProgrammes.load)
    dates = Occurrence.objects.public().filter(event__programme=programme).upcoming()
    return TemplateResponse(
        request,
        "programme_pages/programme_page.html",
        {
            "page": page,
            "self": page,
            "programme": programme,
            "programmes_url": programmes_url(page),
            "upcoming_dates": list(dates.for_listing()[:UPCOMING_DATES]),
            "calendar_url": calendar_url(programme.community_id, programme=programme.pk),
            "breadcrumb_trail": [
                (_("Programmes"), programmes_url(page)),
                (programme.title, None),
            ],
        },
    )


def programmes_url(page):
    """The programme listing below a home or KS page."""
    return page.get_url() + page.reverse_subpage(LISTING_ROUTE)


def sitemap_entries(page, base):
    listed = listed_programmes(page).of_community(programme_owner(page))
    return [
        {"location": base + page.reverse_subpage(LISTING_ROUTE)},
        *(
            {
                "location": base + page.reverse_subpage(DETAIL_ROUTE, kwargs={"slug": slug}),
                "lastmod": last_published_at,
            }
            for slug, last_published_at in listed.values_list("slug", "last_published_at")
        ),
    ]


def listing_title(owner):
    return _("Programmes in the whole municipality") if owner is None else _("Programmes")


def with_public_links(programmes):
    """What a programme's card or page shows, in a constant number of queries."""
    return programmes.for_listing()


class ListedProgrammes(ListedIterable):
    """Programmes of a listing of cards: what the cards show is read for all of them at
    once, when one card is rendered afresh (`portal.base.listing`)."""

    @staticmethod
    def load(programmes):
        relations = (*ProgrammeQuerySet.LISTED_FOREIGN_KEYS, *ProgrammeQuerySet.LISTED_MANY)
        prefetch_related_objects(programmes, *relations)


def public_programmes(lookup="programmes"):
    """Prefetch for a stakeholder or space: its public programmes, as `public_programmes`."""
    return Prefetch(
        lookup,
        queryset=Programme.objects.public().order_by("title", "pk"),
        to_attr="public_programmes",
    )


def programme_url(programme, request=None):
    """The public address of a live programme: under its KS, or at the municipality's
    home page. None while its KS has no live section. No query: the KS sections and the
    home page's URL are known per content version."""
    if programme.community_id is None:
        municipality = municipal_section()
        base = municipality.url if municipality else None
    else:
        section = section_of_community(programme.community_id)
        if section is None:
            return None
        base = section.url
    if base is None or not programme.slug:
        return None
    return base + subpages.reverse(subpages.SECTION, DETAIL_ROUTE, slug=programme.slug)
