"""A community space: a room of the KS that residents and societies can use.

Other apps add to its page: routes below it (the week view and the booking pages), which
they register for `SpacePage.subpage_kind` in `portal.base.subpages`, and parts of its
template (the next events held there) through their template tags.
"""

import datetime
from urllib.parse import quote, urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.base import clock, subpages
from portal.base.caching import kept
from portal.base.jsonld import json_ld
from portal.base.listing import Listed, load_listed
from portal.base.models import RICH_TEXT_FEATURES, BasePage
from portal.base.serializers import Number, Text
from portal.communities.models import MANAGE_ALL_COMMUNITIES, CommunityOwned, KeepsAccessFields
from portal.communities.serializers import Community
from portal.spaces import hours
from portal.spaces.forms import SpacePageForm
from portal.spaces.models.facilities import ACCESSIBILITY_FACTS, Access, Equipment, access_field
from portal.spaces.models.serializers import Accessibility, EquipmentList, OpeningHours, Rooms
from portal.spaces.structured_data import place_data
from programmes.models import Programme

# The page lists the opening hours of this many days from today.
DAYS_SHOWN = 14


class SpacePage(subpages.Subpages, CommunityOwned, KeepsAccessFields, BasePage):
    count_label = ngettext_lazy("%(count)s community space", "%(count)s community spaces", "count")
    body = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    address = models.CharField(
        _("address"), max_length=200, help_text=_("Street and number, postcode and town.")
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("In degrees, e.g. 46.239 for Kranj. Find it on openstreetmap.org."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("In degrees, e.g. 14.355 for Kranj."),
    )
    # The largest seated capacity of its rooms, kept on save for listings and cards.
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The seated capacity of its largest room."),
    )
    equipment = models.CharField(_("equipment"), max_length=300, blank=True)
    equipment_notes = models.TextField(
        _("more about the equipment"),
        blank=True,
        help_text=_("What else there is, and what to ask for in advance."),
    )
    step_free_entrance = access_field(
        _("step-free entrance"), _("No steps or a ramp from the street to the rooms.")
    )
    accessible_toilet = access_field(_("accessible toilet"), _("A toilet for wheelchair users."))
    lift = access_field(_("lift"), _("A lift to rooms that are not on the ground floor."))
    induction_loop = access_field(
        _("induction loop"), _("A hearing loop for people with hearing aids.")
    )
    disabled_parking = access_field(
        _("parking for disabled people"), _("Marked parking spaces near the entrance.")
    )
    accessibility_notes = models.TextField(
        _("more about accessibility"),
        blank=True,
        help_text=_("E.g. a low threshold at the door, the width of the doors, help on request."),
    )
    owned_by = models.ForeignKey(
        "stakeholders.Stakeholder",
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_spaces",
        help_text=_("Who owns the building or the rooms, e.g. the municipality."),
    )
    managed_by = models.ForeignKey(
        "stakeholders.Stakeholder",
        verbose_name=_("manager"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="managed_spaces",
        help_text=_("Who runs the space day to day, e.g. the KS council."),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    house_rules = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("house rules"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The house rules document that users of the space agree to."),
    )
    handover_notes = models.TextField(
        _("key and handover"),
        blank=True,
        help_text=_(
            "Sent with every approved booking, e.g. “Ključ prevzamete pri hišniku, "
            "Golniška cesta 12, dan pred uporabo.”"
        ),
    )
    # Set by municipal editors only (see `access_fields`): a space of one KS that every
    # KS may hold its events and programmes in (`portal.spaces.apps`).
    open_to_other_communities = models.BooleanField(
        _("open to other local communities"),
        default=False,
        help_text=_(
            "When on, the editors of every local community may hold their events and "
            "programmes in this space. Only municipal editors change this."
        ),
    )
    access_fields = ("open_to_other_communities",)

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
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("owned_by"), FieldPanel("managed_by")]),
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("house_rules"),
                FieldPanel("handover_notes"),
            ],
            heading=_("Who runs it"),
        ),
    ]
    rooms_panels = [
        InlinePanel(
            "rooms",
            heading=_("Rooms"),
            label=_("room"),
            help_text=_(
                "Each room that people can use, with its size and how many it holds. The "
                "largest seated capacity is shown as the capacity of the space."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("equipment"), FieldPanel("equipment_notes")], heading=_("Equipment")
        ),
    ]
    accessibility_panels = [
        MultiFieldPanel(
            [
                *(FieldPanel(name) for name in ACCESSIBILITY_FACTS),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility"),
            help_text=_("Say “not known” rather than guess: people plan their visit by it."),
        ),
    ]
    hours_panels = [
        InlinePanel(
            "weekly_hours",
            heading=_("Weekly opening hours"),
            label=_("opening hours"),
            help_text=_(
                "Add a row for each time the space is open; a day may have several, e.g. "
                "9.00–12.00 and 17.00–20.00. Public holidays are closed unless a date below "
                "gives special hours."
            ),
        ),
        FieldPanel("hours_valid_from"),
        InlinePanel(
            "hours_exceptions",
            heading=_("Dates with other hours"),
            label=_("date"),
            help_text=_("Dates when the space is closed or open at other hours than usual."),
        ),
    ]
    gallery_panels = [
        InlinePanel("gallery_images", heading=_("Photos"), label=_("photo")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Description")),
            ObjectList(rooms_panels, heading=_("Rooms and equipment")),
            ObjectList(accessibility_panels, heading=_("Accessibility")),
            ObjectList(hours_panels, heading=_("Opening hours")),
            ObjectList(gallery_panels, heading=_("Gallery")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(
                [
                    *BasePage.settings_panels,
                    FieldPanel("open_to_other_communities", permission=MANAGE_ALL_COMMUNITIES),
                ],
                heading=_("Settings"),
            ),
        ],
        base_form_class=SpacePageForm,
    )
    base_form_class = SpacePageForm

    # What the API's `spaces` endpoint shows of a space (and `pages` in its detail): add a
    # field here and it is listed, described in the OpenAPI description and documented.
    api_fields = [
        APIField("intro"),
        APIField("body"),
        APIField("address"),
        APIField("latitude", serializer=Number()),
        APIField("longitude", serializer=Number()),
        APIField("map_url", serializer=Text()),
        APIField("capacity"),
        APIField("rooms", serializer=Rooms()),
        APIField("equipment", serializer=EquipmentList()),
        APIField("equipment_notes"),
        APIField("accessibility", serializer=Accessibility()),
        APIField("accessibility_notes"),
        APIField("opening_hours", serializer=OpeningHours()),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("contact_phone"),
        APIField("community", serializer=Community()),
        APIField("image"),
    ]

    subpage_kind = "space"
    parent_page_types = ["communities.CommunityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("community space")
        verbose_name_plural = _("community spaces")

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError(
                {missing: _("Give both the latitude and the longitude, or neither.")}
            )

    def save(self, *args, **kwargs):
        seated = [room.seated_capacity for room in self.rooms.all() if room.seated_capacity]
        if seated:
            self.capacity = max(seated)
        return super().save(*args, **kwargs)

    # --- What the page shows ------------------------------------------------------------

    @property
    def equipment_list(self):
        return [code for code in self.equipment.split(",") if code]

    @property
    def equipment_labels(self):
        labels = dict(Equipment.choices)
        return [labels[code] for code in self.equipment_list if code in labels]

    @property
    def accessibility_facts(self):
        """[(field name, label, value, value label)] in the order the page lists them."""
        values = dict(Access.choices)
        found = []
        for name in ACCESSIBILITY_FACTS:
            value = getattr(self, name)
            found.append(
                (name, self._meta.get_field(name).verbose_name, value, values.get(value, value))
            )
        return found

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self):
        """The space on openstreetmap.org: a marker at its coordinates, or a search for
        its address."""
        if self.has_coordinates:
            lat, lon = f"{self.latitude:.6f}", f"{self.longitude:.6f}"
            return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
        if not self.address.strip():
            return ""
        query = urlencode({"query": self.address}, quote_via=quote)
        return f"https://www.openstreetmap.org/search?{query}"

    @property
    def largest_capacity(self):
        """The most people the space holds at once, seated or standing, in one room."""
        found = [room.largest_capacity for room in self.rooms.all() if room.largest_capacity]
        return max(found) if found else self.capacity

    # --- Serving ------------------------------------------------------------------------

    @path("", name="space")
    def space_view(self, request):
        response = self.render(request)
        expire_with_status(response, self.status_now)
        return response

    def load_details(self, request=None):
        """Read what the page shows of the space in a few queries (a preview has it in
        memory already)."""
        if getattr(request, "is_preview", False):
            return
        prefetch_related_objects(
            [self],
            "rooms",
            "weekly_hours",
            "gallery_images__image__renditions",
            "owned_by",
            "managed_by",
            "house_rules",
        )

    def get_context(self, request, *args, details=True, **kwargs):
        """What the page shows; `details=False` for its other views (the week view)."""
        context = super().get_context(request, *args, **kwargs)
        if not details:
            return context
        # What follows from the content alone is kept per content version ({% kept %}):
        # its rows are read only when it is rendered afresh.
        self.listed = Listed([self], lambda spaces: self.load_details(request))
        prefetch_related_objects([self], "weekly_hours")
        now = clock.now()
        today = timezone.localdate(now)
        days = hours.schedule(self, today, today + datetime.timedelta(days=DAYS_SHOWN - 1))
        has_hours = bool(self.weekly_hours.all()) or any(day.is_open for day in days)
        self.status_now = hours.status(self, now, days) if has_hours else None
        context["status"] = self.status_now
        context["days"] = days if has_hours else []
        context["programmes"] = Programme.objects.public().filter(space=self).order_by("title")
        if getattr(request, "is_preview", False):  # a draft: never kept
            context["structured_data"] = self.structured_data(days, request)
        else:
            context["structured_data"] = kept(
                "space-place",
                lambda: self.structured_data(days, request),
                (self.pk, today, request.get_host() if request else ""),
                limit=1000,
            )
        return context

    def structured_data(self, days, request):
        load_listed(self)
        return json_ld(place_data(self, days, request))


def expire_with_status(response, status):
    """Let caches keep the page only until its "open until …" status changes."""
    if status is None:
        return
    seconds = (status.valid_until - clock.now()).total_seconds()
    patch_cache_control(response, max_age=max(0, int(seconds)))
