"""Consultations of a KS ("Posvet"): a page that asks residents about the "Dovolj za vse"
themes, and what came of it. Why not Wagtail's form builder:
docs/decisions/0035-consultations.md.

What residents send (responses, answers, offers, prize draw entries) lives in `answers.py`,
below this module and its public views; its models are named here too, so
`portal.consultations.models` offers every model of the app.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from portal.base import clock
from portal.base.models import BasePage
from portal.communities.forms import BoundedPageForm
from portal.communities.models import CommunityOwned
from portal.communities.serializers import Community
from portal.consultations import results_page, views
from portal.consultations.answers import (
    PERSONAL_DATA,
    Answer,
    Draw,
    DrawEntry,
    Offer,
    Response,
    ResponseQuerySet,
    mask_email,
    normalise_email,
)
from portal.consultations.blocks import QuestionsBlock
from portal.consultations.serializers import AskedThemes, Questions, ResultsLinks, State
from programmes.models import Theme


class ConsultationPage(RoutablePageMixin, CommunityOwned, BasePage):
    """A consultation of a KS: its questions per theme, open from `opens_at` to `closes_at`."""

    count_label = ngettext_lazy("%(count)s consultation", "%(count)s consultations", "count")

    opens_at = models.DateTimeField(_("open from"))
    closes_at = models.DateTimeField(_("open until"))
    results_public_while_open = models.BooleanField(
        _("results public while open"),
        default=False,
        help_text=_("Residents may see the counts before the consultation closes."),
    )
    themes = ParentalManyToManyField(
        "programmes.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="consultations",
        help_text=_("Leave empty to ask about all four themes of “Dovolj za vse”."),
    )
    questions = StreamField(QuestionsBlock(), verbose_name=_("questions"), blank=True)
    # "Kaj smo naredili": what came of the answers, shown on the results page with the
    # programmes made from offers (`Offer.programme`) and the items listed in `outcomes`.
    outcome = RichTextField(
        _("what we did"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("What came of the answers, in a few sentences, for the results page."),
    )

    # The prize draw ("Nagradno žrebanje"): residents who answer may leave an address to
    # enter it; an editor draws the winners once the consultation closes (`draw.py`).
    draw_prize = models.CharField(
        _("prize"),
        max_length=300,
        blank=True,
        help_text=_(
            "What can be won, e.g. “A basket of local produce”. Leave empty for no prize draw."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("results_public_while_open"),
            ],
            heading=_("When residents may answer"),
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("questions"),
        MultiFieldPanel(
            [FieldPanel("outcome"), InlinePanel("outcomes", label=_("what came of it"))],
            heading=_("What we did"),
        ),
        MultiFieldPanel([FieldPanel("draw_prize")], heading=_("Prize draw")),
    ]

    # Never the answers: their counts are the `results` the API serves on their own.
    api_fields = [
        APIField("intro"),
        APIField("community", serializer=Community()),
        APIField("opens_at"),
        APIField("closes_at"),
        APIField("state", serializer=State()),
        APIField("themes", serializer=AskedThemes()),
        APIField("questions", serializer=Questions()),
        APIField("results", serializer=ResultsLinks()),
    ]

    # What came of it refers only to pages and programmes the editor may choose.
    base_form_class = BoundedPageForm

    parent_page_types = ["communities.CommunityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The consultation must close after it opens.")})

    def asked_themes(self):
        """The themes asked about, in their fixed order: all four when none is chosen."""
        chosen = list(self.themes.all()) if self.pk else []
        return chosen or list(Theme.objects.order_by("pk"))

    @property
    def state(self):
        """ "upcoming", "open" or "closed" at this moment."""
        now = clock.now()
        if now < self.opens_at:
            return "upcoming"
        if now >= self.closes_at:
            return "closed"
        return "open"

    @property
    def is_open(self):
        return self.state == "open"

    @property
    def results_are_public(self):
        """Whether anyone may see the counts: once closed, or while open if the editor
        allows it; never before it opens."""
        state = self.state
        return state == "closed" or (state == "open" and self.results_public_while_open)

    @property
    def results_url(self):
        return self.url + self.reverse_subpage("results")

    # The public views (the form, the thank-you page): `portal.consultations.views`; the
    # results: `portal.consultations.results_page`.
    @path("", name="form")
    def answer_form(self, request):
        return views.answer_form(self, request)

    @path("potrditev/", name="confirm")
    def confirm(self, request):
        return views.confirm(self, request)

    @path("hvala/", name="thanks")
    def thanks(self, request):
        return views.thanks(self, request)

    @path("rezultati/", name="results")
    def show_results(self, request):
        return results_page.results_page(self, request)


class ConsultationOutcome(Orderable):
    """One thing that came of a consultation ("Kaj smo naredili"): a page (an event, a
    space) or a programme, with a line on how. Programmes made from an offer in one click
    are linked through `Offer.programme` and need no row here."""

    consultation = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="outcomes")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    note = models.CharField(_("how it came of the answers"), max_length=300, blank=True)

    panels = [
        PageChooserPanel("page", ["events.EventPage", "spaces.SpacePage"]),
        FieldPanel("programme"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("what came of it")
        verbose_name_plural = _("what came of it")

    def clean(self):
        super().clean()
        if not self.page_id and not self.programme_id:
            raise ValidationError(_("Choose a page or a programme."))


__all__ = [
    "PERSONAL_DATA",
    "Answer",
    "ConsultationOutcome",
    "ConsultationPage",
    "Draw",
    "DrawEntry",
    "Offer",
    "Response",
    "ResponseQuerySet",
    "mask_email",
    "normalise_email",
]
