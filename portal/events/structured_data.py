"""What an event page tells search engines and other sites: a schema.org `Event`, written
into the page head as JSON-LD (https://schema.org/Event)."""

import re

from django.utils import timezone

from portal.base.sites import absolute_url
from portal.events import recurrence
from portal.events.models.pages import Status

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    Status.SCHEDULED: "EventScheduled",
    Status.CANCELLED: "EventCancelled",
    Status.POSTPONED: "EventPostponed",
    Status.MOVED_ONLINE: "EventMovedOnline",
}
REPEAT_PERIOD = {
    recurrence.Frequency.DAILY: "D",
    recurrence.Frequency.WEEKLY: "W",
    recurrence.Frequency.MONTHLY: "M",
    recurrence.Frequency.YEARLY: "Y",
}
DAY_NAMES = dict(
    zip(
        recurrence.WEEKDAY_CODES,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)
AMOUNT = re.compile(r"\d+(?:[.,]\d{1,2})?")


def event_data(event, upcoming_dates, request=None, image_spec="fill-800x450"):
    """The schema.org `Event` of `event`. A repeating event gives its next date that is
    not cancelled (its first, when none is left) and its schedule."""
    url = event.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": url,
        "eventStatus": SCHEMA + EVENT_STATUS.get(event.status, "EventScheduled"),
        "eventAttendanceMode": SCHEMA
        + (
            "OnlineEventAttendanceMode"
            if event.status == Status.MOVED_ONLINE
            else "OfflineEventAttendanceMode"
        ),
        "location": location(event, url),
    }
    if event.intro:
        data["description"] = event.intro
    next_date = next((date for date in upcoming_dates if not date.cancelled), None)
    if next_date is not None:
        data.update(dates(next_date.when.start, next_date.when.end, next_date.all_day))
    else:
        data.update(dates(event.start, event.end, event.all_day))
    if event.repeats:
        data["eventSchedule"] = schedule(event)
    if event.organiser is not None:
        organizer = {"@type": "Organization", "name": event.organiser.name}
        if event.organiser.website:
            organizer["url"] = event.organiser.website
        data["organizer"] = organizer
    data["isAccessibleForFree"] = event.is_free
    if not event.is_free:
        data["offers"] = offer(event, url)
    if event.image is not None:
        image_url = event.image.get_rendition(image_spec).url
        data["image"] = absolute_url(image_url, request)
    return data


def dates(start, end, all_day):
    """startDate and endDate: dates only for an all-day event (the last day included),
    local times with their offset otherwise."""
    if all_day:
        first = timezone.localtime(start).date()
        last = timezone.localtime(end).date() if end else first
        return {"startDate": first.isoformat(), "endDate": max(first, last).isoformat()}
    found = {"startDate": timezone.localtime(start).isoformat()}
    if end:
        found["endDate"] = timezone.localtime(end).isoformat()
    return found


def location(event, url):
    if event.space_id:
        place = {"@type": "Place", "name": event.space.title, "address": event.space.address}
    else:
        place = {"@type": "Place", "name": event.location, "address": event.location}
    place["address"] = {
        "@type": "PostalAddress",
        "streetAddress": place["address"],
        "addressCountry": "SI",
    }
    if event.status == Status.MOVED_ONLINE:
        return [{"@type": "VirtualLocation", "url": url}, place]
    return place


def schedule(event):
    """How the event repeats, as a schema.org `Schedule` built from the editor's choices."""
    start = recurrence.local_start(event)
    found = {
        "@type": "Schedule",
        "repeatFrequency": f"P{event.interval or 1}{REPEAT_PERIOD[event.frequency]}",
        "scheduleTimezone": "Europe/Ljubljana",
        "startDate": start.date().isoformat(),
    }
    if not event.all_day:
        found["startTime"] = start.strftime("%H:%M")
        if event.end:
            found["endTime"] = timezone.localtime(event.end).strftime("%H:%M")
    code = recurrence.WEEKDAY_CODES[start.weekday()]
    if event.frequency == recurrence.Frequency.WEEKLY:
        days = [day for day in recurrence.WEEKDAY_CODES if day in event.weekday_list] or [code]
        found["byDay"] = [SCHEMA + DAY_NAMES[day] for day in days]
    elif event.frequency == recurrence.Frequency.MONTHLY:
        if event.monthly_by == recurrence.MonthlyBy.DAY:
            found["byMonthDay"] = start.day
        else:
            found["byDay"] = SCHEMA + DAY_NAMES[code]
            last = event.monthly_by == recurrence.MonthlyBy.LAST_WEEKDAY
            found["byMonthWeek"] = -1 if last else recurrence.week_of_month(start)
    if event.ends == recurrence.Ends.ON_DATE and event.until:
        found["endDate"] = event.until.isoformat()
    elif event.ends == recurrence.Ends.AFTER and event.count:
        found["repeatCount"] = event.count
    left_out = sorted(row.date for row in event.excluded_dates.all())
    if left_out:
        found["exceptDate"] = [day.isoformat() for day in left_out]
    return found


def offer(event, url):
    """The price as written, and as an amount in euros when it starts with one."""
    found = {
        "@type": "Offer",
        "description": event.price,
        "priceCurrency": "EUR",
        "url": event.registration_url or url,
    }
    amount = AMOUNT.search(event.price)
    if amount:
        found["price"] = amount.group().replace(",", ".")
    return found
