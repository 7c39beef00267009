from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "portal.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        # Its pages' query parameters are known to the page cache before the first request.
        import portal.events.filters  # noqa: F401
        from portal.events import clashes, signals

        signals.connect()
        # What the event form warns of (`portal.events.clashes`); the bookings app adds
        # its approved bookings.
        clashes.register_clash_source(clashes.closed_days)
        clashes.register_clash_source(clashes.other_events)
