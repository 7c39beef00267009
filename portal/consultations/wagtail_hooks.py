"""Consultation responses in the admin: a listing per KS (the editor's own KS only, every
KS for municipal editors), filtered by consultation and source, and each response's page
with its answers and offers."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from portal.communities.viewsets import CommunityOwnedViewSet
from portal.consultations.models import Response


class ResponseViewSet(CommunityOwnedViewSet):
    model = Response
    icon = "form"
    menu_label = _("Consultation responses")
    menu_order = 206
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_fields = [
        "consultation",
        "source",
        "submitted_at",
        "confirmed_at",
        "people_count",
        "workshop_date",
        "workshop_table",
        "workshop_round",
    ]
    list_display = ["consultation", "source", "people_count", "submitted_at"]
    list_filter = ["source", "consultation"]
    ordering = ["-submitted_at"]
    inspect_template_name = "consultations/admin/response_inspect.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("consultation")


register_snippet(ResponseViewSet)
