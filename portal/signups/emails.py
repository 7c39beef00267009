"""The mails someone who signed up gets, written from templates in
`templates/signups/email/` and queued in the outbox (`portal.outbox`) in the transaction
of the step that sends them; those about a date they will attend carry its ICS file.

Anyone may type any address into the public form, so no mail carries what was typed
(name, answers): only the event, the date, the places and the portal's links."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from portal.base.sites import absolute_url
from portal.signups import ics, links
from portal.signups.queue import position

CONFIRMED, WAITLISTED, PROMOTED, CANCELLED, REMINDER = (
    "confirmed",
    "waitlisted",
    "promoted",
    "cancelled",
    "reminder",
)
DATE_CANCELLED, DATE_BACK, DATE_MOVED = "date_cancelled", "date_back", "date_moved"

SUBJECTS = {
    CONFIRMED: lambda: _("You are signed up: %(event)s"),
    WAITLISTED: lambda: _("You are on the waiting list: %(event)s"),
    PROMOTED: lambda: _("A place is free for you: %(event)s"),
    CANCELLED: lambda: _("Your sign-up is cancelled: %(event)s"),
    REMINDER: lambda: _("Reminder: %(event)s"),
    DATE_CANCELLED: lambda: _("Cancelled: %(event)s"),
    DATE_BACK: lambda: _("It takes place after all: %(event)s"),
    DATE_MOVED: lambda: _("New time: %(event)s"),
}
# Mails whose person has a place on the date: they carry the date's calendar file.
WITH_CALENDAR = {CONFIRMED, PROMOTED, REMINDER, DATE_BACK, DATE_MOVED}
# Mails that carry the cancel link: the sign-up still stands.
CANCELLABLE = {CONFIRMED, WAITLISTED, PROMOTED, REMINDER, DATE_BACK, DATE_MOVED}


def send(signup, kind):
    date = signup.date
    event = date.event
    context = {
        "signup": signup,
        "date": date,
        "event": event,
        "event_url": absolute_url(event.get_url()),
        "cancel_url": absolute_url(links.cancel_url(signup))
        if kind in CANCELLABLE and signup.cancel_key
        else "",
        "position": position(signup) if kind == WAITLISTED else None,
    }
    message = EmailMessage(
        SUBJECTS[kind]() % {"event": event.title},
        render_to_string(f"signups/email/{kind}.txt", context),
        None,
        [signup.email],
    )
    if kind in WITH_CALENDAR:
        message.attach(ics.FILENAME, ics.calendar_file(signup), ics.MIMETYPE)
    elif kind in (CANCELLED, DATE_CANCELLED) and signup.status != "waitlisted":
        message.attach(ics.FILENAME, ics.calendar_file(signup, cancel=True), ics.MIMETYPE)
    message.send()
