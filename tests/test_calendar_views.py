"""The calendar as residents use it: upcoming dates by day, quick picks, the month grid,
past events and the filters, on a KS's calendar and the municipality's."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.utils import timezone
from wagtail.models import PageViewRestriction

from portal.events.models import EventCalendarPage
from programmes.models import Audience, Theme
from tests import builders
from tests.programme_helpers import programme

pytestmark = pytest.mark.django_db

LJ = builders.LJUBLJANA
# Queries for a whole calendar view (list, month grid, past), filters included, however
# many events, dates and KS there are.
CALENDAR_VIEW_QUERIES = 3
# The route's page, the programme, its next dates (what follows from the programme alone
# is kept per content version: tests/test_programme_pages.py pins it rendered afresh).
PROGRAMME_PAGE_QUERIES = 3
DAY_NAMES = ["ponedeljek", "torek", "sreda", "četrtek", "petek", "sobota", "nedelja"]
MONTH_NAMES = [
    "januar",
    "februar",
    "marec",
    "april",
    "maj",
    "junij",
    "julij",
    "avgust",
    "september",
    "oktober",
    "november",
    "december",
]


@pytest.fixture
def municipal_calendar():
    return builders.calendar(builders.home_page(), "Dogodki v vseh KS")


def today():
    return timezone.localdate()


def all_day(cal, title, day, **fields):
    """An all-day event on `day`: upcoming until that day's midnight, whatever the hour."""
    start = datetime.datetime.combine(day, datetime.time(), tzinfo=LJ)
    return builders.event(cal, title, start=start, end=start, all_day=True, **fields)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".event-item__link")]


def grid_cell(response, day):
    time = soup(response).select_one(f'.calendar-grid time[datetime="{day:%Y-%m-%d}"]')
    return time.find_parent("td")


def month_url(base, day):
    return f"{base}mesec/{day.year}/{day.month}/"


# A day takes the month's genitive: "14. decembra 2026".
MONTHS_OF_A_DAY = [
    "januarja",
    "februarja",
    "marca",
    "aprila",
    "maja",
    "junija",
    "julija",
    "avgusta",
    "septembra",
    "oktobra",
    "novembra",
    "decembra",
]


def slovenian_date(day):
    return f"{DAY_NAMES[day.weekday()]}, {day.day}. {MONTHS_OF_A_DAY[day.month - 1]} {day.year}"


# --- The upcoming list -------------------------------------------------------------------


def test_upcoming_dates_are_grouped_under_a_heading_per_day(client, calendar):
    later = today() + datetime.timedelta(days=3)
    all_day(calendar, "Sejem", today())
    builders.event(calendar, "Popravljalnica", start=builders.at(1, 9))
    builders.event(calendar, "Kolesarjenje", start=builders.at(1, 17))
    builders.event(calendar, "Bralni krožek", start=builders.at(3, 18))
    response = client.get("/golnik/dogodki/")
    assert response.status_code == 200
    days = soup(response).select(".calendar-day")
    headings = [day.h2.get_text(" ", strip=True) for day in days]
    assert headings[0].startswith("Danes")
    assert headings[1].startswith("Jutri")
    assert headings[2] == slovenian_date(later)
    in_days = [[a.get_text() for a in day.select(".event-item__link")] for day in days]
    assert in_days == [["Sejem"], ["Popravljalnica", "Kolesarjenje"], ["Bralni krožek"]]
    assert "18.00–20.00" in days[2].get_text()


def test_a_cancelled_date_and_the_ks_label_show_in_the_list(client, golnik, municipal_calendar):
    calendar = builders.calendar(golnik)
    builders.event(calendar, "Odpovedana delavnica", status="cancelled")
    municipal = client.get("/dogodki/")
    item = soup(municipal).select_one(".event-item")
    assert "Odpovedano" in item.get_text()
    assert "Golnik" in item.select_one(".label:not(.label--event-cancelled)").get_text()
    local = soup(client.get("/golnik/dogodki/")).select_one(".event-item")
    assert "Golnik" not in local.get_text(" ").replace("Gasilski dom, Golnik", "")


def test_quick_picks_narrow_the_list_to_today_this_week_weekend_and_month(client, calendar):
    monday = today() - datetime.timedelta(days=today().weekday())
    days = {
        "Danes": today(),
        "Sobota": monday + datetime.timedelta(days=5),
        "Nedelja": monday + datetime.timedelta(days=6),
        "Naslednji ponedeljek": monday + datetime.timedelta(days=7),
        "Prvi v naslednjem mesecu": (today().replace(day=28) + datetime.timedelta(days=4)).replace(
            day=1
        ),
    }
    for title, day in days.items():
        all_day(calendar, title, day)
    spans = {
        "today": (today(), today()),
        "week": (monday, monday + datetime.timedelta(days=6)),
        "weekend": (monday + datetime.timedelta(days=5), monday + datetime.timedelta(days=6)),
        "month": (today().replace(day=1), days["Prvi v naslednjem mesecu"] - datetime.timedelta(1)),
    }
    for pick, (first, last) in spans.items():
        response = client.get("/golnik/dogodki/", {"when": pick})
        assert response.status_code == 200
        expected = {t for t, day in days.items() if first <= day <= last and day >= today()}
        assert set(titles(response)) == expected, pick
        active = soup(response).select('.quick-picks a[aria-current="true"]')
        assert [a["href"] for a in active] == [f"?when={pick}"]


def test_quick_pick_links_keep_the_other_filters_and_drop_the_dates(client, calendar):
    response = client.get("/golnik/dogodki/", {"q": "vrt", "from": "2030-01-01", "page": "2"})
    links = [a["href"] for a in soup(response).select(".quick-picks a")]
    assert links == [f"?q=vrt&when={pick}" for pick in ("today", "week", "weekend", "month")]


def test_the_list_is_paginated_and_pages_keep_the_filters(client, calendar):
    builders.event(
        calendar, "Vsak dan", start=builders.at(1), frequency="DAILY", ends="after", count=25
    )
    response = client.get("/golnik/dogodki/", {"q": "dan"})
    assert len(titles(response)) == EventCalendarPage.per_page
    assert soup(response).select_one("a[rel=next]")["href"] == "?q=dan&page=2"
    assert len(titles(client.get("/golnik/dogodki/", {"q": "dan", "page": 2}))) == 5


def test_a_very_long_list_numbers_only_its_first_pages_and_says_so(client, calendar, settings):
    """Counting every upcoming date of the municipality costs more than the page: a list
    numbers at most LISTING_MAX_PAGES pages, and its last one says how to see the rest."""
    settings.LISTING_MAX_PAGES = 2
    builders.event(
        calendar, "Vsak dan", start=builders.at(1), frequency="DAILY", ends="after", count=45
    )
    first = soup(client.get("/golnik/dogodki/"))
    assert first.select_one(".pagination__status").get_text() == "Stran 1 od več kot 2"
    assert first.select_one(".search-summary").get_text(strip=True) == (
        "Več kot 40 prihodnjih terminov"
    )
    assert not first.select(".pagination__note")
    last = client.get("/golnik/dogodki/", {"page": 2})
    assert len(titles(last)) == EventCalendarPage.per_page
    assert not soup(last).select("a[rel=next]")
    note = soup(last).select_one(".pagination__note").get_text()
    assert "le prvih 40 vnosov" in note
    # A page beyond them gives the last one numbered, as any too-large page number does.
    beyond = client.get("/golnik/dogodki/", {"page": 3})
    assert beyond.status_code == 200
    assert titles(beyond) == titles(last)
    # With the filters narrowing it, the list is whole again.
    narrowed = soup(client.get("/golnik/dogodki/", {"to": builders.at(21).date().isoformat()}))
    assert narrowed.select_one(".pagination__status").get_text() == "Stran 1 od 2"


# --- The month grid ----------------------------------------------------------------------


def test_month_grid_is_a_table_monday_first_in_slovenian(client, calendar):
    day = today() + datetime.timedelta(days=1)
    builders.event(calendar, "Popravljalnica", start=builders.at(1, 9))
    response = client.get(month_url("/golnik/dogodki/", day))
    assert response.status_code == 200
    table = soup(response).select_one("table.calendar-grid")
    assert table.caption.get_text(strip=True) == f"{MONTH_NAMES[day.month - 1]} {day.year}"
    headers = table.select('thead th[scope="col"]')
    assert [th.select_one("[aria-hidden]").get_text() for th in headers] == [
        "pon",
        "tor",
        "sre",
        "čet",
        "pet",
        "sob",
        "ned",
    ]
    assert [th.select_one(".visually-hidden").get_text() for th in headers] == DAY_NAMES
    first_row = table.select("tbody tr")[0].select("td time")
    assert datetime.date.fromisoformat(first_row[0]["datetime"]).weekday() == 0
    cell = grid_cell(response, day)
    assert cell.a.get_text(" ", strip=True) == "09.00 Popravljalnica"
    other = [td for td in table.select("td") if "calendar-grid__day--other-month" in td["class"]]
    assert all(td.time["datetime"][5:7] != f"{day.month:02}" for td in other)


def test_today_is_marked_in_the_grid(client, calendar):
    response = client.get(month_url("/golnik/dogodki/", today()))
    marked = soup(response).select('td[aria-current="date"]')
    assert [td.time["datetime"] for td in marked] == [today().isoformat()]
    assert "danes" in marked[0].get_text()


def test_a_weekly_event_stays_at_its_hour_in_the_grid_across_daylight_saving(client, calendar):
    # The next change of clocks: the last Sunday of March or of October.
    day = today()
    while not (
        day.month in (3, 10) and day.weekday() == 6 and (day + datetime.timedelta(7)).day < 8
    ):
        day += datetime.timedelta(days=1)
    wednesday_before = day - datetime.timedelta(days=4)
    start = datetime.datetime.combine(wednesday_before, datetime.time(18), tzinfo=LJ)
    builders.event(calendar, "Sreda ob šestih", start=start, frequency="WEEKLY", count=4)
    wednesdays = [wednesday_before + datetime.timedelta(weeks=n) for n in range(4)]
    for wednesday in wednesdays:
        response = client.get(month_url("/golnik/dogodki/", wednesday))
        link = grid_cell(response, wednesday).select_one(".calendar-grid__event a")
        assert link.get_text(" ", strip=True) == "18.00 Sreda ob šestih", wednesday
    next_day = grid_cell(
        client.get(month_url("/golnik/dogodki/", day)), wednesdays[1] + datetime.timedelta(1)
    )
    assert next_day.select_one(".calendar-grid__event") is None


def test_a_busy_day_shows_a_few_dates_and_links_to_the_rest(client, calendar, monkeypatch):
    monkeypatch.setattr(EventCalendarPage, "dates_per_day", 2)
    day = today() + datetime.timedelta(days=2)
    for hour in (9, 11, 13, 15):
        builders.event(calendar, f"Delavnica ob {hour}", start=builders.at(2, hour))
    builders.event(calendar, "Odpovedana", start=builders.at(2, 20), status="cancelled")
    response = client.get(month_url("/golnik/dogodki/", day), {"free": "on"})
    cell = grid_cell(response, day)
    assert [a.get_text(" ", strip=True) for a in cell.select(".calendar-grid__event a")] == [
        "09.00 Delavnica ob 9",
        "11.00 Delavnica ob 11",
    ]
    more = cell.select_one(".calendar-grid__more")
    assert more.get_text(" ", strip=True).startswith("+ še 3")
    assert more["href"] == f"/golnik/dogodki/?free=on&from={day}&to={day}"
    listed = client.get(more["href"])
    assert len(titles(listed)) == 5


def test_month_links_move_between_months_and_to_the_list_keeping_filters(client, calendar):
    response = client.get("/golnik/dogodki/mesec/2027/1/", {"q": "vrt"})
    page = soup(response)
    assert page.select_one("a[rel=prev]")["href"] == "/golnik/dogodki/mesec/2026/12/?q=vrt"
    assert page.select_one("a[rel=next]")["href"] == "/golnik/dogodki/mesec/2027/2/?q=vrt"
    assert page.select_one(".section__more a")["href"] == "/golnik/dogodki/?q=vrt"
    listing = soup(client.get("/golnik/dogodki/", {"q": "vrt"}))
    views = {a.get_text(strip=True): a["href"] for a in listing.select(".calendar-views a")}
    this_month = f"/golnik/dogodki/mesec/{today().year}/{today().month}/?q=vrt"
    assert views == {
        "Prihajajoči dogodki": "/golnik/dogodki/?q=vrt",
        "Mesečni pregled": this_month,
        "Pretekli dogodki": "/golnik/dogodki/preteklo/?q=vrt",
    }


@pytest.mark.parametrize(
    "path", ["1999/12", "2101/1", "2026/13", "2026/0", "99999999999999999999/1", "2026/-1"]
)
def test_months_out_of_range_are_not_found(client, calendar, path):
    assert client.get(f"/golnik/dogodki/mesec/{path}/").status_code == 404


# --- Past events -------------------------------------------------------------------------


def test_past_events_newest_first_marked_as_past_and_kept_at_their_urls(client, calendar):
    old = builders.event(calendar, "Delavnica o potrebah", start=builders.at(-30))
    builders.event(calendar, "Popravljalnica", start=builders.at(-3))
    builders.event(calendar, "Prihodnja", start=builders.at(3))
    response = client.get("/golnik/dogodki/preteklo/")
    assert response.status_code == 200
    assert titles(response) == ["Popravljalnica", "Delavnica o potrebah"]
    assert all("Že minilo" in item.get_text() for item in soup(response).select(".event-item"))
    assert titles(client.get("/golnik/dogodki/")) == ["Prihodnja"]
    assert client.get(old.url).status_code == 200


# --- Filters -----------------------------------------------------------------------------


@pytest.fixture
def varied(golnik, municipal_calendar):
    """Events that differ in every way one can filter by, in two KS."""
    calendar = builders.calendar(golnik)
    room = builders.space(golnik, "Dom krajanov Golnik")
    cafe = programme("Popravljalnica Golnik", "repair_cafe", community=golnik)
    repair = builders.event(
        calendar, "Popravljalnica koles", start=builders.at(2), space=room, programme=cafe
    )
    advice = builders.event(
        calendar, "Čiščenje potoka", start=builders.at(3), is_free=False, price="5 EUR"
    )
    strazisce = builders.community("Stražišče")
    builders.event(builders.calendar(strazisce), "Delavnica v Stražišču", start=builders.at(4))
    for event, theme, audience in (
        (repair, "circular_economy", "adults"),
        (advice, "food", "children"),
    ):
        event.themes.set([Theme.objects.get(key=theme)])
        event.audiences.set([Audience.objects.get(key=audience)])
        event.save_revision().publish()
    return {"golnik": golnik, "strazisce": strazisce, "room": room, "cafe": cafe}


def test_every_filter_narrows_the_calendar(client, varied):
    everything = {"Popravljalnica koles", "Čiščenje potoka", "Delavnica v Stražišču"}
    in_three_days = (today() + datetime.timedelta(days=3)).isoformat()
    cases = [
        ({}, everything),
        ({"q": "ciscenje"}, {"Čiščenje potoka"}),
        ({"q": "Straziscu"}, {"Delavnica v Stražišču"}),
        ({"community": varied["strazisce"].pk}, {"Delavnica v Stražišču"}),
        ({"theme": "food"}, {"Čiščenje potoka"}),
        ({"audience": "adults"}, {"Popravljalnica koles"}),
        ({"programme": varied["cafe"].pk}, {"Popravljalnica koles"}),
        ({"space": varied["room"].pk}, {"Popravljalnica koles"}),
        ({"free": "on"}, {"Popravljalnica koles", "Delavnica v Stražišču"}),
        ({"from": in_three_days}, {"Čiščenje potoka", "Delavnica v Stražišču"}),
        ({"to": in_three_days}, {"Popravljalnica koles", "Čiščenje potoka"}),
        ({"from": in_three_days, "to": in_three_days}, {"Čiščenje potoka"}),
        ({"community": varied["golnik"].pk, "free": "on"}, {"Popravljalnica koles"}),
        ({"free": "on", "from": in_three_days}, {"Delavnica v Stražišču"}),
        ({"theme": "food", "free": "on"}, set()),
    ]
    for query, expected in cases:
        response = client.get("/dogodki/", query)
        assert response.status_code == 200, query
        assert set(titles(response)) == expected, query
    month = client.get(
        month_url("/dogodki/", today() + datetime.timedelta(days=3)), {"theme": "food"}
    )
    assert "Čiščenje potoka" in month.content.decode()
    assert "Popravljalnica koles" not in month.content.decode()


def test_filter_state_is_shown_in_the_form(client, varied):
    response = client.get(
        "/dogodki/", {"q": "ciscenje", "free": "on", "theme": "food", "from": "2030-05-01"}
    )
    form = soup(response).select_one("form.filters")
    assert form["method"] == "get"
    assert form.select_one("#filter-q")["value"] == "ciscenje"
    assert form.select_one("#filter-free").has_attr("checked")
    assert form.select_one("#filter-theme option[selected]")["value"] == "food"
    assert form.select_one("#filter-from")["value"] == "2030-05-01"


def test_choices_are_what_is_relevant_to_the_calendar(client, varied):
    builders.space(varied["strazisce"], "Dom krajanov Stražišče")
    programme("Vrt Stražišče", "community_garden", community=varied["strazisce"])
    programme("Energetsko svetovanje", "energy_advice", community=None)
    local = soup(client.get("/golnik/dogodki/"))
    assert local.select_one("#filter-community") is None
    options = lambda page, name: [o.get_text() for o in page.select(f"#filter-{name} option")][1:]  # noqa: E731
    assert options(local, "space") == ["Dom krajanov Golnik"]
    assert options(local, "programme") == ["Energetsko svetovanje", "Popravljalnica Golnik"]
    municipal = soup(client.get("/dogodki/"))
    assert options(municipal, "community") == ["Golnik", "Stražišče"]
    assert options(municipal, "space") == ["Dom krajanov Golnik", "Dom krajanov Stražišče"]
    assert len(options(municipal, "programme")) == 3


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"theme": "nekaj"}, "Tema"),
        ({"when": "vceraj"}, "Kdaj"),
        ({"from": "2026-13-40"}, "Od"),
        ({"to": "jutri"}, "Do"),
        ({"from": "1800-01-01"}, "Od"),
        ({"from": "2030-05-10", "to": "2030-05-01"}, "Do"),
        ({"programme": "99999"}, "Program"),
        ({"space": "<b>x</b>"}, "Skupnostni prostor"),
        ({"community": "-1"}, "Krajevna skupnost"),
    ],
)
def test_invalid_filters_answer_400_with_a_message_and_the_rest_still_applies(
    client, varied, query, field
):
    for url in ("/dogodki/", month_url("/dogodki/", today()), "/dogodki/preteklo/"):
        response = client.get(url, {**query, "q": "ciscenje"})
        assert response.status_code == 400, (url, query)
        notice = soup(response).select_one(".notice--error[role=alert]")
        assert notice is not None and f"{field}:" in notice.get_text(), notice
        assert soup(response).select_one("#filter-q")["value"] == "ciscenje"
    if "from" not in query:  # a valid "from" still applies, and leaves nothing
        assert titles(client.get("/dogodki/", {**query, "q": "ciscenje"})) == ["Čiščenje potoka"]


def test_to_before_from_names_the_first_day(client, varied):
    response = client.get("/golnik/dogodki/", {"from": "2030-05-10", "to": "2030-05-01"})
    assert (
        "Zadnji dan je pred prvim (10. 5. 2030)"
        in soup(response).select_one(".notice--error").get_text()
    )


# --- Only what is public -----------------------------------------------------------------


def test_drafts_and_private_sections_never_appear(client, golnik, municipal_calendar):
    calendar = builders.calendar(golnik)
    draft = builders.event(calendar, "Skrivni osnutek", start=builders.at(2))
    draft.unpublish()
    private_ks = builders.community("Zaprta KS")
    private_calendar = builders.calendar(private_ks)
    builders.event(private_calendar, "Samo za svet KS", start=builders.at(2))
    builders.event(private_calendar, "Stara seja", start=builders.at(-2))
    PageViewRestriction.objects.create(page=private_ks, restriction_type="login")
    builders.event(calendar, "Javna delavnica", start=builders.at(2))
    day = today() + datetime.timedelta(days=2)
    for url in ("/dogodki/", "/golnik/dogodki/", month_url("/dogodki/", day), "/dogodki/preteklo/"):
        html = client.get(url, {"q": "seja"} if "preteklo" in url else {}).content.decode()
        for hidden in ("Skrivni osnutek", "Samo za svet KS", "Stara seja"):
            assert hidden not in html, (url, hidden)
    assert "Javna delavnica" in client.get("/dogodki/").content.decode()


# --- Queries -----------------------------------------------------------------------------


def test_calendar_views_keep_their_query_count_as_data_grows(
    client, django_assert_num_queries, golnik, municipal_calendar
):
    calendar = builders.calendar(golnik)
    strazisce = builders.community("Stražišče")
    other = builders.calendar(strazisce)
    builders.event(calendar, "Tedensko srečanje", frequency="WEEKLY", start=builders.at(1))
    builders.event(other, "Popravljalnica", start=builders.at(-5))
    builders.event(calendar, "Srečanje v preteklosti", start=builders.at(-2))
    next_month = today().replace(day=28) + datetime.timedelta(days=4)
    # Filters that leave dates in every view (an empty page takes one query less).
    filters = {
        "q": "srecanje",
        "free": "on",
        "to": (today() + datetime.timedelta(days=60)).isoformat(),
    }
    urls = [
        f"{base}{view}"
        for base in ("/golnik/dogodki/", "/dogodki/")
        for view in (
            "",
            "preteklo/",
            f"mesec/{today().year}/{today().month}/",
            f"mesec/{next_month.year}/{next_month.month}/",
        )
    ]

    def check():
        for url in urls:
            for query in ({}, filters):
                client.get(url, query)  # what a process looks up once per content version
                with django_assert_num_queries(CALENDAR_VIEW_QUERIES):
                    assert client.get(url, query).status_code == 200
                # A worker that has not rendered these dates yet reads all their events
                # in one more query, however many there are.
                caches["local"].clear()
                with django_assert_num_queries(CALENDAR_VIEW_QUERIES + 1):
                    assert client.get(url, query).status_code == 200

    check()
    for number in range(10):
        builders.event(calendar, f"Srečanje {number}", frequency="DAILY", start=builders.at(-3))
        builders.event(other, f"Delavnica {number}", start=builders.at(number - 5))
        builders.space(strazisce, f"Prostor {number}")
    check()


# --- Programme and space pages -----------------------------------------------------------


def test_a_programme_lists_its_next_dates_and_links_to_the_calendar(
    client, golnik, django_assert_num_queries
):
    calendar = builders.calendar(golnik)
    cafe = programme("Popravljalnica Golnik", "repair_cafe", community=golnik)
    builders.event(
        calendar, "Popravljalnica", start=builders.at(2), programme=cafe, frequency="WEEKLY"
    )
    builders.event(calendar, "Pretekla popravljalnica", start=builders.at(-9), programme=cafe)
    builders.event(calendar, "Druga reč", start=builders.at(2))
    url = "/golnik/programi/popravljalnica-golnik/"
    response = client.get(url)
    section = soup(response).select_one('section[aria-labelledby="dates-heading"]')
    assert section.h2.get_text() == "Naslednji termini"
    assert [a.get_text() for a in section.select(".event-item__link")] == ["Popravljalnica"] * 8
    link = section.select_one(".section__more a")["href"]
    assert link == f"/golnik/dogodki/?programme={cafe.pk}"
    assert set(titles(client.get(link))) == {"Popravljalnica"}
    client.get(url)
    with django_assert_num_queries(PROGRAMME_PAGE_QUERIES):
        client.get(url)
    for number in range(10):
        builders.event(calendar, f"Popravljalnica {number}", start=builders.at(1), programme=cafe)
    client.get(url)
    with django_assert_num_queries(PROGRAMME_PAGE_QUERIES):
        client.get(url)


def test_a_space_links_to_its_events_in_the_calendar(client, golnik):
    calendar = builders.calendar(golnik)
    room = builders.space(golnik, "Dom krajanov")
    builders.event(calendar, "V domu", start=builders.at(2), space=room)
    builders.event(calendar, "Drugje", start=builders.at(2))
    page = soup(client.get(room.url))
    link = page.select_one('section[aria-labelledby="events-heading"] .section__more a')["href"]
    assert link == f"/golnik/dogodki/?space={room.pk}"
    assert titles(client.get(link)) == ["V domu"]


# --- A phone's first screen, the months a grid has, the word filter (issue 18) ----------


def months_after(day, count):
    index = day.year * 12 + day.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def test_the_filters_fold_behind_a_summary_that_counts_those_in_use(client, varied):
    plain = soup(client.get("/dogodki/"))
    disclosure = plain.select_one("details.filters-disclosure")
    assert disclosure.summary.get_text(strip=True) == "Filtri"
    assert not disclosure.has_attr("open")
    assert disclosure.select_one("form.filters #filter-q") is not None

    filtered = soup(client.get("/dogodki/", {"q": "popravljalnica", "free": "on", "theme": ""}))
    assert filtered.select_one(".filters-disclosure summary").get_text(strip=True) == "Filtri (2)"

    # A filter to correct: the form is open, so its message shows.
    wrong = client.get("/dogodki/", {"from": "2026-13-01", "free": "on"})
    assert wrong.status_code == 400
    disclosure = soup(wrong).select_one("details.filters-disclosure")
    assert disclosure.has_attr("open")
    assert disclosure.summary.get_text(strip=True) == "Filtri (1)"
    assert disclosure.select_one(".notice--error") is not None


def test_the_month_heading_is_in_lower_case_as_slovenian_writes_it(client, calendar):
    day = today()
    page = soup(client.get(month_url("/golnik/dogodki/", day)))
    name = f"{MONTH_NAMES[day.month - 1]} {day.year}"
    assert page.select_one("h1").get_text(strip=True) == name
    assert page.title.get_text(strip=True).startswith(f"{name} · ")
    assert page.select_one(".calendar-grid caption").get_text(strip=True) == name


def test_the_month_grid_runs_from_the_first_event_to_two_years_ahead(client, calendar):
    first = builders.event(calendar, "Prva delavnica", start=builders.at(-100)).start
    first_month = timezone.localtime(first).date().replace(day=1)
    last_month = months_after(today(), 24)

    start = soup(client.get(month_url("/golnik/dogodki/", first_month)))
    assert start.select_one("a[rel=prev]") is None
    assert start.select_one("a[rel=next]") is not None
    end = soup(client.get(month_url("/golnik/dogodki/", last_month)))
    assert end.select_one("a[rel=next]") is None
    assert end.select_one("a[rel=prev]") is not None

    for beyond in (months_after(first_month, -1), months_after(last_month, 1)):
        response = client.get(month_url("/golnik/dogodki/", beyond))
        assert response.status_code == 404, beyond
        assert "Stran ne obstaja" in response.content.decode()


def test_without_earlier_events_the_grid_starts_this_month(client, calendar):
    builders.event(calendar, "Jutrišnja delavnica", start=builders.at(1))
    this_month = soup(client.get(month_url("/golnik/dogodki/", today())))
    assert this_month.select_one("a[rel=prev]") is None
    last_month = months_after(today(), -1)
    assert client.get(month_url("/golnik/dogodki/", last_month)).status_code == 404


def robots(response):
    meta = soup(response).select_one('meta[name="robots"]')
    return meta["content"] if meta else None


def test_grids_and_filtered_lists_ask_search_engines_not_to_index_them(client, calendar):
    builders.event(calendar, "Popravljalnica", start=builders.at(1))
    assert robots(client.get("/golnik/dogodki/")) is None
    assert robots(client.get("/golnik/dogodki/preteklo/")) is None
    assert robots(client.get("/golnik/dogodki/", {"page": "1"})) is None
    assert robots(client.get(month_url("/golnik/dogodki/", today()))) == "noindex, follow"
    for query in ({"q": "vrt"}, {"free": "on"}, {"when": "week"}):
        assert robots(client.get("/golnik/dogodki/", query)) == "noindex, follow", query
        assert robots(client.get("/golnik/dogodki/preteklo/", query)) == "noindex, follow"


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("vrt", "Urejanje skupnostnega vrta"),
        ("VRTA", "Urejanje skupnostnega vrta"),
        ("skupnostn", "Urejanje skupnostnega vrta"),
        ("popravljalnic", "Popravljalnica koles"),
        ("Popravljalnica", "Popravljalnica koles"),
        ("ciscenje", "Čiščenje potoka"),
        ("čiščenje pot", "Čiščenje potoka"),
        ("straziscu", "Delavnica v Stražišču"),
    ],
)
def test_the_word_filter_finds_beginnings_of_words_and_words_without_accents(
    client, varied, query, found
):
    builders.event(
        builders.calendar(builders.community("Zlato polje")),
        "Urejanje skupnostnega vrta",
        start=builders.at(5),
    )
    listed = titles(client.get("/dogodki/", {"q": query}))
    assert found in listed, query
    assert len(listed) == 1, listed
    # Site search finds what the calendar's filter finds.
    search = soup(client.get("/iskanje/", {"q": query}))
    assert found in [a.get_text(strip=True) for a in search.select(".search-result__title a")]
