from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignupsConfig(AppConfig):
    name = "portal.signups"
    label = "signups"
    verbose_name = _("Event sign-ups")

    def ready(self):
        from portal.base import retention as retention_policies
        from portal.base import subpages
        from portal.events.models import EventPage
        from portal.events.places import register_places_source
        from portal.signups import dates, places, retention, routes, views

        # Below every event page: the sign-up form, the page after it and the cancel link.
        for name, view in {
            routes.FORM_ROUTE: views.signup_form,
            routes.SENT_ROUTE: views.signup_sent,
            routes.CANCEL_ROUTE: views.signup_cancel,
        }.items():
            subpages.register_route(EventPage.subpage_kind, routes.PATTERNS[name], view, name)

        # The event page, the calendar, the JSON-LD and the API show places left.
        register_places_source(places.places_of_dates)
        # Dates that move, are cancelled or come back follow their event's publish.
        dates.connect()
        # A sign-up's personal data goes SIGNUP_RETENTION_MONTHS after its date.
        retention_policies.register(retention.policy)
