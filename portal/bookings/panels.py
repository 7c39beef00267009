"""The dashboard's booking panels, each kept to the editor's own KS: the requests waiting
for a decision, each date with its own approve and decline buttons (the plain POST URLs
of `portal.bookings.admin_views`), and what takes the KS's spaces in the next seven days
(`portal.bookings.availability`, the one place that knows what occupies a space)."""

import datetime

from django.db.models import Min, Prefetch, Q
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.permissions import policy_registry

from portal.base import clock
from portal.bookings import availability
from portal.bookings.models import BookingDate, BookingRequest
from portal.communities.access import community_ids_for, in_own_sections
from portal.spaces import hours
from portal.spaces.models import SpacePage

# Requests, dates of a request and dates in the week shown on the dashboard at most.
SHOWN_REQUESTS = 10
SHOWN_DATES = 5
SHOWN_WEEK = 15
WEEK_DAYS = 7


PENDING = BookingDate.Decision.PENDING


def url_name(name):
    """A URL name of the booking requests' viewset (its namespace)."""
    return BookingRequest.snippet_viewset.get_url_name(name)


class WaitingRequestsPanel(Component):
    """Requests with a date still to decide, the soonest date first: the first thing a
    volunteer does."""

    name = "booking_requests_waiting"
    order = 10
    template_name = "bookings/admin/waiting_panel.html"

    def __init__(self, requests, count):
        self.requests = requests
        self.count = count

    @classmethod
    def for_user(cls, user):
        """The panel, or None when the user decides no requests or none waits."""
        policy = policy_registry.get_by_type(BookingRequest)
        waiting = policy.instances_user_has_permission_for(user, "change").filter(
            status=BookingRequest.Status.PENDING
        )
        count = waiting.count()
        if not count:
            return None
        pending_dates = BookingDate.objects.filter(decision=PENDING)
        requests = list(
            waiting.select_related("space")
            .prefetch_related(Prefetch("dates", pending_dates, to_attr="pending_dates"))
            .annotate(next_date=Min("dates__start", filter=Q(dates__decision=PENDING)))
            .order_by("next_date", "pk")[:SHOWN_REQUESTS]
        )
        for booking in requests:
            booking.more_dates = max(0, len(booking.pending_dates) - SHOWN_DATES)
            booking.pending_dates = booking.pending_dates[:SHOWN_DATES]
        return cls(requests, count)

    def get_context_data(self, parent_context):
        return {
            "requests": self.requests,
            "count": self.count,
            "csrf_token": parent_context.get("csrf_token"),
            "next": reverse("wagtailadmin_home"),
            "approve_url": url_name("approve_date"),
            "decline_url": url_name("decline_date"),
            "inspect_url": url_name("inspect"),
            "list_url": f"{reverse(url_name('list'))}?status={BookingRequest.Status.PENDING}",
        }


class WeekAheadPanel(Component):
    """Event dates and approved bookings in the spaces of the editor's KS, today and the
    six days after it."""

    name = "week_in_my_spaces"
    order = 140
    template_name = "bookings/admin/week_panel.html"

    def __init__(self, dates, count):
        self.dates = dates
        self.count = count

    @classmethod
    def for_user(cls, user):
        """The panel for a KS editor (a municipal editor has no spaces of their own), or
        None when nothing takes their spaces in the week."""
        if not community_ids_for(user):
            return None
        today = clock.today()
        start = hours.local(today)
        end = hours.local(today + datetime.timedelta(days=WEEK_DAYS))
        spaces = SpacePage.objects.filter(in_own_sections(user)).values("pk")
        events = (
            availability.taking_event_dates(start, end)
            .filter(event__space__in=spaces)
            .select_related("event", "event__space")
            .only("start", "end", "event__title", "event__space__title")
        )
        bookings = (
            availability.taking_booking_dates(start, end)
            .filter(space__in=spaces)
            .select_related("request", "space")
            .only("start", "end", "request__purpose", "space__title")
        )
        dates = [
            {
                "start": row.start,
                "end": row.end,
                "title": row.event.title,
                "space": row.event.space.title,
                "booking": None,
            }
            for row in events
        ] + [
            {
                "start": row.start,
                "end": row.end,
                "title": row.request.purpose,
                "space": row.space.title,
                "booking": row.request_id,
            }
            for row in bookings
        ]
        if not dates:
            return None
        dates.sort(key=lambda date: date["start"])
        return cls(dates[:SHOWN_WEEK], len(dates))

    def get_context_data(self, parent_context):
        return {
            "dates": self.dates,
            "count": self.count,
            "inspect_url": url_name("inspect"),
        }
