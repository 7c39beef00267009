"""A community space: a room of the KS that residents and societies can use."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.api import fields as api_fields
from portal.base.models import RICH_TEXT_FEATURES, BasePage
from portal.communities.models import CommunityOwned


class SpacePage(CommunityOwned, BasePage):
    body = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    address = models.CharField(
        _("address"), max_length=200, help_text=_("Street and number, postcode and town.")
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("How many people can sit in it.")
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)

    folded_text_fields = ("title", "intro", "body", "address")
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("address"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("capacity"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Where and how many"),
        ),
    ]

    # What the API's `spaces` endpoint shows of a space (and `pages` in its detail): add a
    # field here and it is listed, described in the OpenAPI description and documented.
    api_fields = [
        APIField("intro"),
        APIField("body"),
        APIField("address"),
        APIField("capacity"),
        APIField("contact_email"),
        APIField("contact_phone"),
        APIField("community", serializer=api_fields.Community()),
        APIField("image"),
    ]

    parent_page_types = ["communities.CommunityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("community space")
        verbose_name_plural = _("community spaces")

    def get_context(self, request, *args, **kwargs):
        from portal.events.models import Occurrence
        from programmes.models import Programme

        context = super().get_context(request, *args, **kwargs)
        dates = Occurrence.objects.public().filter(event__space=self).upcoming().for_listing()
        context["upcoming_dates"] = dates[:5]
        context["calendar_url"] = space_calendar_url(self)
        context["programmes"] = Programme.objects.public().filter(space=self).order_by("title")
        return context


def space_calendar_url(space):
    """Its KS's calendar showing only the events in `space`."""
    from portal.communities.directory import section_for_path
    from portal.events.routes import calendar_url

    section = section_for_path(space.path)
    return section and calendar_url(section.community.pk, space=space.pk)
