"""Calendars of live events in the iCalendar format (RFC 5545), written as plain text.

Each event is one VEVENT: a repeating one carries its stored RRULE, its left-out dates as
EXDATE and, for each single date cancelled or moved, one more VEVENT with the same UID and
a RECURRENCE-ID, so a calendar application expands it to the dates the site shows. Times
are Kranj's wall-clock times (TZID=Europe/Ljubljana, described in a VTIMEZONE); all-day
events are dates. Writing the text directly is a few string operations per line, fast
enough for thousands of events; the tests read every feed back with `icalendar`.
See docs/decisions/0007-ics-feeds.md.
"""

import datetime
import re
import zoneinfo
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.events import recurrence
from portal.events.models.pages import Status

TZID = "Europe/Ljubljana"
LJUBLJANA = zoneinfo.ZoneInfo(TZID)
PRODID = "-//Mestna obcina Kranj//Portal krajevnih skupnosti//SL"
# The domain part of every UID, fixed for good: feeds gave `event-<id>@localhost` (the
# default Site's host name) before the public origin was configurable, and a subscriber's
# calendar application matches events by UID, so another one would show each event twice
# (decision 0031).
UID_DOMAIN = "localhost"
# SEQUENCE counts seconds since this moment, so every publish raises it.
SEQUENCE_EPOCH = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
# Central European Time with the EU's daylight saving rules, as in the tz database.
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]
STATUS = {Status.CANCELLED: "CANCELLED", Status.POSTPONED: "TENTATIVE"}
# Control characters are not allowed in iCalendar text (a tab is); line breaks are escaped.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Most values need no escaping at all: one search tells, instead of five replacements.
NEEDS_ESCAPING = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\\;,]")


@dataclass(frozen=True)
class Wording:
    """The translated phrases of a feed, looked up once per calendar, not once an event."""

    online: str
    cancelled: str
    postponed: str
    moved_online: str
    organiser: str
    more: str

    @classmethod
    def current(cls):
        return cls(
            online=_("Online"),
            cancelled=_("This event is cancelled."),
            postponed=_("This event is postponed: its new date will be announced."),
            moved_online=_(
                "This event has moved online: its page says how to join (instead of: %(place)s)."
            ),
            organiser=_("Organiser: %(name)s"),
            more=_("More: %(url)s"),
        )


@dataclass(frozen=True)
class FeedEvent:
    """An event (`feeds.FeedPage`: its fields, place and organiser) with what else its VEVENTs say:
    its absolute URL, left-out dates, changed dates (`DateChange` rows) and theme names."""

    page: object
    url: str | None
    left_out: frozenset
    changes: tuple
    themes: tuple


# Where a VEVENT's DTSTAMP goes until the calendar is written: the text of an event is the
# same from one request to the next (and kept so, `feeds.build_feed`), its DTSTAMP is not.
# Control characters never reach a feed's text, so the mark cannot be mistaken.
STAMP_MARK = "\x00stamp\x00"


def write_calendar(events, name):
    """The VCALENDAR text of `events` (FeedEvents), called `name`."""
    wording = Wording.current()
    return calendar_text([event_text(event, wording) for event in events], name)


def calendar_text(event_texts, name):
    """The VCALENDAR called `name` around `event_texts` (each from `event_text`)."""
    stamp = utc_text(timezone.now())
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
        # How often subscribed calendars should look again.
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
        *VTIMEZONE,
    ]
    events = "".join(event_texts).replace(STAMP_MARK, stamp)
    return folded_lines(head) + events + "END:VCALENDAR\r\n"


def event_uid(event_id):
    """An event's UID: its id and `UID_DOMAIN`, the same whatever host a feed is read by,
    so it survives every edit, a new PORTAL_BASE_URL and a second host name."""
    return f"event-{event_id}@{UID_DOMAIN}"


def event_text(entry, wording):
    """The folded VEVENT lines of one event (a FeedEvent), each ending in CRLF, with
    `STAMP_MARK` for the DTSTAMP that `calendar_text` fills in."""
    return folded_lines(event_lines(entry, event_uid(entry.page.pk), STAMP_MARK, wording))


def folded_lines(lines):
    # Most lines are short and ASCII: only the others are handed to `fold`.
    return "".join(
        (line if len(line) <= 75 and line.isascii() else fold(line)) + "\r\n" for line in lines
    )


def event_lines(entry, uid, stamp, wording):
    """The VEVENTs of one event: the event itself, then its cancelled or moved dates."""
    event = entry.page
    shared = described(entry, uid, stamp, wording)
    length = recurrence.duration(event)
    if not event.rrule:
        # A single date can still be left out, cancelled or moved like a repeating one's.
        instances = recurrence.expand(event, event.start, entry.left_out, entry.changes)
        if not instances:
            return []
        only = instances[0]
        return vevent([*shared, *timing(only), status_line(event, only.cancelled)])
    first = recurrence.local_start(event)
    first_date = recurrence.Instance(
        **recurrence.timing(event, first, length), original_start=event.start
    )
    lines = vevent(
        [
            *shared,
            *timing(first_date),
            f"RRULE:{event.rrule}",
            *exdates(event, entry.left_out, first),
            status_line(event),
        ]
    )
    for change in entry.changes:
        original = datetime.datetime.combine(change.original_date, first.time())
        if change.original_date in entry.left_out or not recurrence.gives(event, original):
            continue  # the site ignores a change to a date the rule does not give
        moved = recurrence.instance(event, original, length, change)
        lines.extend(
            vevent(
                [
                    *shared,
                    recurrence_id(event, original),
                    *timing(moved),
                    status_line(event, moved.cancelled),
                ]
            )
        )
    return lines


def vevent(properties):
    return ["BEGIN:VEVENT", *properties, "END:VEVENT"]


def described(entry, uid, stamp, wording):
    """What every VEVENT of an event says, whatever its date."""
    event = entry.page
    published = event.published or SEQUENCE_EPOCH
    lines = [
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"LAST-MODIFIED:{utc_text(published)}",
        # Raised by every publish, the same between two requests while nothing changes.
        f"SEQUENCE:{max(int((published - SEQUENCE_EPOCH).total_seconds()), 0)}",
        f"SUMMARY:{text(event.title)}",
    ]
    url = entry.url
    description = description_of(event, url, wording)
    if description:
        lines.append(f"DESCRIPTION:{text(description)}")
    place = wording.online if event.status == Status.MOVED_ONLINE else event.place
    if place:
        lines.append(f"LOCATION:{text(place)}")
    if url:
        lines.append(f"URL:{strip_controls(url)}")
    if entry.themes:
        lines.append("CATEGORIES:" + ",".join(text(theme) for theme in entry.themes))
    organiser = event.organiser
    if organiser is not None and organiser.email:
        name = strip_controls(organiser.name).replace('"', "'")
        lines.append(f'ORGANIZER;CN="{name}":mailto:{strip_controls(organiser.email)}')
    return lines


def description_of(event, url, wording):
    """The intro, what the status means for a visitor, the organiser (without an e-mail
    address there is no ORGANIZER), and where to read more."""
    intro = event.intro.strip()
    parts = [intro] if intro else []
    if event.status == Status.CANCELLED:
        parts.append(wording.cancelled)
    elif event.status == Status.POSTPONED:
        parts.append(wording.postponed)
    elif event.status == Status.MOVED_ONLINE:
        parts.append(wording.moved_online % {"place": event.place})
    if event.organiser is not None and not event.organiser.email:
        parts.append(wording.organiser % {"name": event.organiser.name})
    if url:
        parts.append(wording.more % {"url": url})
    return "\n\n".join(parts)


def timing(instance):
    """DTSTART and DTEND of one date: dates for an all-day event (DTEND the day after the
    last), local times otherwise; no DTEND when no end time was given."""
    if instance.all_day:
        return [
            f"DTSTART;VALUE=DATE:{local(instance.start):%Y%m%d}",
            f"DTEND;VALUE=DATE:{local(instance.end):%Y%m%d}",
        ]
    lines = [f"DTSTART;TZID={TZID}:{local(instance.start):%Y%m%dT%H%M%S}"]
    if not instance.open_end:
        lines.append(f"DTEND;TZID={TZID}:{local(instance.end):%Y%m%dT%H%M%S}")
    return lines


def exdates(event, left_out, first):
    """The left-out dates, at the time of day the rule gives (dates if all day)."""
    days = sorted(left_out)
    if not days:
        return []
    if event.all_day:
        return ["EXDATE;VALUE=DATE:" + ",".join(f"{day:%Y%m%d}" for day in days)]
    at = f"T{first:%H%M%S}"
    return [f"EXDATE;TZID={TZID}:" + ",".join(f"{day:%Y%m%d}{at}" for day in days)]


def recurrence_id(event, original):
    if event.all_day:
        return f"RECURRENCE-ID;VALUE=DATE:{original:%Y%m%d}"
    return f"RECURRENCE-ID;TZID={TZID}:{original:%Y%m%dT%H%M%S}"


def status_line(event, cancelled=False):
    return "STATUS:" + ("CANCELLED" if cancelled else STATUS.get(event.status, "CONFIRMED"))


def local(moment):
    return moment.astimezone(LJUBLJANA)


def utc_text(moment):
    return f"{moment.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}"


def strip_controls(value):
    return CONTROL_CHARACTERS.sub("", str(value))


def text(value):
    """A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11)."""
    value = str(value)
    if not NEEDS_ESCAPING.search(value):
        return value
    value = CONTROL_CHARACTERS.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line):
    """`line` folded into lines of at most 75 octets, never inside a UTF-8 character."""
    if len(line) <= 75 and line.isascii():
        return line
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, begin, limit = [], 0, 75
    while len(data) - begin > limit:
        end = begin + limit
        # Never cut before a continuation byte (10xxxxxx): back up to where a character starts.
        while data[end] & 0xC0 == 0x80:
            end -= 1
        parts.append(data[begin:end])
        # A continuation line starts with a space, which counts towards its 75.
        begin, limit = end, 74
    parts.append(data[begin:])
    return b"\r\n ".join(parts).decode()
