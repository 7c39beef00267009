"""An approved public booking as an event in its KS's calendar, if the KS wants it there.

The event carries the requester's text, so it reaches the public only the way any page of
its KS does: published by someone who may publish in the calendar, otherwise submitted to
the KS's approval workflow (a KS whose publishing needs municipal approval), or else kept
as a draft. It is never stored live before that (decision 0021).
"""

from django.db.models import Q
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from portal.events.models import EventCalendarPage, EventPage, ExcludedDate
from portal.events.recurrence import Ends, Frequency
from portal.spaces.hours import local_date
from portal.stakeholders.models import Stakeholder

PUBLISHED, SUBMITTED, DRAFT = "published", "submitted", "draft"


def calendar_of(booking):
    return EventCalendarPage.objects.child_of(booking.community).first()


def waits_for_approval(booking, user):
    """Whether the event `user` would make of `booking` could not go live at once."""
    calendar = calendar_of(booking)
    return calendar is not None and not calendar.permissions_for_user(user).can_publish_subpage()


def publish_event(booking, user):
    """Add the booking's dates to the KS calendar as an event, published if `user` may
    publish there, else submitted to the KS's workflow or saved as a draft (`state`
    says which). None if the KS has no calendar."""
    calendar = calendar_of(booking)
    if calendar is None:
        return None
    dates = [date for date in booking.dates.all() if date.approved]
    first, last = dates[0], dates[-1]
    event = EventPage(
        title=booking.purpose,
        intro=booking.organisation
        and _("Organised by %(organisation)s.") % {"organisation": booking.organisation},
        body=linebreaks(escape(booking.description)) if booking.description else "",
        organiser=organiser_of(booking),
        programme=booking.programme,
        image=image_of(booking.space),
        start=first.start,
        end=first.end,
        space=booking.space,
        # A page is live unless told otherwise; this one goes live only when published.
        live=False,
    )
    if len(dates) > 1:
        event.frequency = Frequency.WEEKLY
        event.ends = Ends.ON_DATE
        event.until = local_date(last.start)
        # The weeks between whose dates were declined are left out of the series.
        approved_days = {local_date(date.start) for date in dates}
        event.excluded_dates = [
            ExcludedDate(date=local_date(date.start))
            for date in booking.dates.all()
            if first.start < date.start < last.start and local_date(date.start) not in approved_days
        ]
    calendar.add_child(instance=event)
    revision = event.save_revision(user=user, log_action=True)
    if calendar.permissions_for_user(user).can_publish_subpage():
        revision.publish(user=user)
        event.refresh_from_db()  # publishing saved a copy made from the revision
    elif (workflow := event.get_workflow()) is not None:
        workflow.start(event, user)
    return event


def organiser_of(booking):
    """The stakeholder of the KS (or the municipality's) named as the organisation."""
    name = booking.organisation.strip()
    if not name:
        return None
    return (
        Stakeholder.objects.filter(
            Q(community=booking.community_id) | Q(community__isnull=True), name__iexact=name
        )
        .order_by("community")
        .first()
    )


def image_of(space):
    """The space's own image, or else the first photo of its gallery."""
    if space.image_id:
        return space.image
    photo = space.gallery_images.select_related("image").first()
    return photo.image if photo else None


def state(event):
    """What became of a booking's event: PUBLISHED, SUBMITTED (awaiting approval) or
    DRAFT."""
    if event.live:
        return PUBLISHED
    return SUBMITTED if event.workflow_in_progress else DRAFT


def withdraw(event, user=None):
    """The booking is cancelled: its event leaves the calendar and any approval queue."""
    if event.live:
        event.unpublish(user=user)
    workflow_state = event.current_workflow_state
    if workflow_state is not None:
        workflow_state.cancel(user=user)
