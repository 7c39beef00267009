"""Booking requests of the demo's community spaces: a few approved and a few waiting for
the KS's decision, in free opening hours of the coming weeks.

`ensure_bookings` adds them once: a space that has requests already is left as it is. No
e-mail goes out for them.
"""

import datetime

from django.db import transaction

from portal.bookings import conflicts
from portal.bookings.models import BookingDate, BookingRequest
from portal.spaces import hours
from portal.spaces.models import SpacePage

Status = BookingRequest.Status
# (purpose, organisation, requester, public, attendance, status) for each space, in order.
REQUESTS = [
    ("Vaja mešanega pevskega zbora", "Kulturno društvo", "Marija Kos", True, 18, Status.APPROVED),
    ("Sestanek sveta staršev", "", "Tomaž Kranjc", False, 12, Status.APPROVED),
    ("Delavnica peke kruha", "Društvo podeželskih žena", "Ana Zupan", True, 15, Status.PENDING),
    ("Rojstnodnevno praznovanje", "", "Petra Novak", False, 25, Status.PENDING),
]
LOOK_AHEAD_DAYS = 28
HOURS = 2


def ensure_bookings(communities, today, progress):
    for community in communities:
        for space in SpacePage.objects.child_of(community).live().specific():
            label = f"{community.title}: {space.title}"
            if BookingRequest.objects.filter(space=space).exists():
                progress.found("booking request", label)
                continue
            made = add_requests(space, free_slots(space, today))
            if made:
                progress.add("booking request", label, made)


def free_slots(space, today):
    """Two-hour slots at the start of each opening of the coming weeks that nothing takes."""
    first = today + datetime.timedelta(days=2)
    days = hours.schedule(space, first, first + datetime.timedelta(days=LOOK_AHEAD_DAYS))
    found = []
    for day in days:
        for interval in day.intervals:
            slot = conflicts.Slot(interval.start, interval.start + datetime.timedelta(hours=HOURS))
            if slot.end <= interval.end and not conflicts.problems(space, [slot]):
                found.append(slot)
    # Spread over the weeks rather than all in the first.
    return found[:: max(1, len(found) // len(REQUESTS))]


@transaction.atomic
def add_requests(space, slots):
    made = 0
    for (purpose, organisation, name, public, attendance, status), slot in zip(
        REQUESTS, slots, strict=False
    ):
        request = BookingRequest.objects.create(
            space=space,
            name=name,
            email=f"{name.split()[0].lower()}@example.org",
            organisation=organisation,
            purpose=purpose,
            is_public=public,
            attendance=min(attendance, space.largest_capacity or attendance),
            consent_at=slot.start - datetime.timedelta(days=10),
            status=status,
        )
        BookingDate.objects.create(
            request=request,
            space=space,
            start=slot.start,
            end=slot.end,
            approved=status == Status.APPROVED,
        )
        made += 1
    return made
