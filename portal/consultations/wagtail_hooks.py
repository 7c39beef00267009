"""Consultation responses in the admin: a listing per KS (the editor's own KS only, every
KS for municipal editors), filtered by consultation and source, and each response's page
with its answers and offers; the offers' own listing (`offer_views`), and in the editor
of a stakeholder or programme made from an offer, a link back to it."""

import django_filters
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet

from portal.communities.viewsets import CommunityOwnedViewSet
from portal.consultations import exports
from portal.consultations.draw_view import DrawView, draw_url
from portal.consultations.models import ConsultationPage, Offer, Response
from portal.consultations.moderation import ModerationView, moderation_url
from portal.consultations.offer_views import OfferViewSet
from portal.consultations.permissions import consultations_of
from portal.consultations.workshop import WorkshopEntryView, entry_url
from portal.stakeholders.models import Stakeholder
from programmes.models import Programme


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
register_snippet(OfferViewSet)


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


class CameFromOfferMenuItem(ActionMenuItem):
    """In the editor of a stakeholder or programme made from an offer: a link back to the
    response the offer came with (`Offer.stakeholder`, `Offer.programme`)."""

    name = "came-from-offer"
    icon_name = "help"
    order = 900

    def __init__(self, field):
        super().__init__()
        self.field = field

    def offer(self, context):
        instance = context.get("instance")
        if instance is None or instance.pk is None:
            return None
        return (
            Offer.objects.filter(**{self.field: instance})
            .select_related("response__consultation")
            .first()
        )

    def is_shown(self, context):
        context[f"offer_{self.field}"] = self.offer(context)
        return context[f"offer_{self.field}"] is not None

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        offer = parent_context[f"offer_{self.field}"]
        context["label"] = _("From an offer in “%(consultation)s”") % {
            "consultation": offer.response.consultation.title
        }
        return context

    def get_url(self, parent_context):
        offer = parent_context[f"offer_{self.field}"]
        return reverse("wagtailsnippets_consultations_offer:inspect", args=[offer.pk])


@hooks.register("register_snippet_action_menu_item")
def came_from_offer(model):
    if model is Stakeholder:
        return CameFromOfferMenuItem("stakeholder")
    if model is Programme:
        return CameFromOfferMenuItem("programme")
    return None
