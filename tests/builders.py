"""Small builders for the page tree: each makes one live page with sensible defaults."""

import datetime
import zoneinfo

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.rich_text import RichText

from home.models import HomePage
from portal.communities.models import CommunityPage
from portal.communities.provisioning import (
    add_community_editor,
    ensure_municipal_editors,
    provision_community,
)
from portal.events.models import EventCalendarPage, EventPage
from portal.news.models import NewsIndexPage, NewsPage
from portal.signups.dates import date_for
from portal.spaces.models import SpacePage

LJUBLJANA = zoneinfo.ZoneInfo("Europe/Ljubljana")
# The moment the tests load the demo portal at (`demo_portal` in tests/conftest.py): its
# season is around it, and the needs workshops of November 2017 are past.
DEMO_MOMENT = datetime.datetime(2026, 11, 18, 10, 30, tzinfo=LJUBLJANA)


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def home_page():
    return HomePage.objects.get(depth=2)


def community(title="Golnik", **fields):
    fields.setdefault("intro", f"Krajevna skupnost {title}.")
    return publish(home_page(), CommunityPage(title=title, **fields))


def space(ks, title="Dom krajanov", **fields):
    fields.setdefault("address", "Golnik 40, 4204 Golnik")
    return publish(ks, SpacePage(title=title, **fields))


def calendar(parent, title="Dogodki"):
    return publish(parent, EventCalendarPage(title=title, slug="dogodki"))


def news_index(parent, title="Novice"):
    return publish(parent, NewsIndexPage(title=title, slug="novice"))


def today():
    """Today in Ljubljana, as the portal's code reads it (Django's time zone): the one clock
    of the tests (at 23:30 UTC it is already tomorrow in Ljubljana)."""
    return timezone.localdate()


def days_ahead(days):
    return today() + datetime.timedelta(days=days)


def at(day, hour=18, minute=0):
    """A wall-clock time in Ljubljana on `day`: a date, or a number of days from today."""
    if isinstance(day, int):
        day = days_ahead(day)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=LJUBLJANA)


def event(cal, title="Popravljalnica", start=None, **fields):
    start = start or at(7)
    fields.setdefault("end", start + datetime.timedelta(hours=2))
    if "space" not in fields:
        fields.setdefault("location", "Gasilski dom, Golnik")
    return publish(cal, EventPage(title=title, start=start, **fields))


def news(index, title="Vabilo na delavnico", **fields):
    """A news item; `body` may be given as the HTML of its one paragraph."""
    body = fields.pop("body", "<p>Vabljeni vsi krajani.</p>")
    if isinstance(body, str):
        body = [("paragraph", RichText(body))]
    return publish(index, NewsPage(title=title, body=body, **fields))


def provisioned(title, **fields):
    """A KS as the municipality creates it: with its calendar, news, rights and collection."""
    ks = community(title, **fields)
    provision_community(ks)
    ks.refresh_from_db()
    return ks


def section(title, **fields):
    """A KS with a space, a calendar holding one event and a news index holding one item."""
    ks = community(title, **fields)
    room = space(ks, f"Skupnostni prostor {title}")
    cal = calendar(ks)
    event(cal, f"Delavnica v KS {title}", space=room)
    news(news_index(ks), f"Novice iz KS {title}")
    return ks


def event_form(**fields):
    """What the event editor's form sends for a new event left at its defaults, plus
    `fields`; pass it through `nested_form_data`."""
    from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

    data = {
        "location": "Dom krajanov",
        "body": rich_text(""),
        "status": "scheduled",
        "frequency": "",
        "interval": "1",
        "monthly_by": "day",
        "ends": "never",
        "is_free": "on",
        "registration": "none",
        "signup_max_places": "4",
        "signup_deadline_hours": "0",
        "signup_questions": streamfield([]),
        "excluded_dates": inline_formset([]),
        "date_changes": inline_formset([]),
    }
    data.update(fields)
    return data


def space_form(**fields):
    """What the space editor's form sends for a new space left at its defaults, plus
    `fields` (inline rows as `inline_formset([...])`); pass it through `nested_form_data`."""
    from wagtail.test.utils.form_data import inline_formset, rich_text

    from portal.spaces.models import ACCESSIBILITY_FACTS

    data = {
        "address": "Golnik 40, 4204 Golnik",
        "body": rich_text(""),
        **dict.fromkeys(ACCESSIBILITY_FACTS, "unknown"),
        "rooms": inline_formset([]),
        "weekly_hours": inline_formset([]),
        "hours_exceptions": inline_formset([]),
        "gallery_images": inline_formset([]),
    }
    data.update(fields)
    return data


def space_with_hours(ks, title="Dom krajanov", weekly=(), exceptions=(), **fields):
    """A live space with weekly hours [(weekday, "09:00", "12:00")] and dated exceptions
    [(date, "closed" or ("17:00", "20:00"), note)]."""
    from portal.spaces.models import HoursException, WeeklyHours

    def time(text):
        return datetime.time.fromisoformat(text)

    fields.setdefault("address", "Golnik 40, 4204 Golnik")
    space = SpacePage(title=title, **fields)
    space.weekly_hours = [
        WeeklyHours(weekday=day, opens=time(opens), closes=time(closes))
        for day, opens, closes in weekly
    ]
    space.hours_exceptions = [
        HoursException(date=date, closed=True, note=note)
        if hours == "closed"
        else HoursException(date=date, opens=time(hours[0]), closes=time(hours[1]), note=note)
        for date, hours, note in exceptions
    ]
    return publish(ks, space)


def booking_request(space, start, end, purpose="Vaja zbora", is_public=True):
    """A pending request by Ana Novak for `space` from `start` to `end`, as the public
    form would leave it."""
    from portal.bookings import decisions
    from portal.bookings.conflicts import Slot

    return decisions.receive(
        space,
        None,
        [Slot(start, end)],
        name="Ana Novak",
        email="ana@example.org",
        purpose=purpose,
        is_public=is_public,
        attendance=10,
    )


def ks_editor(ks, username="ks-golnik", email=""):
    """A representative of `ks`: in its editors group, as the municipality adds them."""
    user = get_user_model().objects.create_user(username, email=email, password="x")
    add_community_editor(ks, user)
    return user


def municipal_editor(username="obcina", email="obcina@example.org"):
    """A municipal editor: edits every KS."""
    user = get_user_model().objects.create_user(username, email=email, password="x")
    user.groups.add(ensure_municipal_editors())
    return user


# The questions of a consultation in `consultation()`, with fixed block ids (the names of
# their form fields are `q-<id>`, their answers are stored under the id).
CONSULTATION_QUESTIONS = [
    {
        "type": "single_choice",
        "id": "vrt",
        "value": {
            "theme": "food",
            "question": "Bi sodelovali v skupnostnem vrtu?",
            "help_text": "",
            "required": True,
            "options": ["Da", "Morda", "Ne"],
        },
    },
    {
        "type": "multiple_choice",
        "id": "kdaj",
        "value": {
            "theme": "",
            "question": "Kdaj imate čas?",
            "help_text": "",
            "required": False,
            "options": ["Dopoldne", "Popoldne", "Ob koncih tedna"],
        },
    },
    {
        "type": "scale",
        "id": "energija",
        "value": {
            "theme": "energy",
            "question": "Kako pomembno je energetsko svetovanje v KS?",
            "help_text": "",
            "required": False,
            "low_label": "nepomembno",
            "high_label": "zelo pomembno",
        },
    },
    {
        "type": "long_text",
        "id": "potrebe",
        "value": {
            "theme": "circular_economy",
            "question": "Kaj v KS najbolj pogrešate?",
            "help_text": "",
            "required": False,
        },
    },
    {
        "type": "offer",
        "id": "ponudba",
        "value": {
            "theme": "circular_economy",
            "question": "Kaj lahko ponudite?",
            "help_text": "",
            "required": False,
        },
    },
]


def consultation(ks, title="Posvet o potrebah", opens=None, closes=None, **fields):
    """A live consultation ("Posvet") under `ks`, open from a week ago for a month unless
    `opens`/`closes` say otherwise, asking `CONSULTATION_QUESTIONS`."""
    from portal.consultations.models import ConsultationPage

    now = timezone.now()
    fields.setdefault("questions", CONSULTATION_QUESTIONS)
    return publish(
        ks,
        ConsultationPage(
            title=title,
            opens_at=opens or now - datetime.timedelta(days=7),
            closes_at=closes or now + datetime.timedelta(days=30),
            **fields,
        ),
    )


def signup_event(cal, title="Popravljalnica", capacity=5, start=None, **fields):
    """A published event that takes sign-ups on the portal, with `capacity` places."""
    fields.setdefault("registration", "portal")
    fields.setdefault("signup_capacity", capacity)
    return event(cal, title, start=start, **fields)


def signup_date(event, occurrence=None):
    """The sign-up date of `event`'s first (or given) occurrence."""
    occurrence = occurrence or event.occurrences.order_by("start").first()
    return date_for(event, occurrence)
