"""Booking requests of the demo's community spaces: a few approved and a few waiting for
the KS's decision, in free opening hours of the coming weeks, and a group that has met in
each space every week for the past half year (what the utilisation report shows).

`ensure_bookings` adds them once: a space that has requests already is left as it is, and
one with approved dates in the past has its history. No e-mail goes out for them.
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
# (purpose, organisation, requester, attendance): the weekly group of the past weeks.
REGULAR = ("Vadba za zdravo hrbtenico", "Športno društvo Zdrava hrbtenica", "Vesna Golob", 12)
HISTORY_WEEKS = 26


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
        for space in SpacePage.objects.child_of(community).live().specific():
            label = f"{community.title}: {space.title}"
            if BookingDate.objects.filter(
                space=space, approved=True, start__lt=hours.local(today)
            ).exists():
                progress.found("past booking", label)
                continue
            if add_history(space, past_weekly_slots(space, today)):
                progress.add("past booking", label)


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


def past_weekly_slots(space, today):
    """Two hours at the start of the space's first weekly opening, every week of the past
    half year, where nothing else took the space (holidays and closed dates left out)."""
    first = min(space.weekly_hours.all(), key=lambda row: (row.weekday, row.opens), default=None)
    if first is None:
        return []
    start = today - datetime.timedelta(weeks=HISTORY_WEEKS)
    start += datetime.timedelta(days=(first.weekday - start.weekday()) % 7)
    found = []
    for week in range(HISTORY_WEEKS):
        day = start + datetime.timedelta(weeks=week)
        begin = hours.local(day, first.opens)
        slot = conflicts.Slot(begin, begin + datetime.timedelta(hours=HOURS))
        if day < today and not conflicts.problems(space, [slot]):
            found.append(slot)
    return found


# A date's decision in a request decided as a whole.
DATE_DECISION = {
    Status.PENDING: BookingDate.Decision.PENDING,
    Status.APPROVED: BookingDate.Decision.APPROVED,
    Status.DECLINED: BookingDate.Decision.DECLINED,
    Status.CANCELLED: BookingDate.Decision.CANCELLED,
}


@transaction.atomic
def add_history(space, slots):
    if not slots:
        return False
    purpose, organisation, name, attendance = REGULAR
    request = new_request(
        space, slots[0], purpose, organisation, name, True, attendance, Status.APPROVED
    )
    BookingDate.objects.bulk_create(
        BookingDate(
            request=request,
            space=space,
            start=slot.start,
            end=slot.end,
            approved=True,
            decision=BookingDate.Decision.APPROVED,
        )
        for slot in slots
    )
    return True


@transaction.atomic
def add_requests(space, slots):
    made = 0
    for (purpose, organisation, name, public, attendance, status), slot in zip(
        REQUESTS, slots, strict=False
    ):
        request = new_request(space, slot, purpose, organisation, name, public, attendance, status)
        BookingDate.objects.create(
            request=request,
            space=space,
            start=slot.start,
            end=slot.end,
            approved=status == Status.APPROVED,
            decision=DATE_DECISION[status],
        )
        made += 1
    return made


def new_request(space, first_slot, purpose, organisation, name, public, attendance, status):
    """A request as a requester sent it, ten days before its first date."""
    return BookingRequest.objects.create(
        space=space,
        name=name,
        email=f"{name.split()[0].lower()}@example.org",
        organisation=organisation,
        purpose=purpose,
        is_public=public,
        attendance=min(attendance, conflicts.capacity_of(space, None) or attendance),
        consent_at=first_slot.start - datetime.timedelta(days=10),
        status=status,
    )
