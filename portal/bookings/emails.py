"""The e-mails a requester gets at each step, and the one that asks the KS's editors and
the space's contact person to decide on a new request, written from templates in
`templates/bookings/email/` and queued in the outbox (`portal.outbox`) by Django's e-mail
API.

Anyone may type any address into the public form, so the mails sent before a KS
representative has looked at a request (received) or that refuse it (declined,
cancelled) carry none of the requester's own text (name, purpose, description,
organisation): only the space, the dates and the portal's links. Otherwise the form
would post a stranger's message to any address."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from portal.base.sites import absolute_url
from portal.bookings import links
from portal.bookings.models import BookingDate

Decision = BookingDate.Decision

RECEIVED, APPROVED, DECLINED, CANCELLED = "received", "approved", "declined", "cancelled"
SUBJECTS = {
    RECEIVED: lambda: _("We received your request to use %(space)s"),
    APPROVED: lambda: _("Your request to use %(space)s is approved"),
    DECLINED: lambda: _("Your request to use %(space)s is declined"),
    CANCELLED: lambda: _("Your request to use %(space)s is cancelled"),
}


# The admin page where a request is decided on.
DECIDE_URL_NAME = "wagtailsnippets_bookings_bookingrequest:inspect"


def send(booking, kind):
    space = booking.space
    dates = list(booking.dates.all())
    context = {
        "booking": booking,
        "space": space,
        "dates": dates,
        "approved_dates": [date for date in dates if date.decision == Decision.APPROVED],
        "declined_dates": [date for date in dates if date.decision == Decision.DECLINED],
        "cancelled_dates": [date for date in dates if date.decision == Decision.CANCELLED],
        "space_url": space.get_full_url(),
        "house_rules_url": absolute_url(space.house_rules.url) if space.house_rules_id else "",
        "cancel_url": absolute_url(links.cancel_url(booking)) if booking.is_cancellable else "",
    }
    send_mail(
        SUBJECTS[kind]() % {"space": space.title},
        render_to_string(f"bookings/email/{kind}.txt", context),
        None,
        [booking.email],
    )


def deciders(booking):
    """Who decides on `booking`: the active editors of its KS with an e-mail address, and
    the space's contact person."""
    community = booking.community
    found = []
    if community is not None and community.editors_group_id:
        found = list(
            community.editors_group.user_set.filter(is_active=True)
            .exclude(email="")
            .order_by("email")
            .values_list("email", flat=True)
        )
    contact = booking.space.contact_email
    if contact and contact.lower() not in {address.lower() for address in found}:
        found.append(contact)
    return found


def ask_to_decide(booking):
    """Tell the deciders of a new request, with the link to the page where they decide.
    Each gets a mail of their own: no one learns the others' addresses."""
    space = booking.space
    context = {
        "booking": booking,
        "space": space,
        "dates": list(booking.dates.all()),
        "decide_url": absolute_url(reverse(DECIDE_URL_NAME, args=[booking.pk])),
    }
    subject = _("New request to use %(space)s") % {"space": space.title}
    body = render_to_string("bookings/email/new_request.txt", context)
    for address in deciders(booking):
        send_mail(subject, body, None, [address])
