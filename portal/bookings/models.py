"""A resident's or a society's request to use a community space, and its dates.

A request asks for one date or the same hours every week until a date; each date is a
`BookingDate` row with its own decision, so a weekly series can be approved date by date
(nine of ten approved, one declined with its reason). The request's status follows its
dates: pending while any date waits, then approved if any date is, else declined.
Approved dates take the space (`portal.bookings.availability`), and two
approved dates of one space never overlap: on PostgreSQL an exclusion constraint says so
(created in migration 0002, not here, because SQLite cannot hold it); on SQLite approval
runs in a serialised transaction (`portal.bookings.decisions`). See decision 0011.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy

from portal.communities.ownership import CommunityOwnedModel


class BookingRequestQuerySet(models.QuerySet):
    def with_first_date(self):
        return self.annotate(first_date=models.Min("dates__start"))


class BookingRequest(CommunityOwnedModel):
    count_label = ngettext_lazy("%(count)s booking request", "%(count)s booking requests", "count")

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("booking request", "pending")
        APPROVED = "approved", pgettext_lazy("booking request", "approved")
        DECLINED = "declined", pgettext_lazy("booking request", "declined")
        CANCELLED = "cancelled", pgettext_lazy("booking request", "cancelled")

    space = models.ForeignKey(
        "spaces.SpacePage",
        verbose_name=_("space"),
        on_delete=models.CASCADE,
        related_name="booking_requests",
    )
    room = models.ForeignKey(
        "spaces.Room",
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="booking_requests",
    )
    name = models.CharField(_("name and surname"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    purpose = models.CharField(_("purpose"), max_length=200)
    description = models.TextField(_("more about it"), blank=True)
    is_public = models.BooleanField(
        _("open to the public"),
        default=False,
        help_text=_("A public booking shows its purpose in the space's week view."),
    )
    attendance = models.PositiveIntegerField(_("expected attendance"))
    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The programme the booking is part of, if any."),
    )
    consent_at = models.DateTimeField(_("consent to the privacy notice given"))
    house_rules_accepted_at = models.DateTimeField(_("house rules accepted"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    decision_message = models.TextField(_("message to the requester"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event in the calendar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("received"), auto_now_add=True)
    anonymised_at = models.DateTimeField(_("personal data removed"), null=True, blank=True)

    objects = BookingRequestQuerySet.as_manager()

    # KS representatives see and decide on their own KS's requests; no one adds one in
    # the admin (`portal.bookings.permissions`).
    community_editor_actions = ("change", "view")

    class Meta:
        verbose_name = _("booking request")
        verbose_name_plural = _("booking requests")
        ordering = ["-created"]
        indexes = [models.Index(fields=["status", "-created"])]

    def __str__(self):
        return self.purpose

    def save(self, *args, **kwargs):
        # The KS of the space: what the admin's KS boundary filters on.
        if self.space_id and not self.community_id:
            self.community = self.space.community
        super().save(*args, **kwargs)

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    @property
    def is_cancellable(self):
        return self.status in (self.Status.PENDING, self.Status.APPROVED)


class BookingDate(models.Model):
    """One date of a request, from `start` to `end` (aware datetimes), and its decision.

    `space` repeats the request's, and `approved` is true exactly when the decision is
    APPROVED, so the database can compare the approved dates of one space with each other
    (the exclusion constraint and the index read `approved`; `portal.bookings.decisions`
    sets both)."""

    class Decision(models.TextChoices):
        PENDING = "pending", pgettext_lazy("booking date", "pending")
        APPROVED = "approved", pgettext_lazy("booking date", "approved")
        DECLINED = "declined", pgettext_lazy("booking date", "declined")
        CANCELLED = "cancelled", pgettext_lazy("booking date", "cancelled")

    request = models.ForeignKey(
        BookingRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="dates"
    )
    space = models.ForeignKey(
        "spaces.SpacePage", verbose_name=_("space"), on_delete=models.CASCADE, related_name="+"
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    approved = models.BooleanField(_("approved"), default=False)
    decision = models.CharField(
        _("decision"), max_length=20, choices=Decision.choices, default=Decision.PENDING
    )
    reason = models.TextField(
        _("reason"), blank=True, help_text=_("Why the date is declined, for the requester.")
    )

    class Meta:
        verbose_name = _("booking date")
        verbose_name_plural = _("booking dates")
        ordering = ["start"]
        indexes = [
            models.Index(
                fields=["space", "start"],
                condition=Q(approved=True),
                name="bookings_approved_by_space",
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=models.F("start")), name="bookings_date_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.start:%Y-%m-%d %H:%M}–{self.end:%H:%M}"

    @property
    def is_pending(self):
        return self.decision == self.Decision.PENDING
