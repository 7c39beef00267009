"""Items of a listing whose HTML is kept per content version, and whose related rows are
read only when one of them has to be rendered afresh.

A listing (a calendar's dates, the programmes of a KS) renders each item through
`item_fragment`: its HTML is kept under the content version (`caching.kept_html`), so
most requests render none of them and need the items' own rows alone. A queryset made
with a `ListedIterable` gives every row it reads a shared `Listed`; the first item to be
rendered afresh loads what all of them show (their events, images, organisers) in a fixed
number of queries, so a listing costs the same queries however long it is.
"""

import hashlib

from django.db.models.query import ModelIterable

from portal.base.caching import kept_html


class Listed:
    """The rows of one listing; `load(rows)` runs once, when first needed."""

    def __init__(self, rows, load):
        self.rows = rows
        self.load = load
        self.loaded = False
        # What a listing works out once for all its rows (the places its dates have left).
        self.memo = {}

    def ensure_loaded(self):
        if not self.loaded:
            self.load(self.rows)
            self.loaded = True


class ListedIterable(ModelIterable):
    """Subclass with a `load(rows)` static method, and set as a queryset's
    `_iterable_class` (`listed`)."""

    @staticmethod
    def load(rows):
        raise NotImplementedError

    def __iter__(self):
        rows = list(super().__iter__())
        listed = Listed(rows, self.load)
        for row in rows:
            row.listed = listed
        yield from rows


def listed(queryset, iterable_class):
    clone = queryset._chain()
    clone._iterable_class = iterable_class
    return clone


def load_listed(item):
    """Make sure what `item`'s listing shows is loaded (nothing to do for other items)."""
    batch = getattr(item, "listed", None)
    if batch is not None:
        batch.ensure_loaded()


def item_fragment(context, template_name, name, item, state="", **options):
    """The HTML of `item` (the template variable `name`) rendered with `template_name`
    and `options`, kept per content version under its primary key and `state` (what else
    changes it, such as a date being over). Links are relative on the item's own site and
    absolute on another, so the key has the host too."""
    template = context.template.engine.get_template(template_name)
    request = context.get("request")

    def render():
        load_listed(item)
        return template.render(context.new({name: item, "request": request, **options}))

    if item.pk is None:  # a preview's item, worked out from a draft
        return render()
    host = request.get_host() if request is not None else ""
    key = ":".join(f"{option}={value}" for option, value in sorted(options.items()))
    if not key.isascii() or " " in key:  # words (a places label) as a cache-safe digest
        key = hashlib.sha256(key.encode()).hexdigest()[:24]
    return kept_html(template_name, f"{item.pk}:{state}:{host}:{key}", render)
