"""Stakeholders (deležniki): who takes part in a KS's community space.

The pilot began by finding them in the public, NGO and business sectors; each KS page
lists its own, grouped by sector.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import PreviewableMixin, RevisionMixin
from wagtail.search import index

from portal.base.serializers import Choice
from portal.communities.ownership import CommunityOwnedModel
from portal.communities.serializers import Community


class Stakeholder(CommunityOwnedModel, RevisionMixin, PreviewableMixin, index.Indexed):
    count_label = ngettext_lazy("%(count)s stakeholder", "%(count)s stakeholders", "count")

    class Sector(models.TextChoices):
        PUBLIC = "public", _("public sector")
        NGO = "ngo", _("non-governmental organisation")
        BUSINESS = "business", _("business")
        INFORMAL = "informal", _("informal group")
        INDIVIDUAL = "individual", _("individual")

    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="stakeholder")

    refused_choice = _(
        "This stakeholder belongs to another local community. Choose a stakeholder of your "
        "own KS or one of the whole municipality."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("sector"),
        FieldPanel("community"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("website"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("logo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("community"),
        index.FilterField("sector"),
    ]

    # What the API shows of a stakeholder: what its card on the KS page shows.
    api_fields = [
        APIField("name"),
        APIField("sector", serializer=Choice()),
        APIField("community", serializer=Community()),
        APIField("description"),
        APIField("contact_person"),
        APIField("email"),
        APIField("phone"),
        APIField("website"),
        APIField("logo"),
    ]

    # Public listings show sectors in this order.
    SECTOR_ORDER = [choice.value for choice in Sector]

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "stakeholders/stakeholder_preview.html"


def grouped_by_sector(stakeholders):
    """[(sector label, [stakeholders])] in the public order of sectors."""
    groups = {}
    for stakeholder in sorted(
        stakeholders, key=lambda s: (Stakeholder.SECTOR_ORDER.index(s.sector), s.name)
    ):
        groups.setdefault(stakeholder.get_sector_display(), []).append(stakeholder)
    return list(groups.items())
