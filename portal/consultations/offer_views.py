"""Offers in the admin ("Ponudbe"): a listing per KS, bounded like the responses, each
offer's page, and the two actions that turn an offer with consent into a stakeholder or
a draft programme (`portal.consultations.offers`)."""

import django_filters
from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import BooleanColumn, Column, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.communities.viewsets import CommunityOwnedViewSet
from portal.consultations import offers
from portal.consultations.models import Offer
from portal.consultations.permissions import consultations_of

KINDS = ("skills", "time", "space", "tools", "money")
STAKEHOLDER_EDIT = "wagtailsnippets_stakeholders_stakeholder:edit"
PROGRAMME_EDIT = "wagtailsnippets_programmes_programme:edit"


def kinds_of(offer):
    return ", ".join(
        str(Offer._meta.get_field(kind).verbose_name) for kind in KINDS if getattr(offer, kind)
    )


def became(offer):
    """Links to what the offer became, for the listing and the pages of offers."""
    links = []
    if offer.stakeholder_id:
        links.append((reverse(STAKEHOLDER_EDIT, args=[offer.stakeholder_id]), offer.stakeholder))
    if offer.programme_id:
        links.append((reverse(PROGRAMME_EDIT, args=[offer.programme_id]), offer.programme))
    return format_html_join(", ", '<a href="{}">{}</a>', links)


class ProgrammeTypeForm(forms.Form):
    programme_type = forms.ChoiceField(label=_("programme type"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme_type"].choices = [
            (plugin.key, plugin.label) for plugin in offers.programme_types()
        ]


class OfferFilterSet(WagtailFilterSet):
    consultation = django_filters.ModelChoiceFilter(
        label=_("consultation"), field_name="response__consultation", queryset=consultations_of
    )

    class Meta:
        model = Offer
        fields = ["consultation", "theme", "consent_to_contact"]


class MakeFromOffer(WagtailAdminTemplateMixin, TemplateView):
    """POST only: make a stakeholder or a draft programme of one offer, then open it; a
    refusal is a page that says why, with the status it deserves."""

    model = None
    http_method_names = ["post"]
    template_name = "consultations/admin/offer_refused.html"
    page_title = _("Offer")
    header_icon = "help"

    def post(self, request, pk):
        offer = get_object_or_404(
            Offer.objects.select_related("response__community", "stakeholder"), pk=pk
        )
        try:
            made = self.make(offer)
        except offers.Refused as refusal:
            return self.refuse(offer, refusal.args[0])
        messages.success(request, self.success_message % {"title": made})
        return redirect(self.made_url_name, made.pk)

    def refuse(self, offer, message, status=403):
        context = self.get_context_data(offer=offer, message=message, back=inspect_url(offer))
        return self.render_to_response(context, status=status)


class MakeStakeholder(MakeFromOffer):
    made_url_name = STAKEHOLDER_EDIT
    success_message = _("Stakeholder “%(title)s” is made from the offer. Check and complete it.")

    def make(self, offer):
        return offers.make_stakeholder(offer, self.request.user)


class MakeDraftProgramme(MakeFromOffer):
    made_url_name = PROGRAMME_EDIT
    success_message = _(
        "The draft programme “%(title)s” is made from the offer. Complete it and publish it "
        "when it is ready."
    )

    def make(self, offer):
        form = ProgrammeTypeForm(self.request.POST)
        if not form.is_valid():
            raise offers.Refused(_("Choose one of the programme types offered."))
        return offers.make_draft_programme(
            offer, self.request.user, form.cleaned_data["programme_type"]
        )


class OfferViewSet(CommunityOwnedViewSet):
    model = Offer
    icon = "help"
    menu_label = _("Consultation offers")
    menu_order = 207
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_template_name = "consultations/admin/offer_inspect.html"
    filterset_class = OfferFilterSet
    ordering = ["-response__submitted_at"]
    list_display = [
        TitleColumn(
            "description",
            label=_("what and when"),
            accessor=lambda offer: offer.description[:80] or "–",
            get_url=lambda offer: inspect_url(offer),
        ),
        Column("consultation", label=_("consultation"), accessor="response.consultation"),
        Column("theme", label=_("theme"), accessor="get_theme_display"),
        Column("kinds", label=_("what they offer"), accessor=kinds_of),
        BooleanColumn("consent_to_contact", label=_("consent")),
        Column("became", label=_("what it became"), accessor=became),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("response__consultation", "stakeholder", "programme")
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "<str:pk>/stakeholder/",
                self.construct_view(MakeStakeholder),
                name="make_stakeholder",
            ),
            path(
                "<str:pk>/programme/",
                self.construct_view(MakeDraftProgramme),
                name="make_programme",
            ),
        ]


def inspect_url(offer):
    return reverse("wagtailsnippets_consultations_offer:inspect", args=[offer.pk])


def action_url(name, offer):
    return reverse(f"wagtailsnippets_consultations_offer:{name}", args=[offer.pk])
