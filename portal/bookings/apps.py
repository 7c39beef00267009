from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    name = "portal.bookings"
    label = "bookings"
    verbose_name = _("Booking requests")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from portal.base import retention as retention_policies
        from portal.base import subpages
        from portal.bookings import clashes, retention, routes, signals, views, week
        from portal.bookings.models import BookingRequest
        from portal.bookings.permissions import BookingRequestPermissionPolicy
        from portal.events.clashes import register_clash_source
        from portal.spaces.models import SpacePage

        # Below every space page: its week view and the booking pages (`routes`). Importing
        # `week` declares its query parameter to the page cache before the first request.
        for name, view in {
            routes.AVAILABILITY_ROUTE: week.availability,
            routes.FORM_ROUTE: views.booking_form,
            routes.SENT_ROUTE: views.booking_sent,
            routes.CANCEL_ROUTE: views.booking_cancel,
        }.items():
            subpages.register_route(SpacePage.subpage_kind, routes.PATTERNS[name], view, name)

        # Replaces the KS policy that `portal.communities` registered for every KS-owned
        # model: requests come only from the public form, never from the admin.
        register_permission_policy(
            BookingRequest, BookingRequestPermissionPolicy(BookingRequest), exact_class=True
        )
        signals.connect()
        # The event form warns of an event set over an approved booking.
        register_clash_source(clashes.approved_bookings)
        # A request's personal data goes BOOKING_RETENTION_MONTHS after its last date.
        retention_policies.register(retention.policy)
