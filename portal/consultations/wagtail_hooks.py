"""Consultation responses in the admin: a listing per KS (the editor's own KS only, every
KS for municipal editors), filtered by consultation and source, and each response's page
with its answers and offers."""

import django_filters
from django.db.models import Q
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from portal.communities.access import communities_for, manages_all_communities
from portal.communities.viewsets import CommunityOwnedViewSet
from portal.consultations import exports
from portal.consultations.draw_view import DrawView, draw_url
from portal.consultations.models import ConsultationPage, Response
from portal.consultations.moderation import ModerationView, moderation_url
from portal.consultations.workshop import WorkshopEntryView, entry_url


def consultations_of(request):
    """The consultations an editor may filter by: their own KS's (every one for the
    municipality), never another KS's titles."""
    pages = ConsultationPage.objects.order_by("title")
    if request is None or manages_all_communities(request.user):
        return pages
    within = Q(pk__in=[])
    for ks in communities_for(request.user):
        within |= Q(path__startswith=ks.path)
    return pages.filter(within)


class ResponseFilterSet(WagtailFilterSet):
    consultation = django_filters.ModelChoiceFilter(
        label=_("consultation"), queryset=consultations_of
    )

    class Meta:
        model = Response
        fields = ["source", "consultation"]


class AnswersColumn(Column):
    """A link to the consultation's "Odgovori": its free texts to approve, and the files."""

    cell_template_name = "consultations/admin/answers_cell.html"

    def get_value(self, instance):
        return moderation_url(instance.consultation)


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
    list_display = [
        "consultation",
        "source",
        "people_count",
        "submitted_at",
        AnswersColumn("answers", label=_("Approval and export")),
    ]
    filterset_class = ResponseFilterSet
    ordering = ["-submitted_at"]
    inspect_template_name = "consultations/admin/response_inspect.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("consultation")


register_snippet(ResponseViewSet)


@hooks.register("register_admin_urls")
def register_consultation_admin_urls():
    return [
        path(
            "consultations/<int:page_id>/workshop/",
            WorkshopEntryView.as_view(),
            name="consultation_workshop_entry",
        ),
        path("consultations/<int:page_id>/draw/", DrawView.as_view(), name="consultation_draw"),
        path(
            "consultations/<int:page_id>/answers/",
            ModerationView.as_view(),
            name="consultation_answers",
        ),
        path(
            "consultations/<int:page_id>/answers/responses.csv",
            exports.responses_csv,
            name="consultation_export_responses_csv",
        ),
        path(
            "consultations/<int:page_id>/answers/offers.csv",
            exports.offers_csv,
            name="consultation_export_offers_csv",
        ),
        path(
            "consultations/<int:page_id>/answers/answers.xlsx",
            exports.workbook,
            name="consultation_export_xlsx",
        ),
    ]


@hooks.register("register_page_header_buttons")
def consultation_buttons(page, user, view_name, next_url=None):
    """On a consultation's pages in the admin: the volunteer's way to the workshop form and
    to the free-text answers to approve and the files to export, and the editor's to the
    prize draw when the consultation has a prize."""
    if page.specific_class is ConsultationPage and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Enter answers from a workshop"),
            url=entry_url(page),
            icon_name="form",
            priority=25,
        )
        yield Button(_("Answers"), url=moderation_url(page), icon_name="tasks", priority=26)
        if page.specific.draw_prize:
            yield Button(_("Draw the winners"), url=draw_url(page), icon_name="pick", priority=27)
