"""Calendar feeds under /koledar/ (see `portal.events.feeds`)."""

from django.urls import path, register_converter

from portal.events import feeds


class PageIdConverter:
    """A database id: at most nine digits, so an absurd number is a 404, never an
    integer the database cannot hold."""

    regex = "[1-9][0-9]{0,8}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(PageIdConverter, "id")

app_name = "events"
urlpatterns = [
    path("vsi-dogodki.ics", feeds.municipality_feed, name="ics-municipality"),
    path("ks/<str:slug>.ics", feeds.community_feed, name="ics-community"),
    path("program/<id:pk>.ics", feeds.programme_feed, name="ics-programme"),
    path("prostor/<id:pk>.ics", feeds.space_feed, name="ics-space"),
    path("dogodek/<id:pk>.ics", feeds.event_feed, name="ics-event"),
]
