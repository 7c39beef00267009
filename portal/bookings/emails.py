"""The e-mails a requester gets at each step, written from templates in
`templates/bookings/email/` and queued in the outbox (`portal.outbox`) by Django's e-mail
API.

Anyone may type any address into the public form, so the mails sent before a KS
representative has looked at a request (received) or that refuse it (declined,
cancelled) carry none of the requester's own text (name, purpose, description,
organisation): only the space, the dates and the portal's links. Otherwise the form
would post a stranger's message to any address."""

from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from portal.bookings import links

RECEIVED, APPROVED, DECLINED, CANCELLED = "received", "approved", "declined", "cancelled"
SUBJECTS = {
    RECEIVED: lambda: _("We received your request to use %(space)s"),
    APPROVED: lambda: _("Your request to use %(space)s is approved"),
    DECLINED: lambda: _("Your request to use %(space)s is declined"),
    CANCELLED: lambda: _("Your request to use %(space)s is cancelled"),
}


def absolute(url):
    return urljoin(settings.WAGTAILADMIN_BASE_URL, url)


def send(booking, kind):
    space = booking.space
    context = {
        "booking": booking,
        "space": space,
        "dates": list(booking.dates.all()),
        "space_url": absolute(space.get_url()),
        "cancel_url": absolute(links.cancel_url(booking)) if booking.is_cancellable else "",
    }
    send_mail(
        SUBJECTS[kind]() % {"space": space.title},
        render_to_string(f"bookings/email/{kind}.txt", context),
        None,
        [booking.email],
    )
