"""A count in words: "1 slika, 2 sliki, 3 slike, 5 slik". Slovenian has four forms of a
noun after a number, which a model's verbose_name and verbose_name_plural cannot give, so
a model the admin counts declares its own `count_label`, an `ngettext_lazy` over "count"."""

from django.utils.translation import ngettext_lazy

RESULTS = ngettext_lazy("%(count)s result", "%(count)s results", "count")
# Wagtail's own models, which cannot carry a `count_label`.
WAGTAIL_COUNT_LABELS = {
    "wagtailcore.page": ngettext_lazy("%(count)s page", "%(count)s pages", "count"),
    "wagtailimages.image": ngettext_lazy("%(count)s image", "%(count)s images", "count"),
    "wagtaildocs.document": ngettext_lazy("%(count)s document", "%(count)s documents", "count"),
}


def count_label(model, count):
    """`count` things of `model` in words; "N results" for anything else."""
    label = getattr(model, "count_label", None)
    if label is None and model is not None:
        label = WAGTAIL_COUNT_LABELS.get(model._meta.label_lower)
    return (label or RESULTS) % {"count": count}
