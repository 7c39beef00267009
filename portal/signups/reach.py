"""How many people the events of the community spaces reached, for the utilisation report
(`portal.bookings.utilisation`, decision 0039).

People reached on a date are the places of those marked "came" (`SignUp.attended`) plus
the walk-ins, and count only on dates whose attendance was recorded
(`SignUpDate.attendance_recorded_at`); a cancelled date reaches no one. A past date whose
attendance is not recorded yet is counted apart, so the report can say how many wait.
The space is the event's space, the programme the event's programme. One query, however
many spaces, months and dates.
"""

from dataclasses import dataclass, field

from django.db.models import Q, Sum
from django.utils import timezone

from portal.base import clock
from portal.signups.models import SignUpDate


@dataclass
class Reached:
    # {space id: {(first day of the month, (programme id, title) or None): people}}
    people: dict = field(default_factory=dict)
    # {space id: past dates still waiting for their attendance}
    waiting: dict = field(default_factory=dict)


def people_reached(space_ids, start, end):
    """The people reached on the dates of events in `space_ids` that start in
    [`start`, `end`), by space, local month and programme; and by space the past dates in
    that period still waiting for their attendance."""
    reached = Reached()
    if not space_ids:
        return reached
    now = clock.now()
    rows = (
        SignUpDate.objects.filter(
            event__space_id__in=space_ids,
            start__gte=start,
            start__lt=end,
            cancelled_at__isnull=True,
        )
        .filter(Q(attendance_recorded_at__isnull=False) | Q(start__lt=now))
        .values_list(
            "pk",
            "event__space_id",
            "start",
            "event__programme_id",
            "event__programme__title",
            "walk_ins",
            "attendance_recorded_at",
        )
        .annotate(came=Sum("signups__places", filter=Q(signups__attended=True)))
        .order_by()
    )
    for _pk, space_id, starts, programme_id, title, walk_ins, recorded, came in rows:
        if recorded is None:
            reached.waiting[space_id] = reached.waiting.get(space_id, 0) + 1
            continue
        month = timezone.localtime(starts).date().replace(day=1)
        programme = (programme_id, title) if programme_id is not None else None
        of_space = reached.people.setdefault(space_id, {})
        of_space[month, programme] = of_space.get((month, programme), 0) + (came or 0) + walk_ins
    return reached
