"""What one run of the demo loader created, and what it found already there."""

import contextlib
import logging
from collections import Counter

# Kind of item: how the summary names one of them, and several.
NOUNS = {
    "page": ("page", "pages"),
    "home text": ("home page text", "home page texts"),
    "lead text": ("lead text", "lead texts"),
    "settings": ("site settings", "site settings"),
    "provisioning": ("provisioned KS", "provisioned KS"),
    "image": ("image", "images"),
    "page image": ("page image", "page images"),
    "document": ("document", "documents"),
    "space details": ("space with its details", "spaces with their details"),
    "opening hours": ("weekly opening-hours range", "weekly opening-hours ranges"),
    "stakeholder": ("stakeholder", "stakeholders"),
    "programme": ("programme", "programmes"),
    "programme date": ("event linked to its programme", "events linked to their programmes"),
    "organiser": ("event given its organiser", "events given their organisers"),
    "event": ("event", "events"),
    "closed day": (
        "event kept off its space's closed days",
        "events kept off their spaces' closed days",
    ),
    "news": ("news item", "news items"),
    "booking request": ("booking request", "booking requests"),
    "past booking": ("weekly booking of the past months", "weekly bookings of the past months"),
    "workshop note": ("workshop note of a consultation", "workshop notes of consultations"),
    "online answer": ("online answer to a consultation", "online answers to consultations"),
    "offer": ("offer from a consultation", "offers from consultations"),
    "sign-up event": ("event opened for sign-ups", "events opened for sign-ups"),
    "sign-up": ("sign-up for an event", "sign-ups for events"),
    "user": ("user", "users"),
    "membership": ("group membership", "group memberships"),
}


class Progress:
    """Counts created and existing items by kind; `announce(created, kind, label)` sees each."""

    def __init__(self, announce=None):
        self.created = Counter()
        self.existing = Counter()
        self.announce = announce or (lambda created, kind, label: None)

    def add(self, kind, label, count=1):
        self.created[self.known(kind)] += count
        self.announce(True, kind, label)

    def found(self, kind, label, count=1):
        self.existing[self.known(kind)] += count
        self.announce(False, kind, label)

    @staticmethod
    def known(kind):
        """`kind`, which the summary must be able to name: else it would leave it out."""
        if kind not in NOUNS:
            raise ValueError(f"The demo summary has no name for {kind!r}: add it to NOUNS.")
        return kind

    @staticmethod
    def describe(counts):
        """ "49 pages, 5 users, ..." in the order of NOUNS."""
        return ", ".join(
            f"{counts[kind]} {NOUNS[kind][counts[kind] != 1]}" for kind in NOUNS if counts[kind]
        )


@contextlib.contextmanager
def quiet_wagtail_log(verbosity):
    """Wagtail logs every page it creates and publishes; below verbosity 3 our own
    progress lines say the same, so keep its log to warnings while we run."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    if verbosity < 3:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
