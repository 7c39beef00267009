"""A resident looks up when a space is free: the week view at `<space>/zasedenost/`."""

import datetime
import re

import pytest
from wagtail.models import PageViewRestriction

from portal.bookings import availability
from tests import builders
from tests.builders import at

pytestmark = pytest.mark.django_db

MON, TUE, WED = 0, 1, 2
MONDAY = datetime.date(2026, 11, 30)


@pytest.fixture
def ks():
    return builders.community("Golnik")


@pytest.fixture
def space(ks):
    return builders.space_with_hours(
        ks,
        "Skupnostni prostor",
        weekly=[(MON, "09:00", "12:00"), (MON, "17:00", "21:00"), (WED, "17:00", "21:00")],
    )


@pytest.fixture
def calendar(ks):
    return builders.calendar(ks)


@pytest.fixture
def now(clock):
    clock.set(at(MONDAY, 8))


def stretches(html, date_text):
    """The stretches of the day headed `date_text`, as plain text."""
    [day] = [chunk for chunk in html.split('<li class="week__day') if date_text in chunk]
    # Without the link of a free stretch to the booking form (tests/test_booking_form.py).
    day = re.sub(r'<a class="stretch__ask".*?</a>', "", day, flags=re.S)
    items = re.findall(r'<li class="stretch stretch--(\w+)">(.*?)</li>', day, re.S)
    return [
        (kind, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()) for kind, text in items
    ]


def week_html(client, space, **params):
    response = client.get(space.url + "zasedenost/", params)
    return response, response.content.decode()


def test_a_week_shows_taken_and_free_stretches_within_opening_hours(client, now, space, calendar):
    builders.event(
        calendar,
        "Popravljalnica",
        start=at(MONDAY, 17),
        end=at(MONDAY, 19),
        space=space,
    )
    response, html = week_html(client, space)
    assert response.status_code == 200
    monday = stretches(html, "ponedeljek, 30. 11. 2026")
    assert monday[:3] == [
        ("free", "9.00–12.00 prosto"),
        ("taken", "17.00–19.00 zasedeno Popravljalnica"),
        ("free", "19.00–21.00 prosto"),
    ]
    assert 'href="/golnik/dogodki/popravljalnica/"' in html
    assert "Zaprto" in html  # Tuesday has no opening hours


def test_an_event_outside_opening_hours_still_takes_the_space(client, now, space, calendar):
    builders.event(
        calendar,
        "Sobotni sejem",
        start=at(MONDAY + datetime.timedelta(5), 9),
        end=at(MONDAY + datetime.timedelta(5), 13),
        space=space,
    )
    _response, html = week_html(client, space)
    assert stretches(html, "sobota, 5. 12. 2026")[0] == (
        "taken",
        "9.00–13.00 zasedeno Sobotni sejem",
    )


def test_an_event_in_a_private_section_shows_only_that_the_space_is_taken(
    client, now, ks, space, calendar
):
    PageViewRestriction.objects.create(page=calendar, restriction_type="login")
    builders.event(calendar, "Seja sveta KS", start=at(MONDAY, 10), end=at(MONDAY, 11), space=space)
    _response, html = week_html(client, space)
    assert ("taken", "10.00–11.00 zasedeno") in stretches(html, "ponedeljek, 30. 11. 2026")
    assert "Seja sveta KS" not in html


def test_a_holiday_is_closed_and_named(client, now, space):
    _response, html = week_html(client, space, teden="2026-W52")
    assert "petek, 25. 12. 2026" in html
    assert "Zaprto: božič" in html


@pytest.mark.parametrize(
    "value", ["2026-W50", "2026w50", "2026-12-09", "9. 12. 2026", "13.12.2026"]
)
def test_a_week_is_chosen_by_its_number_or_a_date_in_it(client, now, space, value):
    response, html = week_html(client, space, teden=value)
    assert response.status_code == 200
    assert "ponedeljek, 7. 12. 2026" in html
    assert "nedelja, 13. 12. 2026" in html
    assert 'href="/golnik/skupnostni-prostor/zasedenost/?teden=2026-W49"' in html
    assert 'href="/golnik/skupnostni-prostor/zasedenost/?teden=2026-W51"' in html


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("prihodnji teden", "Teden zapišite kot datum v njem"),
        ("31. 11. 2026", "Takega tedna ali datuma ni v koledarju."),
        ("2026-W54", "Takega tedna ali datuma ni v koledarju."),
        ("2026-02-30", "Takega tedna ali datuma ni v koledarju."),
        ("1999-W01", "Tedenski pregled kaže tedne od pred enim letom"),
        ("9999-12-31", "Tedenski pregled kaže tedne od pred enim letom"),
    ],
)
def test_a_week_that_cannot_be_shown_is_a_400_with_a_reason(client, now, space, value, message):
    response, html = week_html(client, space, teden=value)
    assert response.status_code == 400
    assert message in html
    assert "Ta teden" in html


def test_the_week_view_keeps_its_query_count_however_many_events(
    client, now, space, calendar, django_assert_num_queries
):
    builders.event(calendar, "Prvo", start=at(MONDAY, 17), end=at(MONDAY, 18), space=space)
    client.get(space.url + "zasedenost/")
    # A fixed number, one of them for the approved bookings.
    with django_assert_num_queries(5):
        client.get(space.url + "zasedenost/")
    for number in range(8):
        day = MONDAY + datetime.timedelta(days=number % 7)
        builders.event(
            calendar, f"Dogodek {number}", start=at(day, 10), end=at(day, 11), space=space
        )
    client.get(space.url + "zasedenost/")
    with django_assert_num_queries(5):
        html = client.get(space.url + "zasedenost/").content.decode()
    assert "Dogodek 7" in html


def test_busy_slots_is_the_one_list_of_what_takes_a_space(space, calendar, ks):
    other = builders.space(ks, "Vrt")
    builders.event(calendar, "V prostoru", start=at(MONDAY, 17), end=at(MONDAY, 19), space=space)
    builders.event(calendar, "Na vrtu", start=at(MONDAY, 17), end=at(MONDAY, 19), space=other)
    cancelled = builders.event(
        calendar,
        "Odpovedano",
        start=at(MONDAY, 10),
        end=at(MONDAY, 11),
        space=space,
        status="cancelled",
    )
    assert cancelled.live
    found = availability.busy_slots(space, at(MONDAY, 0), at(MONDAY, 23))
    assert [(slot.title, slot.start, slot.end) for slot in found] == [
        ("V prostoru", at(MONDAY, 17), at(MONDAY, 19))
    ]
