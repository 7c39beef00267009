"""Pages inserted in bulk, for the bench: thousands of events and news in seconds.

`add_child` and `publish` cost tens of milliseconds a page (the tree lock, a revision,
signals, the search index), so the bench's 30,000 events and news would take the best part
of an hour. Here the new children of one parent get their tree paths worked out at once,
the `wagtailcore_page` rows and the rows of the page type's own table go in with a few
INSERTs, and the search index takes them in one call.

The pages are live and have no revisions, as if imported; the admin makes the first
revision when an editor saves one. No signals are sent: the caller does what they would
have done (the events' dates, the content version).
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

BATCH = 500


def add_children(parent, pages):
    """Insert `pages`, unsaved instances of one specific page type, as the last children of
    `parent`, live, with the many-to-many values set on them in memory. Returns `pages`,
    saved."""
    if not pages:
        return pages
    model = type(pages[0])
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    for offset, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, parent.depth + 1, step + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.last_published_at or page.first_published_at

    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    rows = [
        Page(**{field.attname: getattr(page, field.attname) for field in base_fields})
        for page in pages
    ]
    Page.objects.bulk_create(rows, batch_size=BATCH)
    for page, row in zip(pages, rows, strict=True):
        page.pk = page.id = row.pk
    # Django's bulk_create refuses multi-table inheritance; the base rows are in, so the
    # page type's own rows are a plain insert into its table.
    model.objects.all()._batched_insert(pages, model._meta.local_concrete_fields, BATCH)
    Page.objects.filter(pk=parent.pk).update(numchild=models.F("numchild") + len(pages))
    _write_many_to_many(model, pages)
    get_search_backend().add_bulk(model, pages)
    return pages


def _write_many_to_many(model, pages):
    """The rows of each parental many-to-many field, from the values held in memory (tags,
    kept by taggit's own manager, are left out)."""
    for field in model._meta.many_to_many:
        if not isinstance(field, ParentalManyToManyField):
            continue
        through = field.remote_field.through
        own, other = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        through.objects.bulk_create(
            (
                through(**{own: page.pk, other: related.pk})
                for page in pages
                for related in getattr(page, field.name).all()
            ),
            batch_size=BATCH,
        )
