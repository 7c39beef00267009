"""Helpers the built-in plugins share: choice labels for templates, months."""

from django.utils.dates import MONTHS

MONTH_CHOICES = [(str(number), name) for number, name in MONTHS.items()]


def labels(choices, keys):
    """The labels of `keys` (values of a ChoiceBlock), in the order given."""
    names = dict(choices)
    return [names[key] for key in keys if key in names]


def label(choices, key):
    return dict(choices).get(key, "")
