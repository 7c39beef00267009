"""The booking routes of a space page: the request form at `rezervacija/`, the page
after sending it, and the requester's cancel link."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

FORM_ROUTE = "booking_form"
SENT_ROUTE = "booking_sent"
CANCEL_ROUTE = "booking_cancel"


class BookingRoutes(RoutablePageMixin):
    """Mixed into `SpacePage`."""

    @path("rezervacija/", name=FORM_ROUTE)
    def booking_form(self, request):
        from portal.bookings.views import booking_form

        return booking_form(self, request)

    @path("rezervacija/poslano/", name=SENT_ROUTE)
    def booking_sent(self, request):
        from portal.bookings.views import booking_sent

        return booking_sent(self, request)

    # The signed token goes in the query (`?kljuc=`): Wagtail's page URLs allow only
    # letters, digits, "-" and "_" in a path.
    @path("rezervacija/preklic/", name=CANCEL_ROUTE)
    def booking_cancel(self, request):
        from portal.bookings.views import booking_cancel

        return booking_cancel(self, request)

    def booking_form_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage(FORM_ROUTE)
