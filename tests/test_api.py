"""The headless API as a client uses it: what it lists, how it filters and pages, what it
keeps private, and how it says that a request is wrong."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from portal.stakeholders.models import Stakeholder
from programmes.models import Theme
from tests import builders
from tests.programme_helpers import programme

pytestmark = pytest.mark.django_db


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, params, response.content[:500])
    assert response["Content-Type"] == "application/json"
    return response.json()


def titles(data):
    return [item["title"] for item in data["items"]]


def detail_status(client, endpoint, pk):
    return client.get(f"/api/v2/{endpoint}/{pk}/").status_code


# --- What a client can list ---------------------------------------------------------------


def test_communities_list_the_ks_with_their_section_and_counts(
    client, golnik_section, strazisce_section
):
    programme("Popravljalnica", "repair_cafe", community=golnik_section)
    data = get(client, "/api/v2/communities/")
    assert data["meta"]["total_count"] == 2
    first = data["items"][0]
    assert first["title"] == "Golnik"
    assert first["meta"]["html_url"] == "http://testserver/golnik/"
    assert first["links"]["section"] == "http://testserver/golnik/"
    assert first["links"]["calendar"] == "http://testserver/golnik/dogodki/"
    assert first["links"]["calendar_feed"] == "http://testserver/koledar/ks/golnik.ics"
    assert first["counts"] == {"spaces": 1, "programmes": 1, "upcoming_events": 1, "news": 1}
    assert "body" not in first  # long texts are in the detail
    detail = get(client, first["meta"]["detail_url"])
    assert detail["counts"]["programmes"] == 1
    assert "body" in detail


def test_spaces_say_where_they_are_and_whose_they_are(client, golnik_section, strazisce_section):
    builders.space(golnik_section, "Dvorana", address="Golnik 1, 4204 Golnik", capacity=40)
    data = get(client, "/api/v2/spaces/", community="golnik")
    assert titles(data) == ["Skupnostni prostor Golnik", "Dvorana"]
    hall = data["items"][1]
    assert hall["address"] == "Golnik 1, 4204 Golnik"
    assert hall["capacity"] == 40
    assert hall["community"]["slug"] == "golnik"
    assert hall["meta"]["html_url"] == "http://testserver/golnik/dvorana/"


def test_programmes_carry_their_type_and_the_types_own_fields(
    client, golnik_section, strazisce_section
):
    cafe = programme(
        "Popravljalnica",
        "repair_cafe",
        community=golnik_section,
        details={"repair_categories": ["bicycles"], "volunteers_needed": True},
    )
    # A plugin that exposes only some of its fields (its `api_fields`).
    programme("Kolesarnica", "bike_kitchen", community=golnik_section, details={"stands": 3})
    data = get(client, "/api/v2/programmes/")
    by_title = {item["title"]: item for item in data["items"]}
    repair = by_title["Popravljalnica"]
    assert repair["programme_type"] == {"key": "repair_cafe", "label": "popravljalnica"}
    assert repair["details"]["repair_categories"] == ["bicycles"]
    assert repair["details"]["volunteers_needed"] is True
    assert repair["meta"]["html_url"] == "http://testserver/golnik/programi/popravljalnica/"
    assert set(by_title["Kolesarnica"]["details"]) == {"stands", "parts"}
    only_cafes = get(client, "/api/v2/programmes/", type="repair_cafe")
    assert titles(only_cafes) == ["Popravljalnica"]
    assert get(client, f"/api/v2/programmes/{cafe.pk}/")["description"] == ""


def test_stakeholders_of_a_ks_and_of_the_whole_municipality(
    client, golnik_section, strazisce_section
):
    Stakeholder.objects.create(name="Društvo Golnik", sector="ngo", community=golnik_section)
    Stakeholder.objects.create(name="Ljudska univerza Kranj", sector="public")
    data = get(client, "/api/v2/stakeholders/")
    assert titles_of(data, "name") == ["Društvo Golnik", "Ljudska univerza Kranj"]
    assert data["items"][0]["sector"] == {"key": "ngo", "label": "nevladna organizacija"}
    ngos = get(client, "/api/v2/stakeholders/", sector="ngo", community="golnik")
    assert titles_of(ngos, "name") == ["Društvo Golnik"]


def titles_of(data, key):
    return [item[key] for item in data["items"]]


def test_news_newest_first_and_by_ks(client, golnik_section, strazisce_section):
    index = golnik_section.get_children().type(builders.NewsIndexPage).first().specific
    builders.news(index, "Starejša", date=datetime.date(2020, 1, 1))
    data = get(client, "/api/v2/news/", community="golnik")
    assert titles(data) == ["Novice iz KS Golnik", "Starejša"]
    assert data["items"][0]["community"]["title"] == "Golnik"


def test_pages_list_the_public_tree_and_give_each_pages_fields(
    client, golnik_section, strazisce_section
):
    data = get(client, "/api/v2/pages/", type="spaces.SpacePage")
    assert titles(data) == ["Skupnostni prostor Golnik", "Skupnostni prostor Stražišče"]
    detail = get(client, data["items"][0]["meta"]["detail_url"])
    assert detail["address"] == "Golnik 40, 4204 Golnik"
    children = get(client, "/api/v2/pages/", child_of=golnik_section.pk)
    assert "Dogodki" in titles(children)


# --- Only live, public content --------------------------------------------------------------


def test_a_draft_page_is_neither_listed_nor_served(client, golnik_section, strazisce_section):
    index = golnik_section.get_children().type(builders.NewsIndexPage).first().specific
    draft = builders.news(index, "Osnutek novice")
    draft.unpublish()
    assert "Osnutek novice" not in titles(get(client, "/api/v2/news/"))
    assert "Osnutek novice" not in titles(get(client, "/api/v2/pages/", limit=100))
    assert detail_status(client, "news", draft.pk) == 404
    assert detail_status(client, "pages", draft.pk) == 404


def test_a_private_page_and_what_is_under_it_are_left_out(
    client, golnik_section, strazisce_section
):
    secret = builders.space(golnik_section, "Sejna soba")
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    sections_calendar = (
        golnik_section.get_children().type(builders.EventCalendarPage).first().specific
    )
    council = builders.event(sections_calendar, "Seja sveta KS")
    PageViewRestriction.objects.create(page=council, restriction_type="login")
    assert "Sejna soba" not in titles(get(client, "/api/v2/spaces/"))
    assert "Seja sveta KS" not in titles(get(client, "/api/v2/events/"))
    assert "Sejna soba" not in titles(get(client, "/api/v2/pages/", limit=100))
    assert detail_status(client, "spaces", secret.pk) == 404
    assert detail_status(client, "pages", council.pk) == 404


def test_a_logged_in_editor_gets_the_same_public_answer(
    admin_client, golnik_section, strazisce_section
):
    secret = builders.space(golnik_section, "Sejna soba")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    assert "Sejna soba" not in titles(get(admin_client, "/api/v2/spaces/"))
    assert admin_client.get(f"/api/v2/spaces/{secret.pk}/").status_code == 404


def test_a_draft_programme_is_neither_listed_nor_served(client, golnik_section, strazisce_section):
    draft = programme("Skrivni program", "workshop", community=golnik_section, publish=False)
    assert "Skrivni program" not in titles(get(client, "/api/v2/programmes/"))
    assert detail_status(client, "programmes", draft.pk) == 404


def test_a_programme_of_a_type_turned_off_is_hidden(
    client, golnik_section, strazisce_section, settings
):
    cafe = programme("Popravljalnica", "repair_cafe", community=golnik_section)
    settings.PROGRAMME_PLUGINS = ["workshop"]
    assert titles(get(client, "/api/v2/programmes/")) == []
    assert detail_status(client, "programmes", cafe.pk) == 404


# --- Event dates -------------------------------------------------------------------------


@pytest.fixture
def sections_calendar(golnik_section, strazisce_section):
    """Golnik's calendar, with Stražišče's section beside it."""
    return golnik_section.get_children().type(builders.EventCalendarPage).first().specific


def test_a_repeating_event_is_listed_date_by_date(client, sections_calendar):
    builders.event(sections_calendar, "Tedenski klepet", start=builders.at(1), frequency="WEEKLY")
    data = get(client, "/api/v2/events/", community="golnik", search="klepet", limit=3)
    assert titles(data) == ["Tedenski klepet"] * 3
    starts = [datetime.datetime.fromisoformat(item["start"]) for item in data["items"]]
    assert starts[1] - starts[0] == datetime.timedelta(days=7)
    assert data["items"][0]["start"].endswith(("+01:00", "+02:00"))  # Kranj's offset
    assert data["meta"]["total_count"] > 50  # two years of weeks


def test_an_event_date_says_where_when_and_whose(
    client, sections_calendar, golnik_section, strazisce_section
):
    cafe = programme("Popravljalnica", "repair_cafe", community=golnik_section)
    builders.event(
        sections_calendar,
        "Popravljalnica v oktobru",
        start=builders.at(3),
        programme=cafe,
        is_free=False,
        price="2 EUR",
    )
    item = get(client, "/api/v2/events/", search="oktobru")["items"][0]
    assert item["url"] == "http://testserver/golnik/dogodki/popravljalnica-v-oktobru/"
    assert item["status"] == {"key": "scheduled", "label": "napovedano"}
    assert item["location"] == {"space": None, "address": "Gasilski dom, Golnik"}
    assert item["programme"]["title"] == "Popravljalnica"
    assert item["community"]["slug"] == "golnik"
    assert item["is_free"] is False
    assert item["event"]["detail_url"].startswith("http://testserver/api/v2/pages/")


def test_event_filters_narrow_the_dates(client, sections_calendar):
    energy = Theme.objects.get(key="energy")
    solar = builders.event(sections_calendar, "Sončne elektrarne", start=builders.at(10))
    solar.themes.set([energy])
    solar.save_revision().publish()
    builders.event(
        sections_calendar, "Plačljiv tečaj", start=builders.at(12), is_free=False, price="5 EUR"
    )
    builders.event(sections_calendar, "Daleč v prihodnosti", start=builders.at(60))
    assert titles(get(client, "/api/v2/events/", theme="energy")) == ["Sončne elektrarne"]
    assert "Plačljiv tečaj" not in titles(get(client, "/api/v2/events/", free="true"))
    in_span = get(
        client,
        "/api/v2/events/",
        start=str(builders.today() + datetime.timedelta(days=9)),
        end=str(builders.today() + datetime.timedelta(days=12)),
    )
    assert titles(in_span) == ["Sončne elektrarne", "Plačljiv tečaj"]
    latest_first = get(client, "/api/v2/events/", community="golnik", order="-start")
    assert titles(latest_first)[0] == "Daleč v prihodnosti"
    assert titles(get(client, "/api/v2/events/", community="strazisce")) == [
        "Delavnica v KS Stražišče"
    ]


def test_events_that_are_over_are_left_out_unless_asked_for(client, sections_calendar):
    builders.event(sections_calendar, "Lanski sejem", start=builders.at(-300))
    assert "Lanski sejem" not in titles(get(client, "/api/v2/events/"))
    last_year = str(builders.today() - datetime.timedelta(days=301))
    assert "Lanski sejem" in titles(get(client, "/api/v2/events/", start=last_year))


def test_a_cancelled_date_of_a_repeating_event_says_so(client, sections_calendar):
    from portal.events.models import DateChange

    start = builders.at(2)
    weekly = builders.event(sections_calendar, "Tedenska vadba", start=start, frequency="WEEKLY")
    weekly.date_changes.add(
        DateChange(original_date=(start + datetime.timedelta(days=7)).date(), cancelled=True)
    )
    weekly.save_revision().publish()
    items = get(client, "/api/v2/events/", search="vadba", limit=2)["items"]
    assert [item["status"]["key"] for item in items] == ["scheduled", "cancelled"]


# --- Pages of a list, and requests the API cannot use ----------------------------------------


def test_limit_and_offset_page_through_a_list(client, sections_calendar):
    for day in range(1, 6):
        builders.event(sections_calendar, f"Dan {day}", start=builders.at(day, hour=9))
    first = get(client, "/api/v2/events/", community="golnik", limit=2)
    second = get(client, "/api/v2/events/", community="golnik", limit=2, offset=2)
    assert first["meta"]["total_count"] == second["meta"]["total_count"] == 6
    assert titles(first) == ["Dan 1", "Dan 2"]
    assert titles(second) == ["Dan 3", "Dan 4"]
    assert get(client, "/api/v2/events/", offset=1000)["items"] == []


@pytest.mark.parametrize(
    ("url", "params", "parameter"),
    [
        ("/api/v2/events/", {"colour": "red"}, "colour"),
        ("/api/v2/events/", {"start": "26. 13. 2026"}, "start"),
        ("/api/v2/events/", {"end": "jutri"}, "end"),
        ("/api/v2/events/", {"limit": "ten"}, "limit"),
        ("/api/v2/events/", {"limit": "101"}, "limit"),
        ("/api/v2/events/", {"offset": "-1"}, "offset"),
        ("/api/v2/events/", {"community": "atlantida"}, "community"),
        ("/api/v2/events/", {"free": "maybe"}, "free"),
        ("/api/v2/events/", {"order": "title"}, "order"),
        ("/api/v2/spaces/", {"community": "atlantida"}, "community"),
        # An unknown type lists nothing (tests/test_programme_types_switch.py); no type
        # has a key this long.
        ("/api/v2/programmes/", {"type": "x" * 51}, "type"),
        ("/api/v2/pages/", {"fields": "*"}, "fields"),
        ("/api/v2/news/", {"search": "x"}, "search"),
    ],
)
def test_a_parameter_the_api_cannot_use_gets_a_400_naming_it(
    client, golnik_section, strazisce_section, url, params, parameter
):
    response = client.get(url, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["parameter"] == parameter
    assert data["message"]


def test_error_messages_are_in_slovenian(client, golnik_section, strazisce_section):
    message = client.get("/api/v2/events/", {"start": "včeraj"}).json()["message"]
    assert "ni datum" in message
    unknown = client.get("/api/v2/events/", {"barva": "rdeča"}).json()["message"]
    assert "Neznan parameter" in unknown


def test_an_unknown_address_under_the_api_is_a_json_404(client, golnik_section, strazisce_section):
    for url in ("/api/v2/nothing/", "/api/v2/events/5/", "/api/v2/news/999999999/"):
        response = client.get(url)
        assert response.status_code == 404
        assert "message" in response.json()


def test_the_api_only_reads(client, golnik_section, strazisce_section):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)("/api/v2/events/")
        assert response.status_code == 405
        assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_spaces_say_what_they_offer_and_when_they_are_open(client):
    """Rooms, equipment, accessibility and opening hours, as the space page shows them."""
    from portal.spaces.models import Room, WeeklyHours

    golnik_section = builders.community("Golnik")
    space = builders.space(golnik_section, "Skupnostni prostor")
    space.rooms.add(Room(name="Dvorana", area=60, seated_capacity=40, standing_capacity=60))
    space.weekly_hours.add(WeeklyHours(weekday=0, opens=datetime.time(17), closes=datetime.time(0)))
    space.equipment = "projector,wifi"
    space.step_free_entrance = "yes"
    space.save_revision().publish()
    item = client.get("/api/v2/spaces/").json()["items"][0]
    assert item["rooms"] == [
        {"name": "Dvorana", "area": 60.0, "seated_capacity": 40, "standing_capacity": 60}
    ]
    assert [e["key"] for e in item["equipment"]] == ["projector", "wifi"]
    assert {"key": "step_free_entrance", "label": "vhod brez stopnic", "value": "yes"} in (
        item["accessibility"]
    )
    hours = item["opening_hours"]
    assert hours["weekly"] == [{"weekday": 1, "opens": "17:00", "closes": "24:00"}]
    assert len(hours["next_days"]) == 14
    mondays = [
        d for d in hours["next_days"] if datetime.date.fromisoformat(d["date"]).weekday() == 0
    ]
    assert all(
        d["open"] == [{"opens": "17:00", "closes": "24:00"}] for d in mondays if not d["holiday"]
    )
