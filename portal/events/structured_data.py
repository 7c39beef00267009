"""What an event page tells search engines and other sites: a schema.org `Event`, written
into the page head as JSON-LD (https://schema.org/Event).

Where: its community space, or the places its "other location" names, one `Place` for
each written between semicolons ("Dom krajanov, Golnik 40, 4204 Golnik; Gasilski dom,
…"). Who: its organiser, else its programme's organisers, else its KS (the municipality
for the municipality's events). Its image: its own, else its programme's, its space's,
its KS's, else the portal's."""

import re

from django.utils import timezone

from portal.base.jsonld import (
    image_url,
    municipality,
    portal_image,
    postal_address,
    split_address,
)
from portal.communities.structured_data import organization
from portal.events import recurrence
from portal.events.models.pages import Status
from portal.spaces.structured_data import venue
from portal.stakeholders.models import Stakeholder

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
IMAGE_SPEC = "fill-800x450"  # what the page shows


def event_data(event, upcoming_dates, request=None, image_spec=IMAGE_SPEC):
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
        "location": location(event, url, request),
    }
    if event.intro:
        data["description"] = event.intro
    next_date = next((date for date in upcoming_dates if not date.cancelled), None)
    if next_date is not None:
        data.update(dates(next_date.when.start, next_date.when.end, next_date.all_day))
    else:
        data.update(dates(event.start, event.end, event.all_day))
    if event.repeats:
        changes = sorted(event.date_changes.all(), key=lambda change: change.original_date)
        data["eventSchedule"] = schedule(event, changes)
        moved = moved_dates(event, changes, data["location"])
        if moved:
            data["subEvent"] = moved
    data["organizer"] = organizers(event, request)
    data["isAccessibleForFree"] = event.is_free
    if not event.is_free:
        data["offers"] = offer(event, url)
    data["image"] = event_image(event, request, image_spec)
    return data


def organizers(event, request):
    """Its organiser; else its programme's organisers; else its KS or the municipality."""
    if event.organiser is not None:
        return stakeholder(event.organiser)
    if event.programme is not None:
        found = [stakeholder(one) for one in event.programme.organisers.order_by("name")]
        if found:
            return found
    if event.community is not None:
        return organization(event.community, request)
    return municipality(request)


def stakeholder(one):
    kind = "Person" if one.sector == Stakeholder.Sector.INDIVIDUAL else "Organization"
    found = {"@type": kind, "name": one.name}
    if one.website:
        found["url"] = one.website
    return found


def event_image(event, request, spec):
    """The first image of the event, its programme, its space and its KS; the portal's
    when none has one."""
    owners = (event, event.programme, event.space if event.space_id else None, event.community)
    for owner in owners:
        image = getattr(owner, "image", None)
        if image is not None:
            return image_url(image, spec, request)
    return portal_image(request)


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


def location(event, url, request=None):
    """Its community space, or each place its other location names (between semicolons);
    online as well when it moved online."""
    if event.space_id:
        places = [venue(event.space, request)]
    else:
        places = [place(text) for text in event.location.split(";") if text.strip()]
    if event.status == Status.MOVED_ONLINE:
        places.insert(0, {"@type": "VirtualLocation", "url": url})
    return places[0] if len(places) == 1 else places


def place(text):
    """A `Place` as written: its name before the street ("Ljudska univerza Kranj,
    Cesta Staneta Žagarja 1, 4000 Kranj"), else the whole text."""
    name, _street, _code, _town = split_address(text)
    return {
        "@type": "Place",
        "name": name or " ".join(text.split()),
        "address": postal_address(text),
    }


def schedule(event, changes=()):
    """How the event repeats, as a schema.org `Schedule` built from the editor's choices;
    the dates it does not take place on as planned (`changes` cancel or move some) left out."""
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
    left_out = sorted(
        {row.date for row in event.excluded_dates.all()}
        | {change.original_date for change in changes}
    )
    if left_out:  # dates left out, cancelled or moved (`subEvent` gives where to)
        found["exceptDate"] = [day.isoformat() for day in left_out]
    return found


def moved_dates(event, changes, where):
    """The dates of a repeating event moved off its schedule, each an `Event` of its own."""
    found = []
    for change in changes:
        if change.cancelled or change.start is None:
            continue
        moved = {
            "@type": "Event",
            "name": event.title,
            "eventStatus": SCHEMA + "EventRescheduled",
            "previousStartDate": change.original_date.isoformat(),
            "location": where,
        }
        moved.update(dates(change.start, change.end, event.all_day))
        found.append(moved)
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


def with_places(data, places, event):
    """`data` (kept, left as it is) with the places of its date (`Places`): how many
    people it takes and how many more, and its offer's availability until sign-ups close;
    the offer is free (price 0) for a free event."""
    found = dict(data)
    found["maximumAttendeeCapacity"] = places.capacity
    found["remainingAttendeeCapacity"] = max(places.left, 0)
    offer = dict(data.get("offers") or {"@type": "Offer", "url": data["url"]})
    offer["availability"] = places.availability
    if event.is_free:
        offer["price"] = 0
        offer["priceCurrency"] = "EUR"
    if places.deadline is not None:
        offer["validThrough"] = timezone.localtime(places.deadline).isoformat()
    found["offers"] = offer
    return found
