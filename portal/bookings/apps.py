from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    name = "portal.bookings"
    label = "bookings"
    verbose_name = _("Booking requests")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from portal.bookings import signals
        from portal.bookings.models import BookingRequest
        from portal.bookings.permissions import BookingRequestPermissionPolicy

        # Replaces the KS policy that `portal.communities` registered for every KS-owned
        # model: requests come only from the public form, never from the admin.
        register_permission_policy(
            BookingRequest, BookingRequestPermissionPolicy(BookingRequest), exact_class=True
        )
        signals.connect()
