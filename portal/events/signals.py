"""Keep each event's dates (`Occurrence` rows) in step with its live version."""

from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.events.models import EventPage
from portal.events.models.occurrences import follow_move, forget, refresh


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
