"""Sign-ups on the portal for demo events (issue 20, decision 0039).

In each pilot KS events to come take sign-ups on the portal:

- Golnik's monthly repair café: its next date has one place left (the dates after it have
  no sign-ups yet);
- Zlato polje's energy advice evening, in the meeting room: full, two on the waiting list;
- Stražišče's bicycle repair café: many places and two questions for those who sign up;
- Zlato polje's course of digital skills, six weekly evenings, all over: each has its
  attendance recorded (who came, who came without signing up), which the utilisation
  report counts as people reached.

An event is opened for sign-ups once (one that takes them already is left as it is) and
gets its sign-ups only while it has no dates with sign-ups, so loading again changes
nothing. Sign-ups go through `portal.signups.booking.sign_up` (no mail): the counters are
the booking's. Past dates are added by the KS's demo representative, as by hand from an
attendance sheet. Names are illustrative; the addresses are example.org.
"""

import datetime
import unicodedata
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from portal.base import clock
from portal.events.models import EventCalendarPage, EventPage, Registration
from portal.signups.booking import sign_up
from portal.signups.dates import date_for
from portal.signups.models import SignUp, SignUpDate

# The question blocks' ids: answers are kept by them.
BRING = "kaj-boste-prinesli"
CHILDCARE = "varstvo-otrok"

STRAZISCE_QUESTIONS = [
    {
        "type": "short_text",
        "id": BRING,
        "value": {"question": "Kaj boste prinesli v popravilo?", "required": True},
    },
    {
        "type": "yes_no",
        "id": CHILDCARE,
        "value": {"question": "Potrebujete varstvo otrok?", "required": False},
    },
]


@dataclass(frozen=True)
class Opening:
    """An event of a KS (slugs) that takes sign-ups on the portal: for each date in the
    room of its space (`room`, its seated capacity) or for `capacity` people."""

    community: str
    event: str
    room: str = ""
    capacity: int | None = None
    max_places: int = 4
    deadline_hours: int = 0
    questions: tuple = ()
    # Sign-ups of its next date: (name, places, answers).
    upcoming: tuple = ()
    # Past dates: how many signed up (one place each), how many of them came, walk-ins.
    past: tuple = ()


GOLNIK_REPAIR = Opening(
    "golnik",
    "popravljalnica",
    capacity=10,
    max_places=2,
    deadline_hours=12,
    upcoming=(
        ("Marija Kos", 1, {}),
        ("Janez Kovač", 2, {}),
        ("Ana Horvat", 1, {}),
        ("Franc Zupančič", 1, {}),
        ("Irena Potočnik", 2, {}),
        ("Peter Golob", 1, {}),
        ("Nina Kralj", 1, {}),
    ),
)

ZLATO_POLJE_ENERGY = Opening(
    "zlato-polje",
    "energetsko-svetovanje",
    room="Sejna soba",
    max_places=2,
    upcoming=(
        ("Bojan Vidmar", 2, {}),
        ("Maja Kosec", 1, {}),
        ("Andrej Bizjak", 2, {}),
        ("Darja Mlakar", 1, {}),
        ("Stanko Jereb", 2, {}),
        ("Vesna Pintar", 2, {}),
        ("Milan Rozman", 2, {}),
        ("Katja Bergant", 1, {}),
        ("Tomaž Šink", 2, {}),
    ),
)

STRAZISCE_BIKES = Opening(
    "strazisce",
    "popravljalnica-koles",
    capacity=30,
    questions=tuple(STRAZISCE_QUESTIONS),
    upcoming=(
        ("Luka Kern", 1, {BRING: "Otroško kolo, ki mu ne delajo zavore", CHILDCARE: False}),
        ("Tina Zupan", 3, {BRING: "Tri kolesa s predrtimi zračnicami", CHILDCARE: True}),
        ("Marko Oblak", 1, {BRING: "Cestno kolo: menjalnik preskakuje", CHILDCARE: False}),
        ("Sara Mohorič", 2, {BRING: "Mestno kolo brez luči", CHILDCARE: True}),
        ("Jože Jenko", 1, {BRING: "Staro kolo Rog, ki bi ga rad spet vozil", CHILDCARE: False}),
    ),
)

ZLATO_POLJE_COURSE = Opening(
    "zlato-polje",
    "tecaj-digitalnih-vescin",
    room="Sejna soba",
    max_places=1,
    deadline_hours=24,
    past=((10, 9, 1), (12, 10, 2), (11, 10, 0), (12, 11, 1), (9, 8, 2), (12, 12, 3)),
)

OPENINGS = [GOLNIK_REPAIR, ZLATO_POLJE_ENERGY, STRAZISCE_BIKES, ZLATO_POLJE_COURSE]

# Those who signed up for the past evenings of the course, in turn.
COURSE_PEOPLE = [
    "Ivanka Šušteršič",
    "Alojz Perko",
    "Zdenka Logar",
    "Rudolf Kavčič",
    "Olga Čebulj",
    "Marjeta Fajfar",
    "Stane Rakovec",
    "Ljudmila Sajovic",
    "Anton Tavčar",
    "Jožica Kalan",
    "Vinko Dolenc",
    "Cvetka Hafner",
]


def email_of(name):
    """`ime.priimek@example.org`, without the Slovenian letters."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return f"{plain.lower().replace(' ', '.')}@example.org"


def ensure_signups(communities, progress):
    """Open the demo events for sign-ups and sign people up; `communities` are the KS
    pages. Run after the events, the spaces' details and the demo users."""
    by_slug = {community.slug: community for community in communities}
    for opening in OPENINGS:
        community = by_slug[opening.community]
        calendar = EventCalendarPage.objects.child_of(community).get()
        event = EventPage.objects.child_of(calendar).get(slug=opening.event).specific
        label = f"{community.title}: {event.title}"
        open_for_signups(event, opening, label, progress)
        if SignUpDate.objects.filter(event=event).exists():
            progress.found("sign-up", label)
            continue
        representative = get_user_model().objects.get(username=f"ks-{community.slug}")
        made = add_past(event, opening, representative) + add_upcoming(event, opening)
        progress.add("sign-up", label, count=made)


def open_for_signups(event, opening, label, progress):
    if event.registration == Registration.PORTAL:
        progress.found("sign-up event", label)
        return
    event.registration = Registration.PORTAL
    event.registration_url = ""
    if opening.room:
        event.signup_room = event.space.rooms.get(name=opening.room)
    event.signup_capacity = opening.capacity
    event.signup_max_places = opening.max_places
    event.signup_deadline_hours = opening.deadline_hours
    event.signup_questions = list(opening.questions)
    event.save_revision().publish()
    progress.add("sign-up event", label)


def add_upcoming(event, opening):
    """The sign-ups of the event's next date, from the public form."""
    if not opening.upcoming:
        return 0
    now = clock.now()
    occurrence = event.occurrences.upcoming(now).filter(cancelled=False, start__gt=now).first()
    date = date_for(event, occurrence)
    for name, places, answers in opening.upcoming:
        sign_up(date, name=name, email=email_of(name), places=places, answers=answers, mail=False)
    return len(opening.upcoming)


def add_past(event, opening, representative):
    """The past dates' sign-ups, added by the KS's representative from the attendance
    sheet, with who came and how many came without signing up."""
    if not opening.past:
        return 0
    now = clock.now()
    past = event.occurrences.filter(cancelled=False, end__lte=now).order_by("start")
    made = 0
    for occurrence, (signed, came, walk_ins) in zip(past, opening.past, strict=False):
        date = date_for(event, occurrence)
        week_before = occurrence.start - datetime.timedelta(days=7)
        for n, name in enumerate(COURSE_PEOPLE[:signed]):
            signup = sign_up(
                date, name=name, email=email_of(name), added_by=representative, mail=False
            )
            # Signed up in the week before the evening; the sheet says who came.
            when = week_before + datetime.timedelta(hours=n)
            SignUp.objects.filter(pk=signup.pk).update(
                created_at=when, consent_at=when, confirmed_at=when, attended=n < came
            )
        SignUpDate.objects.filter(pk=date.pk).update(
            walk_ins=walk_ins,
            attendance_recorded_at=min(occurrence.end + datetime.timedelta(hours=1), now),
        )
        made += signed
    return made
