"""The places source the events app asks (`portal.events.places`): the places left on
each listed date that takes sign-ups, in two queries whatever the number of dates."""

from django.db.models import Count, Q

from portal.base import clock
from portal.events.places import Places
from portal.signups.dates import deadline_for, key_of
from portal.signups.models import SignUp, SignUpDate
from portal.spaces.models import Room


def places_of_dates(occurrences):
    events = {}
    for occurrence in occurrences:
        event = occurrence.event
        if event.takes_signups:
            events.setdefault(event.pk, event)
    if not events:
        return {}
    rows = SignUpDate.objects.filter(event_id__in=events).annotate(
        waiting=Count("signups", filter=Q(signups__status=SignUp.Status.WAITLISTED))
    )
    known = {(row.event_id, row.date_key): row for row in rows}
    seated = dict(
        Room.objects.filter(
            pk__in=[event.signup_room_id for event in events.values() if event.signup_room_id]
        ).values_list("pk", "seated_capacity")
    )
    now = clock.now()
    found = {}
    for occurrence in occurrences:
        event = events.get(occurrence.event_id)
        if event is None:
            continue
        row = known.get((event.pk, key_of(event, occurrence)))
        if row is not None:
            row.event = event
            found[occurrence.pk] = Places(
                capacity=row.capacity,
                left=row.places_left,
                waitlist=row.waiting,
                open=row.is_open and not occurrence.cancelled,
                deadline=row.deadline,
            )
            continue
        # No one has signed up for this date yet: it has all its places.
        capacity = event.signup_capacity or seated.get(event.signup_room_id)
        if not capacity:
            continue
        deadline = deadline_for(event, occurrence.start)
        closes = min(deadline, occurrence.start) if deadline else occurrence.start
        found[occurrence.pk] = Places(
            capacity=capacity,
            left=capacity,
            waitlist=0,
            open=(
                event.live and not event.is_cancelled and not occurrence.cancelled and now < closes
            ),
            deadline=deadline,
        )
    return found
