"""The demo's sign-ups (issue 20): each pilot KS has an event taking sign-ups on the portal,
one nearly full, one with a waiting list, and a course whose past evenings have their
attendance recorded. Loaded at `builders.DEMO_MOMENT` and read at that moment."""

import io

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import Sum

from portal.events.models import EventPage, Registration
from portal.events.places import places_of_date
from portal.signups.models import SignUp, SignUpDate
from tests import builders

pytestmark = pytest.mark.django_db

PILOTS = ["golnik", "zlato-polje", "strazisce"]


@pytest.fixture
def at_demo_moment(demo_portal):
    with time_machine.travel(builders.DEMO_MOMENT, tick=False):
        yield


def event(ks, slug):
    return EventPage.objects.get(url_path__endswith=f"/{ks}/dogodki/{slug}/")


def upcoming_dates(ks):
    return SignUpDate.objects.filter(
        event__url_path__contains=f"/{ks}/dogodki/",
        start__gt=builders.DEMO_MOMENT,
        cancelled_at__isnull=True,
    )


@pytest.mark.parametrize("ks", PILOTS)
def test_each_pilot_ks_has_an_event_to_come_with_signups_open(at_demo_moment, client, ks):
    dates = [date for date in upcoming_dates(ks) if date.is_open and date.signups.exists()]
    assert dates, ks
    page = client.get(dates[0].event.url)
    assert page.status_code == 200
    assert dates[0].event.registration == Registration.PORTAL


def test_golnik_repair_cafe_has_one_place_left_on_its_next_date_only(at_demo_moment, client):
    cafe = event("golnik", "popravljalnica")
    assert cafe.repeats
    (date,) = SignUpDate.objects.filter(event=cafe)
    assert date.is_open and date.places_left == 1
    next_date = cafe.occurrences.filter(start__gt=builders.DEMO_MOMENT).order_by("start").first()
    assert date.start == next_date.start
    places = places_of_date(next_date)
    assert (places.left, places.open, places.waitlist) == (1, True, 0)


def test_zlato_polje_energy_evening_is_full_with_two_waiting(at_demo_moment):
    evening = event("zlato-polje", "energetsko-svetovanje")
    assert evening.signup_room.name == "Sejna soba"
    (date,) = SignUpDate.objects.filter(event=evening)
    assert date.capacity == evening.signup_room.seated_capacity
    assert date.places_left == 0
    assert date.signups.waitlisted().count() == 2


def test_strazisce_bike_repair_asks_its_questions_and_has_many_places(at_demo_moment):
    repair = event("strazisce", "popravljalnica-koles")
    questions = {block.block_type: block.value["question"] for block in repair.signup_questions}
    assert questions == {
        "short_text": "Kaj boste prinesli v popravilo?",
        "yes_no": "Potrebujete varstvo otrok?",
    }
    (date,) = SignUpDate.objects.filter(event=repair)
    assert date.places_left >= 20
    ids = {block.id for block in repair.signup_questions}
    assert all(set(signup.answers) == ids for signup in date.signups.all())


def test_the_course_has_its_past_evenings_with_attendance_recorded(at_demo_moment):
    course = event("zlato-polje", "tecaj-digitalnih-vescin")
    past = SignUpDate.objects.filter(event=course, start__lt=builders.DEMO_MOMENT)
    for date in past:
        assert date.attendance_recorded_at is not None
        assert date.signups.filter(attended=True).exists()
        assert all(signup.added_by is not None for signup in date.signups.all())
        assert all(signup.created_at < date.start for signup in date.signups.all())
    assert sum(date.walk_ins for date in past) > 0
    assert past.count() == course.occurrences.count() == 6


def test_every_counter_is_the_sum_of_its_confirmed_places(at_demo_moment):
    dates = SignUpDate.objects.all()
    assert dates.count() >= 8
    for date in dates:
        confirmed = date.signups.confirmed().aggregate(total=Sum("places"))["total"] or 0
        assert date.confirmed_places == confirmed, date
        assert confirmed <= date.capacity
    assert all(s.email.endswith("@example.org") for s in SignUp.objects.all())


def test_loading_again_adds_no_signup(at_demo_moment):
    counts = (SignUpDate.objects.count(), SignUp.objects.count())
    out = io.StringIO()
    call_command("load_demo_data", force=True, stdout=out)
    assert (SignUpDate.objects.count(), SignUp.objects.count()) == counts
    assert "sign-up" in out.getvalue()
