"""The events of a KS, with how each one repeats; their calendar page is
`portal.events.models.calendars`."""

import datetime
import json
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from portal.base import subpages
from portal.base.models import RICH_TEXT_FEATURES, BasePage
from portal.base.serializers import Choice
from portal.communities.models import CommunityOwned
from portal.communities.serializers import Community
from portal.events import recurrence
from portal.events.forms import EventPageForm
from portal.events.models.occurrences import Occurrence, When, instances_of
from portal.events.panels import ClashesPanel
from portal.events.places import places_of, places_shown
from portal.events.serializers import ProgrammeLink, public_programme
from portal.spaces.models.serializers import SpaceLink
from programmes.api import TermsField


class Status(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    CANCELLED = "cancelled", _("cancelled")
    POSTPONED = "postponed", _("postponed")
    MOVED_ONLINE = "moved_online", _("moved online")


class Registration(models.TextChoices):
    NONE = "none", _("no registration needed")
    LINK = "link", _("register through a link")
    CONTACT = "contact", _("register with the organiser")
    PORTAL = "portal", _("sign up on this site")


# Most places one sign-up may take (a family, a group of friends).
MAX_PLACES_PER_SIGNUP = 10


class SignupQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=200)
    required = blocks.BooleanBlock(label=_("an answer is required"), required=False)

    class Meta:
        icon = "help"


class SignupQuestions(blocks.StreamBlock):
    """Questions the organiser asks everyone who signs up; answers are kept by block id."""

    short_text = SignupQuestionBlock(label=_("short answer"))
    yes_no = SignupQuestionBlock(label=_("yes or no"))


@dataclass(frozen=True)
class Contact:
    """Whom to ask about an event: a name, an e-mail and a phone, any of them empty."""

    name: str
    email: str
    phone: str

    def __bool__(self):
        return bool(self.name or self.email or self.phone)


def shown_when(repeating=False, frequency=None):
    """Attributes of a panel that Wagtail's `w-rules` controller shows only while the
    event repeats (`repeating`), or repeats with `frequency`."""
    if frequency:
        return {"data-w-rules-target": "show", "data-w-rules": json.dumps({"frequency": frequency})}
    return {
        "data-w-rules-target": "show",
        "data-w-rules": json.dumps({"frequency": ""}),
        "data-w-rules-match": "not",
    }


class EventPage(subpages.Subpages, CommunityOwned, BasePage):
    count_label = ngettext_lazy("%(count)s event", "%(count)s events", "count")
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Show only the date, without times.")
    )
    space = models.ForeignKey(
        "spaces.SpacePage",
        verbose_name=_("community space"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Where it happens, if in one of the community spaces."),
    )
    location = models.CharField(
        _("other location"),
        max_length=200,
        blank=True,
        help_text=_(
            "Place and address, if not in a community space. Several places: separate them "
            "with semicolons."
        ),
    )
    body = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.SCHEDULED,
        help_text=_("A cancelled event keeps its page and says that it is cancelled."),
    )
    organiser = models.ForeignKey(
        "stakeholders.Stakeholder",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    themes = ParentalManyToManyField(
        "programmes.Theme", verbose_name=_("themes"), blank=True, related_name="events"
    )
    audiences = ParentalManyToManyField(
        "programmes.Audience", verbose_name=_("audience"), blank=True, related_name="events"
    )
    is_free = models.BooleanField(_("free of charge"), default=True)
    price = models.CharField(
        _("price"),
        max_length=100,
        blank=True,
        help_text=_("For example: 5 EUR, 3 EUR for pensioners."),
    )
    registration = models.CharField(
        _("registration"),
        max_length=10,
        choices=Registration.choices,
        default=Registration.NONE,
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    # Sign-ups on the portal (`Registration.PORTAL`): `portal.signups` takes them.
    signup_room = models.ForeignKey(
        "spaces.Room",
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The room of the space where it happens: its seated capacity is the default."),
    )
    signup_capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100_000)],
        help_text=_(
            "How many people may sign up for each date. Left empty: the room's seated capacity."
        ),
    )
    signup_max_places = models.PositiveSmallIntegerField(
        _("places per sign-up"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PLACES_PER_SIGNUP)],
        help_text=_("How many places one person may take for themselves and others."),
    )
    signup_deadline_hours = models.PositiveSmallIntegerField(
        _("sign-ups close (hours before)"),
        default=0,
        validators=[MaxValueValidator(24 * 30)],
        help_text=_("0 closes sign-ups when the date starts."),
    )
    signup_questions = StreamField(
        SignupQuestions(),
        verbose_name=_("questions for those who sign up"),
        blank=True,
        default=list,
    )
    contact_name = models.CharField(
        _("contact person"),
        max_length=200,
        blank=True,
        help_text=_(
            "Whom to ask about the event or register with. Left empty, the page shows the "
            "contact of the programme or of the organiser."
        ),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)

    # How it repeats: the editor's choices, and the RFC 5545 rule built from them.
    frequency = models.CharField(
        _("repeats"),
        max_length=10,
        choices=recurrence.Frequency.choices,
        default=recurrence.Frequency.NONE,
        blank=True,
    )
    interval = models.PositiveSmallIntegerField(
        _("every"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text=_("1 for every week (or day, month, year), 2 for every other one, …"),
    )
    weekdays = models.CharField(
        _("on these days"),
        max_length=30,
        blank=True,
        help_text=_("For weekly events; none ticked means the weekday of the first date."),
    )
    monthly_by = models.CharField(
        _("monthly"),
        max_length=20,
        choices=recurrence.MonthlyBy.choices,
        default=recurrence.MonthlyBy.DAY,
    )
    ends = models.CharField(
        _("repeating ends"),
        max_length=10,
        choices=recurrence.Ends.choices,
        default=recurrence.Ends.NEVER,
    )
    until = models.DateField(_("last date"), null=True, blank=True)
    count = models.PositiveSmallIntegerField(
        _("number of times"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(recurrence.MAX_OCCURRENCES)],
    )
    rrule = models.TextField(_("repeat rule (RFC 5545)"), blank=True, editable=False)

    folded_text_fields = ("title", "intro", "body", "location")
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("location"),
        index.FilterField("start"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldPanel("status"),
            ],
            heading=_("When"),
        ),
        # The repeat settings show once the event repeats (Wagtail's `w-rules` controller;
        # without JavaScript every field shows).
        MultiFieldPanel(
            [
                FieldPanel("frequency"),
                FieldPanel("interval", attrs=shown_when(repeating=True)),
                FieldPanel("weekdays", attrs=shown_when(frequency=recurrence.Frequency.WEEKLY)),
                FieldPanel(
                    "monthly_by",
                    widget=forms.RadioSelect,
                    attrs=shown_when(frequency=recurrence.Frequency.MONTHLY),
                ),
                FieldRowPanel(
                    [FieldPanel("ends"), FieldPanel("until"), FieldPanel("count")],
                    attrs=shown_when(repeating=True),
                ),
            ],
            heading=_("Repeats"),
            attrs={"data-controller": "w-rules", "data-action": "change->w-rules#resolve"},
        ),
        InlinePanel(
            "excluded_dates",
            heading=_("Dates left out"),
            label=_("date left out"),
            help_text=_("Days on which a repeating event does not take place."),
        ),
        InlinePanel(
            "date_changes",
            heading=_("Single dates cancelled or moved"),
            label=_("changed date"),
            help_text=_("Cancel one date of a repeating event, or move it to another time."),
        ),
        MultiFieldPanel([FieldPanel("space"), FieldPanel("location")], heading=_("Where")),
        MultiFieldPanel(
            [ClashesPanel("publish_despite_clashes")], heading=_("Clashes in the space")
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("programme"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who and what"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
                FieldRowPanel([FieldPanel("registration"), FieldPanel("registration_url")]),
                MultiFieldPanel(
                    [
                        FieldRowPanel([FieldPanel("signup_room"), FieldPanel("signup_capacity")]),
                        FieldRowPanel(
                            [FieldPanel("signup_max_places"), FieldPanel("signup_deadline_hours")]
                        ),
                        FieldPanel("signup_questions"),
                    ],
                    heading=_("Sign-ups on this site"),
                    attrs={
                        "data-w-rules-target": "show",
                        "data-w-rules": json.dumps({"registration": Registration.PORTAL}),
                    },
                ),
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Price, registration and contact"),
            attrs={"data-controller": "w-rules", "data-action": "change->w-rules#resolve"},
        ),
    ]

    # What the API shows of an event page (`pages` detail); its dates, repeats expanded,
    # are the `events` endpoint.
    api_fields = [
        APIField("intro"),
        APIField("start"),
        APIField("end"),
        APIField("all_day"),
        APIField("status", serializer=Choice()),
        APIField("space", serializer=SpaceLink()),
        APIField("location"),
        APIField("programme", serializer=ProgrammeLink()),
        APIField("community", serializer=Community()),
        APIField("themes", serializer=TermsField()),
        APIField("audiences", serializer=TermsField()),
        APIField("is_free"),
        APIField("price"),
        APIField("registration", serializer=Choice()),
        APIField("registration_url"),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("contact_phone"),
        APIField("body"),
        APIField("image"),
    ]

    # How many of its upcoming dates an event page lists before folding the rest away.
    dates_unfolded = 5

    base_form_class = EventPageForm
    # Apps higher up add routes below an event page (`portal.signups`: its sign-up form).
    subpage_kind = "event"
    parent_page_types = ["events.EventCalendarPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if not self.space_id and not self.location.strip():
            errors["location"] = _("Choose a community space or write where the event takes place.")
        if not self.is_free and not self.price.strip():
            errors["price"] = _("Write the price, or tick “free of charge”.")
        if self.registration == Registration.LINK and not self.registration_url:
            errors["registration_url"] = _(
                "Give the link where people register, or choose another way to register."
            )
        if self.registration == Registration.CONTACT and not self.contact_reachable():
            errors["contact_email"] = _(
                "People register with the organiser: give a contact e-mail or phone (or "
                "choose a programme or organiser that has one)."
            )
        errors.update(self.signup_errors())
        errors.update(self.repeat_errors())
        if errors:
            raise ValidationError(errors)
        self.rrule = recurrence.rule_text(self)

    def signup_errors(self):
        if self.registration != Registration.PORTAL:
            return {}
        errors = {}
        room = self.signup_room if self.signup_room_id else None
        if room is not None and room.page_id != self.space_id:
            errors["signup_room"] = _("Choose a room of the event's community space.")
        elif self.signup_capacity is None and (room is None or not room.seated_capacity):
            errors["signup_capacity"] = _(
                "Give the number of places, or choose a room whose seated capacity is known."
            )
        return errors

    @property
    def takes_signups(self):
        return self.registration == Registration.PORTAL

    @property
    def signup_places(self):
        """How many people may sign up for each date: the number given, else the seated
        capacity of the room (None if neither is known)."""
        if self.signup_capacity:
            return self.signup_capacity
        if self.signup_room_id and self.signup_room is not None:
            return self.signup_room.seated_capacity
        return None

    def repeat_errors(self):
        if not self.frequency or not self.start:
            return {}
        errors = {}
        start = recurrence.local_start(self)
        weekday = recurrence.WEEKDAY_CODES[start.weekday()]
        if (
            self.frequency == recurrence.Frequency.WEEKLY
            and self.weekday_list
            and weekday not in self.weekday_list
        ):
            errors["weekdays"] = _(
                "The first date is not on one of the ticked days: tick its weekday too, "
                "or change the start."
            )
        if (
            self.frequency == recurrence.Frequency.MONTHLY
            and self.monthly_by == recurrence.MonthlyBy.WEEKDAY
            and recurrence.week_of_month(start) > 4
        ):
            errors["monthly_by"] = _(
                "The first date is a fifth weekday of its month, which not every month has: "
                "choose “the last such weekday” or the day of the month."
            )
        if self.ends == recurrence.Ends.ON_DATE:
            if not self.until:
                errors["until"] = _("Give the last date, or choose another way to end.")
            elif self.until < start.date():
                errors["until"] = _("The last date cannot be before the first one.")
        if self.ends == recurrence.Ends.AFTER and not self.count:
            errors["count"] = _("Give how many times it takes place, or choose another end.")
        return errors

    def save(self, *args, **kwargs):
        self.rrule = recurrence.rule_text(self)
        super().save(*args, **kwargs)

    @property
    def weekday_list(self):
        return [day for day in self.weekdays.split(",") if day]

    @property
    def repeats(self):
        return bool(self.rrule)

    @property
    def when(self):
        return When(self.start, self.end, self.all_day)

    @property
    def is_cancelled(self):
        return self.status == Status.CANCELLED

    @property
    def is_past(self):
        ends = self.end or self.start + datetime.timedelta(hours=1)
        if self.all_day:
            ends = datetime.datetime.combine(
                timezone.localtime(ends).date(), datetime.time.max, tzinfo=ends.tzinfo
            )
        return ends < timezone.now()

    @property
    def place(self):
        """Where the event happens, in words."""
        if self.space_id:
            return f"{self.space.title}, {self.space.address}"
        return self.location

    @property
    def address(self):
        """The address to look up on a map: the space's, or the location as written."""
        return self.space.address if self.space_id else self.location.strip()

    @property
    def map_url(self):
        """A search for the address on OpenStreetMap (spaces have no coordinates yet)."""
        if not self.address:
            return ""
        query = urlencode({"query": self.address}, quote_via=quote)
        return f"https://www.openstreetmap.org/search?{query}"

    @property
    def shown_programme(self):
        """The programme the event is a date of, if the public site shows it."""
        programme = self.programme
        return programme if programme is not None and public_programme(programme) else None

    @property
    def contact(self):
        """Whom to ask about the event: its own contact, else its programme's, else its
        organiser's (the first of them that gives anything); None if none does."""
        candidates = [Contact(self.contact_name, self.contact_email, self.contact_phone)]
        programme = self.shown_programme
        if programme is not None:
            candidates.append(
                Contact(programme.contact_name, programme.contact_email, programme.contact_phone)
            )
        if self.organiser_id:
            organiser = self.organiser
            candidates.append(Contact(organiser.contact_person, organiser.email, organiser.phone))
        return next((contact for contact in candidates if contact), None)

    def contact_reachable(self):
        contact = self.contact
        return contact is not None and bool(contact.email or contact.phone)

    @path("", name="event")
    def event_view(self, request):
        return self.render(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        dates = self.upcoming_dates(preview=getattr(request, "is_preview", False))
        context["upcoming_dates"] = dates
        # The list shows the first few dates; the rest are folded away.
        context["first_dates"] = dates[: self.dates_unfolded]
        context["more_dates"] = dates[self.dates_unfolded :]
        next_date = self.next_date(dates)
        context["next_date"] = next_date
        context["next_when"] = next_date.when if next_date else self.when
        context["is_over"] = not dates if self.repeats else self.is_past
        context.update(self.places_context(request, dates, next_date))
        return context

    def places_context(self, request, dates, next_date):
        """The places left on the date shown and, for a repeating event, a sign-up link
        for each upcoming date that takes sign-ups (`portal.events.places`); a preview's
        dates, worked out from a draft, have none."""
        if getattr(request, "is_preview", False) or not self.takes_signups:
            return {}
        # The dates the page offers sign-ups for: the first few, as its list of dates
        # unfolds them (a weekly event has a hundred dates within the horizon).
        dates = [date for date in dates if not date.cancelled][: self.dates_unfolded]
        places = places_of(dates)
        if places:
            places_shown(request)
        shown = next_date or next((date for date in dates if not date.cancelled), None)
        found = {"next_places": places.get(shown.pk) if shown is not None else None}
        try:
            form_url = self.get_url(request) + self.reverse_subpage("signup_form")
        except NoReverseMatch:  # no app answers sign-ups below event pages
            return found
        found["signup_url"] = form_url
        if self.repeats:
            found["signup_dates"] = [
                (
                    date,
                    places[date.pk],
                    f"{form_url}?termin={timezone.localtime(date.original_start).date():%Y-%m-%d}",
                )
                for date in dates
                if date.pk in places
            ]
        return found

    def next_date(self, upcoming_dates):
        """A repeating event's next date that is not cancelled, or None (a single event
        is its own date)."""
        if not self.repeats:
            return None
        return next((date for date in upcoming_dates if not date.cancelled), None)

    def upcoming_dates(self, preview=False):
        """The dates still to come; a preview works them out from the draft itself."""
        if not preview:
            return list(self.occurrences.upcoming())
        now = timezone.now()
        return [
            Occurrence(event=self, path=self.path, **vars(instance))
            for instance in instances_of(self)
            if instance.end > now
        ]


class ExcludedDate(Orderable):
    """A date on which a repeating event does not happen (EXDATE)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="excluded_dates")
    date = models.DateField(_("date"))

    panels = [FieldPanel("date")]

    class Meta(Orderable.Meta):
        verbose_name = _("date left out")
        verbose_name_plural = _("dates left out")


class DateChange(Orderable):
    """One date of a repeating event cancelled or moved (RECURRENCE-ID): keyed by the date
    it had in the rule."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="date_changes")
    original_date = models.DateField(
        _("date in the schedule"), help_text=_("The date as the repeat rule gives it.")
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)
    start = models.DateTimeField(
        _("moved to"), null=True, blank=True, help_text=_("The new start, if it was moved.")
    )
    end = models.DateTimeField(_("new end"), null=True, blank=True)

    panels = [
        FieldPanel("original_date"),
        FieldPanel("cancelled"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("changed date")
        verbose_name_plural = _("changed dates")

    def clean(self):
        super().clean()
        if not self.cancelled and not self.start:
            raise ValidationError(
                {"start": _("Give the new start, or tick “cancelled” for this date.")}
            )
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The new end cannot be before the new start.")})
