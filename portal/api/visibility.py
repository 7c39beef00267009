"""What the API may show: live, public content of live KS sections, whatever the request.

Every answer is the same for every caller (no session, no login, no password a visitor
entered for a private page), which is what lets it be cached and shared by a CDN.
"""

from django.db.models import Q

from portal.base.privacy import public
from portal.communities.serializers import live_community_ids
from portal.stakeholders.models import Stakeholder
from programmes.models import Programme


def public_pages(model, site):
    """Live pages of `model` on `site` outside every private section."""
    if site is None:
        return model.objects.none()
    return public(model.objects.live()).descendant_of(site.root_page, inclusive=True)


def of_live_communities(queryset):
    """Rows of the whole municipality or of a KS whose section is live and public."""
    return queryset.filter(Q(community__isnull=True) | Q(community__in=list(live_community_ids())))


def public_programmes():
    return of_live_communities(Programme.objects.public())


def public_stakeholders():
    return of_live_communities(Stakeholder.objects.all())
