"""The addresses below a space page that bookings answer: its week view at
`zasedenost/`, the request form at `rezervacija/`, the page after sending it, and the
requester's cancel link. `portal.bookings.apps` registers their views on `SpacePage`
(`portal.base.subpages`)."""

AVAILABILITY_ROUTE = "availability"
FORM_ROUTE = "booking_form"
SENT_ROUTE = "booking_sent"
CANCEL_ROUTE = "booking_cancel"

# Route names and the paths below the space page. The signed token of the cancel link goes
# in the query (`?kljuc=`): Wagtail's page URLs allow only letters, digits, "-" and "_" in
# a path.
PATTERNS = {
    AVAILABILITY_ROUTE: "zasedenost/",
    FORM_ROUTE: "rezervacija/",
    SENT_ROUTE: "rezervacija/poslano/",
    CANCEL_ROUTE: "rezervacija/preklic/",
}


def route_url(space, name, request=None):
    return space.get_url(request) + space.reverse_subpage(name)


def availability_url(space, request=None):
    """The week view of `space`: when it is taken and when it is free."""
    return route_url(space, AVAILABILITY_ROUTE, request)


def booking_form_url(space, request=None):
    """The form to ask for the use of `space`."""
    return route_url(space, FORM_ROUTE, request)
