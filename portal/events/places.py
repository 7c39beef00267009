"""How many places an event's dates have left, told by whoever takes sign-ups.

Events itself takes no sign-ups; an app higher up (`portal.signups`) registers a places
source from its `AppConfig.ready()`, as the bookings app registers a clash source
(`portal.events.clashes`), so this module names no one. A source is a function
`source(dates)` that gets a list of `Occurrence`s (of any events, live ones) and returns
a dict `{occurrence pk: Places}` for those of its dates that take sign-ups; it reads
them in one query whatever their number. The event page, the calendar's listed dates,
the JSON-LD and the API ask `places_of(dates)`: with no source, or no date taking
sign-ups, it is an empty dict and everything shows as before.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.base.pagecache import expire_within

_sources = []

# At or below this many places left, schema.org's availability is "LimitedAvailability".
FEW_PLACES = 3


@dataclass(frozen=True)
class Places:
    """What one date's sign-ups look like to the public.

    `capacity` is the number of places, `left` those still free, `waitlist` the number of
    people waiting, `open` whether the form takes sign-ups now (before the deadline, the
    date neither cancelled nor started), `deadline` when sign-ups close (or None)."""

    capacity: int
    left: int
    waitlist: int
    open: bool
    deadline: datetime.datetime | None = None

    @property
    def full(self):
        return self.left <= 0

    @property
    def label(self):
        """Places left in words, with Slovenian's four plural forms: "še 3 prosta mesta",
        "polno – čakalni seznam", "prijave so zaprte"."""
        if not self.open:
            return _("sign-ups closed")
        if self.full:
            return _("full – waiting list")
        return ngettext("%(count)s place left", "%(count)s places left", self.left) % {
            "count": self.left
        }

    @property
    def availability(self):
        """schema.org's `ItemAvailability` of the date's offer."""
        if not self.open or self.full:
            return "https://schema.org/SoldOut"
        if self.left <= FEW_PLACES:
            return "https://schema.org/LimitedAvailability"
        return "https://schema.org/InStock"


def register_places_source(source):
    """Add `source(dates)` to the sources `places_of` asks."""
    if source not in _sources:
        _sources.append(source)
    return source


def places_of(dates):
    """`{occurrence pk: Places}` for those of `dates` (a list of `Occurrence`s) that take
    sign-ups; one query per registered source, none when `dates` is empty."""
    dates = [date for date in dates if date is not None]
    found = {}
    if not dates:
        return found
    for source in _sources:
        found.update(source(dates))
    return found


def places_of_date(date):
    """`Places` of one date (an `Occurrence`), or None if it takes no sign-ups."""
    if date is None:
        return None
    return places_of([date]).get(date.pk)


def places_shown(request):
    """The page rendered for `request` shows places left, which change without a publish:
    browsers and the page cache keep it `SIGNUP_PAGE_MAX_AGE` seconds at most."""
    expire_within(request, settings.SIGNUP_PAGE_MAX_AGE)
