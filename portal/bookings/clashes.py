"""Approved bookings as a clash source of the event form (`portal.events.clashes`),
registered from `BookingsConfig.ready()`."""

from django.utils.translation import gettext as _

from portal.bookings.availability import taking_booking_dates
from portal.events.clashes import BOOKING, clash, overlapping
from portal.spaces import hours


def approved_bookings(space, dates, event=None):
    """Dates on which an approved booking takes the space at the same time; a booking
    whose event is the one edited, or one shown as a live event already (another event's
    clash), is left out. Who booked is not said: the editor may be of another KS."""
    rows = taking_booking_dates(dates[0].start, max(date.end for date in dates)).filter(space=space)
    if event is not None and event.pk:
        rows = rows.exclude(request__event_id=event.pk)
    return [
        clash(
            date,
            _("an approved booking takes the space from %(start)s to %(end)s.")
            % {"start": hours.clock(row.start), "end": hours.clock(row.end)},
            BOOKING,
        )
        for date, row in overlapping(dates, rows.only("start", "end"))
    ]
