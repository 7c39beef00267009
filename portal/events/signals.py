"""Keep each event's dates (`Occurrence` rows) in step with its live version.

`dates_refreshed` is sent (with `sender=EventPage` and `event=`) at the end of
`occurrences.refresh()`, inside its transaction, each time an event's rows are rewritten:
on publish and by the nightly `refresh_occurrences`. An app that keeps something per
date (sign-ups) listens to it to follow moved, cancelled or dropped dates; its receiver
runs in the same transaction, so what it writes (the outbox's mail too) is rolled back
with a failed publish.
"""

from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.events.models import EventPage
from portal.events.models.occurrences import dates_refreshed, follow_move, forget, refresh

__all__ = ["dates_refreshed", "connect"]


def event_published(sender, instance, **kwargs):
    refresh(instance)


def event_unpublished(sender, instance, **kwargs):
    forget(instance)


def page_moved(sender, instance, **kwargs):
    follow_move(instance)


def connect():
    # Deleting an event deletes its rows with it (a foreign key that cascades).
    page_published.connect(event_published, sender=EventPage, weak=False)
    page_unpublished.connect(event_unpublished, sender=EventPage, weak=False)
    post_page_move.connect(page_moved, weak=False)
