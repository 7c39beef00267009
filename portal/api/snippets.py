"""Endpoints over snippets: programmes (with their type's own fields) and stakeholders.

Wagtail's `BaseAPIViewSet` would list every row; these list what the public site shows:
live programmes of an active type, of the whole municipality or of a live KS.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.api import APIField
from wagtail.api.v2.views import BaseAPIViewSet

from portal.api import parameters
from portal.api.base import PortalSerializer, PublicEndpoint
from portal.api.visibility import public_programmes, public_stakeholders
from portal.base.serializers import ObjectUrl
from portal.communities.serializers import Community
from portal.spaces.models.serializers import SpaceLink
from portal.stakeholders.models import Stakeholder
from portal.stakeholders.serializers import Organisers
from programmes import registry
from programmes.api import attach_details
from programmes.models import Audience, Programme, Theme


def of_community(queryset, query):
    section = query.get("community")
    return queryset.filter(community=section.community) if section else queryset


class ProgrammesEndpoint(PublicEndpoint, BaseAPIViewSet):
    name = "programmes"
    model = Programme
    keeps_items = True
    base_serializer_class = PortalSerializer
    meta_fields = ["type", "detail_url", APIField("html_url", serializer=ObjectUrl())]
    # The model's own `api_fields`, then how it sits in the portal.
    body_fields = [
        "id",
        APIField("community", serializer=Community()),
        APIField("space", serializer=SpaceLink()),
        APIField("organisers", serializer=Organisers()),
    ]
    detail_only_fields = ["description"]
    api_summary = _("Programmes")
    api_description = _(
        "Recurring activities run by stakeholders (repair cafés, community gardens, "
        "meet-ups, …). `programme_type` names the type; `details` holds the type's own "
        "fields, described for each type below."
    )

    @classmethod
    def filters(cls):
        return [
            parameters.community(),
            parameters.key(
                "type",
                _(
                    "Only programmes of this type. A type that is not installed or turned off "
                    "gives an empty list."
                ),
                registry.is_key,
                lambda: [(plugin.key, str(plugin.label)) for plugin in registry.active()],
                registry.KEY_MAX_LENGTH,
                registry.KEY_PATTERN,
            ),
            parameters.choice(
                "theme", _("Only programmes on this theme."), lambda: Theme.Key.choices
            ),
            parameters.choice(
                "audience", _("Only programmes for this audience."), lambda: Audience.Key.choices
            ),
        ]

    def get_queryset(self):
        return public_programmes().for_listing().order_by("title", "pk")

    def filter_listing(self, queryset, query):
        queryset = of_community(queryset, query)
        if "type" in query:
            queryset = queryset.of_types([query["type"]])
        if "theme" in query:
            queryset = queryset.filter(themes__key=query["theme"])
        if "audience" in query:
            queryset = queryset.filter(audiences__key=query["audience"])
        return queryset

    def prepare(self, items):
        return attach_details(items)


class StakeholdersEndpoint(PublicEndpoint, BaseAPIViewSet):
    name = "stakeholders"
    model = Stakeholder
    base_serializer_class = PortalSerializer
    meta_fields = ["type", "detail_url"]
    detail_only_fields = ["description"]
    api_summary = _("Stakeholders")
    api_description = _(
        "Who takes part in the community spaces: public bodies, NGOs, businesses, informal "
        "groups and individuals, of a KS or of the whole municipality."
    )

    @classmethod
    def filters(cls):
        return [
            parameters.community(),
            parameters.choice(
                "sector", _("Only stakeholders of this sector."), lambda: Stakeholder.Sector.choices
            ),
        ]

    def get_queryset(self):
        return public_stakeholders().select_related("logo").order_by("name", "pk")

    def filter_listing(self, queryset, query):
        queryset = of_community(queryset, query)
        if "sector" in query:
            queryset = queryset.filter(sector=query["sector"])
        return queryset
