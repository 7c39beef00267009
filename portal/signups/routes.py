"""The addresses below an event page that sign-ups answer: the form at `prijava/`, the
page after sending it at `prijava/poslano/` and the cancel link at `prijava/preklic/`.
`portal.signups.apps` registers their views for `EventPage.subpage_kind`. The date a
repeating event's form is for goes in the query (`?termin=2027-01-14`, the date key)."""

FORM_ROUTE = "signup_form"
SENT_ROUTE = "signup_sent"
CANCEL_ROUTE = "signup_cancel"

PATTERNS = {
    FORM_ROUTE: "prijava/",
    SENT_ROUTE: "prijava/poslano/",
    CANCEL_ROUTE: "prijava/preklic/",
}

# The query parameter that names one date of a repeating event (its date key, ISO).
DATE_PARAMETER = "termin"


def route_url(event, name, request=None):
    return event.get_url(request) + event.reverse_subpage(name)


def form_url(event, date_key=None, request=None):
    """The sign-up form of `event`, for the date keyed `date_key` (a repeating event's)."""
    url = route_url(event, FORM_ROUTE, request)
    return f"{url}?{DATE_PARAMETER}={date_key.isoformat()}" if date_key else url
