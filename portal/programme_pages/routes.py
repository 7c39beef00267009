"""Public programme pages, routed under the pages that own them.

A KS page answers `programi/` (its programmes) and `programi/<slug>/` (one of them); the
home page answers the same for the whole municipality: its listing shows every KS's
programmes, and its detail URLs are those of the municipality-wide ones. A programme's
one public address is under its KS, so links never need the page tree: they come from the
directory of KS sections (`programme_url`).
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.base.listing import Listed, ListedIterable, listed
from portal.base.pagination import paginate
from portal.communities.directory import municipal_section, section_of_community
from programmes.models import Programme, ProgrammeQuerySet

LISTING_ROUTE = "programmes"
# How many of a programme's next dates its page lists.
UPCOMING_DATES = 8
DETAIL_ROUTE = "programme"


class ProgrammeRoutes(RoutablePageMixin):
    """Mixed into the KS page and the home page (see `programme_owner`)."""

    programmes_per_page = 12

    def programme_owner(self):
        """The KS whose programmes these routes show; None for the whole municipality."""
        raise NotImplementedError

    def listed_programmes(self):
        programmes = Programme.objects.public()
        owner = self.programme_owner()
        return programmes if owner is None else programmes.of_community(owner)

    @path("programi/", name=LISTING_ROUTE)
    def programme_list(self, request):
        from portal.programme_pages.filters import ProgrammeFilterForm

        form = ProgrammeFilterForm(request.GET, municipal=self.programme_owner() is None)
        programmes = form.apply(self.listed_programmes())
        listing = paginate(request, listed(programmes, ListedProgrammes), self.programmes_per_page)
        return TemplateResponse(
            request,
            "programme_pages/programme_list.html",
            {
                "page": self,
                "self": self,
                "form": form,
                "programmes_page": listing,
                "listing_title": listing_title(self.programme_owner()),
                "breadcrumb_trail": [(_("Programmes"), None)],
            },
            status=400 if form.errors else 200,
        )

    @path("programi/<slug:slug>/", name=DETAIL_ROUTE)
    def programme_detail(self, request, slug):
        programme = (
            Programme.objects.public().of_community(self.programme_owner()).filter(slug=slug)
        ).first()
        if programme is None:
            raise Http404
        # The page's parts that follow from the programme alone are kept per content
        # version ({% kept %}): what they show is read only when they are rendered afresh.
        programme.listed = Listed([programme], ListedProgrammes.load)
        from portal.events.models import Occurrence
        from portal.events.routes import calendar_url

        dates = Occurrence.objects.public().filter(event__programme=programme).upcoming()
        return TemplateResponse(
            request,
            "programme_pages/programme_page.html",
            {
                "page": self,
                "self": self,
                "programme": programme,
                "upcoming_dates": list(dates.for_listing()[:UPCOMING_DATES]),
                "calendar_url": calendar_url(programme.community_id, programme=programme.pk),
                "breadcrumb_trail": [
                    (_("Programmes"), self.programmes_url()),
                    (programme.title, None),
                ],
            },
        )

    def programmes_url(self):
        return self.get_url() + self.reverse_subpage(LISTING_ROUTE)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base is None:
            return urls
        listed = self.listed_programmes().of_community(self.programme_owner())
        return [
            *urls,
            {"location": base + self.reverse_subpage(LISTING_ROUTE)},
            *(
                {
                    "location": base + self.reverse_subpage(DETAIL_ROUTE, kwargs={"slug": slug}),
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
        # The home page's routes for programmes are these, as they are a KS page's.
        base, owner = (municipality.url if municipality else None), ProgrammeRoutes
    else:
        section = section_of_community(programme.community_id)
        if section is None:
            return None
        base, owner = section.url, type(section.community)
    if base is None or not programme.slug:
        return None
    return base + owner.get_resolver().reverse(DETAIL_ROUTE, slug=programme.slug)
