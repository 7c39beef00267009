from django.urls import path

from portal.embed.views import events_script

urlpatterns = [
    path("events.js", events_script, name="embed-events-script"),
]
