"""The calendar file attached to sign-up mails: one VEVENT for the date signed up for
(METHOD:REQUEST), or its cancellation (METHOD:CANCEL), with the sign-up's own UID so a
calendar application replaces the entry when the date moves (SEQUENCE) or is cancelled."""

from django.utils import timezone

from portal.base.sites import absolute_url
from portal.events.ics import (
    PRODID,
    TZID,
    UID_DOMAIN,
    VTIMEZONE,
    folded_lines,
    local,
    strip_controls,
    text,
    utc_text,
    vevent,
)

FILENAME = "dogodek.ics"
MIMETYPE = "text/calendar"


def signup_uid(signup):
    return f"signup-{signup.pk}@{UID_DOMAIN}"


def timing(date):
    if date.all_day:
        end = date.end or date.start
        return [
            f"DTSTART;VALUE=DATE:{local(date.start):%Y%m%d}",
            f"DTEND;VALUE=DATE:{local(end):%Y%m%d}",
        ]
    lines = [f"DTSTART;TZID={TZID}:{local(date.start):%Y%m%dT%H%M%S}"]
    if date.end:
        lines.append(f"DTEND;TZID={TZID}:{local(date.end):%Y%m%dT%H%M%S}")
    return lines


def calendar_file(signup, cancel=False):
    """The text of the ICS file for `signup`'s date."""
    date = signup.date
    event = date.event
    properties = [
        f"UID:{signup_uid(signup)}",
        f"DTSTAMP:{utc_text(timezone.now())}",
        f"SEQUENCE:{date.sequence + (1 if cancel else 0)}",
        f"SUMMARY:{text(event.title)}",
        *timing(date),
        "STATUS:" + ("CANCELLED" if cancel else "CONFIRMED"),
    ]
    if event.place:
        properties.append(f"LOCATION:{text(event.place)}")
    url = absolute_url(event.get_url())
    if url:
        properties.append(f"URL:{strip_controls(url)}")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:" + ("CANCEL" if cancel else "PUBLISH"),
        *VTIMEZONE,
        *vevent(properties),
        "END:VCALENDAR",
    ]
    return folded_lines(lines)
