"""Sign-ups for the dates of an event, with a waiting list (decision 0039).

An event that takes sign-ups on the portal (`EventPage.registration == "portal"`) gets a
`SignUpDate` for each date someone signs up for (or an editor opens). The date is keyed by
its place in the schedule, not by an `Occurrence` row (those are rewritten on every publish
and every night): `date_key` is the Kranj-local date of the occurrence's `original_start`,
NULL for the only date of a non-repeating event. `confirmed_places` counts the places of
its confirmed sign-ups; the database refuses a count above `capacity`, and every change of
it runs under the date's row lock (`portal.signups.booking`).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy

from portal.base import clock
from portal.communities.ownership import CommunityOwnedModel
from portal.events.models.pages import MAX_PLACES_PER_SIGNUP


class SignUpDate(CommunityOwnedModel):
    count_label = ngettext_lazy("%(count)s date", "%(count)s dates", "count")

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="signup_dates",
    )
    date_key = models.DateField(
        _("date in the schedule"),
        null=True,
        blank=True,
        help_text=_(
            "The date as the repeat rule gives it; empty for an event that does not repeat."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(100_000)]
    )
    deadline = models.DateTimeField(_("sign-ups close"), null=True, blank=True)
    confirmed_places = models.PositiveIntegerField(_("places taken"), default=0, editable=False)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    # Raised each time the date moves, for the ICS that tells people (RFC 5545 SEQUENCE).
    sequence = models.PositiveIntegerField(default=0, editable=False)
    cancelled_at = models.DateTimeField(_("date cancelled"), null=True, blank=True, editable=False)
    walk_ins = models.PositiveIntegerField(
        _("walk-ins"),
        default=0,
        validators=[MaxValueValidator(100_000)],
        help_text=_("People who came without signing up."),
    )
    attendance_recorded_at = models.DateTimeField(
        _("attendance recorded"), null=True, blank=True, editable=False
    )

    # Sign-ups change by the minute: public pages show them through short-lived parts.
    shown_on_public_pages = False
    # A date is made by the first sign-up or by opening it; editors change it, never
    # delete it (its sign-ups would go with it).
    community_editor_actions = ("change",)

    class Meta:
        verbose_name = _("event date with sign-ups")
        verbose_name_plural = _("event dates with sign-ups")
        ordering = ["start", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "date_key"], name="signupdate_event_date_key"),
            models.UniqueConstraint(
                fields=["event"],
                condition=Q(date_key__isnull=True),
                name="signupdate_event_single",
            ),
            models.CheckConstraint(
                condition=Q(confirmed_places__lte=F("capacity")),
                name="signupdate_not_overfilled",
            ),
        ]
        indexes = [models.Index(fields=["start"], name="signupdate_start")]

    def __str__(self):
        return f"{self.event.title}, {timezone.localtime(self.start):%-d. %-m. %Y %H.%M}"

    @property
    def places_left(self):
        return max(self.capacity - self.confirmed_places, 0)

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    @property
    def has_started(self):
        return self.start <= clock.now()

    @property
    def closes_at(self):
        """When the public form stops taking sign-ups: the deadline, or the start."""
        return min(self.deadline, self.start) if self.deadline else self.start

    @property
    def is_open(self):
        """Whether the public form takes sign-ups for this date now."""
        return (
            not self.is_cancelled
            and self.event.live
            and self.event.takes_signups
            and not self.event.is_cancelled
            and clock.now() < self.closes_at
        )


class SignUpQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=SignUp.Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=SignUp.Status.WAITLISTED).order_by("created_at", "pk")

    def active(self):
        return self.filter(status__in=[SignUp.Status.CONFIRMED, SignUp.Status.WAITLISTED])


class SignUp(CommunityOwnedModel):
    count_label = ngettext_lazy("%(count)s sign-up", "%(count)s sign-ups", "count")

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", pgettext_lazy("sign-up", "confirmed")
        WAITLISTED = "waitlisted", pgettext_lazy("sign-up", "on the waiting list")
        CANCELLED = "cancelled", pgettext_lazy("sign-up", "cancelled")

    date = models.ForeignKey(
        SignUpDate, verbose_name=_("date"), on_delete=models.CASCADE, related_name="signups"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    places = models.PositiveSmallIntegerField(
        _("places"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_PLACES_PER_SIGNUP)],
    )
    name = models.CharField(_("name and surname"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    # Answers to the event's questions, by question block id.
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    consent_at = models.DateTimeField(_("consent to the privacy notice given"), null=True)
    created_at = models.DateTimeField(_("signed up"), default=clock.now, db_index=True)
    confirmed_at = models.DateTimeField(_("place confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # The random half of the cancel link; blanked when used or anonymised (one use only).
    cancel_key = models.CharField(max_length=64, blank=True, editable=False)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True, editable=False)
    attended = models.BooleanField(_("came"), null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    anonymised_at = models.DateTimeField(_("personal data removed"), null=True, blank=True)

    objects = SignUpQuerySet.as_manager()

    shown_on_public_pages = False
    # Editors add sign-ups taken by phone and change them; never delete (cancel instead).
    community_editor_actions = ("add", "change")

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["date", "status", "created_at", "id"], name="signup_queue"),
        ]

    def __str__(self):
        return self.name or str(_("(personal data removed)"))
