"""The `consultations` endpoint: the live consultations (posveti) of the KS, their themes
and questions, and, once public, what their answers add up to (`{id}/results/`).

The results are `results_of(page).as_dict()` and nothing else: counts and the free text
an editor approved, never an answer, an offer or a contact. Answers publish nothing, so
the content version does not follow them: a results answer is never kept by this server
and a client revalidates it every time (`portal.api.http.LIVE`).
"""

from django.db.models import Q
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import status
from rest_framework.response import Response

from portal.api import parameters
from portal.api.http import LIVE
from portal.api.pages import PageEndpoint, in_community
from portal.api.parameters import parse_query
from portal.base import clock
from portal.consultations.models import ConsultationPage
from portal.consultations.results import results_of
from portal.consultations.serializers import RESULTS_PATH, RESULTS_SCHEMA, STATES


class ConsultationsEndpoint(PageEndpoint):
    name = "consultations"
    model = ConsultationPage
    api_summary = gettext_lazy("Consultations")
    api_description = gettext_lazy(
        "The consultations (posveti) in which the local communities ask residents about their "
        "needs and what they could offer, newest first: when they are open, the themes and, "
        "in an item's detail, the questions. `results` says whether the counts are public "
        "and where."
    )
    detail_only_fields = ["questions"]
    # Further addresses of an item, for the OpenAPI description (`portal.api.openapi`).
    item_resources = [
        {
            "name": "results",
            "path": RESULTS_PATH,
            "summary": gettext_lazy("What the answers add up to"),
            "description": gettext_lazy(
                "Counts per option, per value of a scale, per kind of help offered and per "
                "theme, online and from the workshop tables told apart, and the free-text "
                "answers an editor approved: never an answer of one person, nor a contact. "
                "Public once the consultation closes (or while open, if the KS allows it); "
                "always revalidated, so a new answer shows at once."
            ),
            "schema": RESULTS_SCHEMA,
            "not_found": gettext_lazy(
                "There is no such consultation, or its results are not public yet."
            ),
        }
    ]

    @classmethod
    def get_urlpatterns(cls):
        return [
            *super().get_urlpatterns(),
            path(
                f"<api_id:pk>/{RESULTS_PATH}",
                cls.as_view({"get": "results_view"}),
                name="results",
            ),
        ]

    @classmethod
    def filters(cls):
        return [
            parameters.community(),
            parameters.choice(
                "state",
                gettext_lazy("Only those that open later (upcoming), are open or closed."),
                lambda: [(state, state) for state in STATES],
            ),
        ]

    def get_queryset(self):
        return super().get_queryset().order_by("-opens_at", "-pk")

    def with_related(self, queryset):
        return queryset.prefetch_related("themes")

    def filter_listing(self, queryset, query):
        queryset = in_community(queryset, query)
        if "state" in query:
            now = clock.now()
            queryset = queryset.filter(
                {
                    "upcoming": Q(opens_at__gt=now),
                    "open": Q(opens_at__lte=now, closes_at__gt=now),
                    "closed": Q(closes_at__lte=now),
                }[query["state"]]
            )
        return super().filter_listing(queryset, query)

    def results_view(self, request, pk):
        self.query = parse_query(request.GET, {})
        consultation = self.get_object()
        if not consultation.results_are_public:
            message = _(
                "The results of this consultation are not public yet: they will be once it closes."
            )
            return Response({"message": message}, status=status.HTTP_404_NOT_FOUND)
        response = Response(results_of(consultation).as_dict())
        response["Cache-Control"] = LIVE
        return response
