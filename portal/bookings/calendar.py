"""An approved public booking as an event in its KS's calendar, if the KS wants it there."""

from django.utils.translation import gettext as _

from portal.events.models import EventCalendarPage, EventPage
from portal.events.recurrence import Ends, Frequency
from portal.spaces.hours import local_date


def publish_event(booking, user):
    """Add the booking's dates to the KS calendar as an event: published if `user` may
    publish there, otherwise saved as a draft for the KS's approval workflow. None if the
    KS has no calendar."""
    calendar = EventCalendarPage.objects.child_of(booking.community).first()
    if calendar is None:
        return None
    dates = list(booking.dates.all())
    first, last = dates[0], dates[-1]
    event = EventPage(
        title=booking.purpose,
        intro=booking.organisation
        and _("Organised by %(organisation)s.") % {"organisation": booking.organisation},
        start=first.start,
        end=first.end,
        space=booking.space,
    )
    if len(dates) > 1:
        event.frequency = Frequency.WEEKLY
        event.ends = Ends.ON_DATE
        event.until = local_date(last.start)
    calendar.add_child(instance=event)
    revision = event.save_revision(user=user)
    if calendar.permissions_for_user(user).can_publish_subpage():
        revision.publish(user=user)
    return event
