"""A resident reads a community space's page: today's status, the next two weeks, rooms,
equipment, accessibility, who runs it, the map, and its schema.org `Place`."""

import datetime
import json
import re

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from portal.spaces.models import GalleryImage, Room, SpacePage
from portal.stakeholders.models import Stakeholder
from tests import builders
from tests.builders import at

pytestmark = pytest.mark.django_db

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


@pytest.fixture
def ks():
    return builders.community("Golnik")


@pytest.fixture
def space(ks):
    """A space open on Mondays and Wednesdays, with everything a page shows filled in."""
    owner = Stakeholder.objects.create(name="Mestna občina Kranj", sector="public")
    manager = Stakeholder.objects.create(name="Svet KS Golnik", sector="public", community=ks)
    rules = Document.objects.create(
        title="Hišni red", file=ContentFile(b"Red", name="hisni-red.pdf")
    )
    photo = Image.objects.create(
        title="Velika soba", file=get_test_image_file(), description="Soba z mizami."
    )
    space = builders.space_with_hours(
        ks,
        "Skupnostni prostor",
        weekly=[(MON, "09:00", "12:00"), (MON, "17:00", "20:00"), (WED, "17:00", "21:00")],
        exceptions=[(datetime.date(2026, 12, 2), "closed", "Zaprto zaradi beljenja.")],
        intro="Velika soba v pritličju.",
        latitude="46.335310",
        longitude="14.332960",
        equipment="projector,wifi,kitchen",
        equipment_notes="Ključ dobite v uradnih urah.",
        step_free_entrance="yes",
        lift="no",
        owned_by=owner,
        managed_by=manager,
        contact_name="Ana Novak",
        contact_email="ks.golnik@example.org",
        house_rules=rules,
    )
    space.rooms = [
        Room(name="Velika soba", area=80, seated_capacity=40, standing_capacity=60),
        Room(name="Sejna soba", area=20, seated_capacity=12),
    ]
    space.gallery_images = [GalleryImage(image=photo, caption="Pogled z vhoda")]
    space.save_revision().publish()
    return SpacePage.objects.get(pk=space.pk)


def html_at(client, clock, space, moment, path=""):
    clock.set(moment)
    response = client.get(space.url + path)
    assert response.status_code == 200
    return response, response.content.decode()


def status_line(html):
    found = re.search(r'<p class="space-status[^"]*">(.*?)</p>', html, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", found.group(1))).strip()


@pytest.mark.parametrize(
    ("moment", "status"),
    [
        (at(datetime.date(2026, 11, 30), 10), "Odprto do 12.00"),
        (at(datetime.date(2026, 11, 30), 13), "Odpre se ob 17.00"),
        (
            at(datetime.date(2026, 11, 30), 21),
            "Danes je že zaprto Znova odprto: ponedeljek, 7. 12., ob 9.00.",
        ),
        (
            at(datetime.date(2026, 12, 1), 9),
            "Danes zaprto Znova odprto: ponedeljek, 7. 12., ob 9.00.",
        ),
    ],
)
def test_the_page_says_whether_it_is_open_now(client, clock, space, moment, status):
    _response, html = html_at(client, clock, space, moment)
    assert status_line(html).startswith(status)


def test_a_closed_date_says_why(client, clock, space):
    _response, html = html_at(client, clock, space, at(datetime.date(2026, 12, 2), 18))
    assert status_line(html) == (
        "Danes zaprto: zaradi beljenja Znova odprto: ponedeljek, 7. 12., ob 9.00."
    )


def test_the_next_two_weeks_with_their_hours_and_holidays(client, clock, space):
    _response, html = html_at(client, clock, space, at(datetime.date(2026, 12, 21), 8))
    table = html[html.index('id="hours-heading"') :]
    rows = re.findall(r"<tr[^>]*>\s*<th scope=\"row\">(.*?)</th>\s*<td>(.*?)</td>", table, re.S)
    rows = [
        tuple(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", cell)).strip() for cell in row)
        for row in rows
    ]
    assert len(rows) == 14
    assert rows[0] == ("ponedeljek, 21. 12. danes", "9.00–12.00, 17.00–20.00")
    assert rows[2] == ("sreda, 23. 12.", "17.00–21.00")
    assert rows[4] == ("petek, 25. 12.", "Zaprto: božič")
    assert rows[7] == ("ponedeljek, 28. 12.", "9.00–12.00, 17.00–20.00")


def test_rooms_equipment_accessibility_and_who_runs_it(client, clock, space):
    _response, html = html_at(client, clock, space, at(datetime.date(2026, 11, 30), 10))
    for text in (
        "Velika soba",
        "80 m²",
        "Sejna soba",
        "Projektor",
        "Brezžični internet",
        "Kuhinja",
        "Ključ dobite v uradnih urah.",
        "Mestna občina Kranj",
        "Svet KS Golnik",
        "Ana Novak",
        "Pogled z vhoda",
        "40 sedečih oseb",
    ):
        assert text in html, text
    access = dict(
        re.findall(r"<dt>([^<]+)</dt><dd class=\"access access--\w+\">([^<]+)</dd>", html)
    )
    assert access == {
        "Vhod brez stopnic": "Da",
        "Prilagojeno stranišče": "Ni znano",
        "Dvigalo": "Ne",
        "Indukcijska zanka": "Ni znano",
        "Parkirišče za invalide": "Ni znano",
    }
    assert 'href="/dokumenti/' in html
    assert "https://www.openstreetmap.org/?mlat=46.335310&amp;mlon=14.332960" in html


def test_without_coordinates_the_map_link_searches_the_address(client, ks):
    space = builders.space(ks, "Vrt", address="Golnik 40, 4204 Golnik")
    html = client.get(space.url).content.decode()
    assert "https://www.openstreetmap.org/search?query=Golnik%2040%2C%204204%20Golnik" in html


def structured_data(html):
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


def test_the_page_describes_the_place_for_search_engines(client, clock, space):
    _response, html = html_at(client, clock, space, at(datetime.date(2026, 11, 30), 10))
    data = structured_data(html)
    assert data["@type"] == ["CivicStructure", "EventVenue"]
    assert data["name"] == "Skupnostni prostor"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Golnik 40",
        "postalCode": "4204",
        "addressLocality": "Golnik",
        "addressCountry": "SI",
    }
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 46.33531, "longitude": 14.33296}
    assert data["maximumAttendeeCapacity"] == 60
    amenities = {item["name"]: item["value"] for item in data["amenityFeature"]}
    assert amenities["projektor"] is True
    assert amenities["Step-free entrance"] is True
    assert amenities["Lift"] is False
    assert "Induction loop" not in amenities  # not known: not claimed either way
    weekly = [
        (row["dayOfWeek"], row["opens"], row["closes"]) for row in data["openingHoursSpecification"]
    ]
    assert weekly == [
        ("https://schema.org/Monday", "09:00", "12:00"),
        ("https://schema.org/Monday", "17:00", "20:00"),
        ("https://schema.org/Wednesday", "17:00", "21:00"),
    ]
    closed = data["specialOpeningHoursSpecification"][0]
    assert (closed["validFrom"], closed["opens"], closed["closes"]) == (
        "2026-12-02",
        "00:00",
        "00:00",
    )
    assert data["photo"][0]["contentUrl"].startswith("http://testserver/")


def test_structured_data_cannot_end_its_script(client, ks):
    space = builders.space(ks, "</script><script>alert(1)</script>")
    html = client.get(space.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert structured_data(html)["name"] == "</script><script>alert(1)</script>"


# The page and its weekly hours, dates with other hours, events (+ the space's rows);
# after a publish also what a process looks up once a content version.
KEPT = 4
AFTER_A_PUBLISH = 23


def test_a_full_page_is_read_in_a_fixed_number_of_queries(
    client, clock, space, django_assert_num_queries
):
    """The page, its rooms, weekly hours, photos with their images and renditions, owner,
    manager, house rules, dates with other hours, programmes and events: as many with
    more rooms and photos. What follows from the content alone is read after a publish
    (with what a process looks up once a content version), then kept until the next."""
    clock.set(at(datetime.date(2026, 11, 30), 10))
    client.get(space.url)
    space.save_revision().publish()
    with django_assert_num_queries(AFTER_A_PUBLISH):
        client.get(space.url)
    with django_assert_num_queries(KEPT):
        client.get(space.url)
    for number in range(3):
        photo = Image.objects.create(
            title=f"Slika {number}", file=get_test_image_file(), description="Soba."
        )
        space.gallery_images.add(GalleryImage(image=photo))
        space.rooms.add(Room(name=f"Soba {number}", seated_capacity=10))
    space.save_revision().publish()
    client.get(space.url)  # makes the new photos' renditions, once
    space.save_revision().publish()
    with django_assert_num_queries(AFTER_A_PUBLISH):
        assert "Soba 2" in client.get(space.url).content.decode()
    with django_assert_num_queries(KEPT):
        assert "Soba 2" in client.get(space.url).content.decode()


def test_the_page_may_be_cached_only_until_its_status_changes(client, clock, space):
    response, _html = html_at(client, clock, space, at(datetime.date(2026, 11, 30), 11, 45))
    assert "max-age=900" in response["Cache-Control"]  # open until 12.00
    response, _html = html_at(client, clock, space, at(datetime.date(2026, 11, 30), 22))
    assert "max-age=7200" in response["Cache-Control"]  # the next two weeks move at midnight


def test_the_page_cache_keeps_a_space_page_no_longer_than_its_status(
    client, clock, space, monkeypatch
):
    import time

    real_time = time.time()
    clock.set(at(datetime.date(2026, 11, 30), 11, 59))
    with override_settings(PAGE_CACHE_SECONDS=300):
        first = client.get(space.url)
        assert first["X-Cache"] == "MISS"
        assert client.get(space.url)["X-Cache"] == "HIT"
        # A minute on, the status "open until 12.00" is over: not served from the cache.
        monkeypatch.setattr("portal.base.caching.time.time", lambda: real_time + 61)
        from django.core.cache import caches

        caches["local"].clear()  # another worker, which has only the shared cache
        clock.set(at(datetime.date(2026, 11, 30), 12, 1))
        again = client.get(space.url)
        assert again["X-Cache"] == "MISS"
        assert "Odpre se ob 17.00" in again.content.decode()


def test_a_space_saved_before_rooms_existed_keeps_its_capacity_as_a_room(ks):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("portal.spaces.migrations.0003_rooms_from_capacity")
    old = builders.space(ks, "Stara dvorana")
    SpacePage.objects.filter(pk=old.pk).update(capacity=45)
    without = builders.space(ks, "Vrt")
    migration.rooms_from_capacity(apps, None)
    migration.rooms_from_capacity(apps, None)  # a second run adds nothing
    assert [(r.name, r.seated_capacity) for r in Room.objects.filter(page=old)] == [
        ("Glavni prostor", 45)
    ]
    assert not Room.objects.filter(page=without).exists()


def test_the_demo_space_says_rooms_and_accessibility_once(client, ks):
    """The demo's text of a space leaves rooms, equipment and accessibility to their own
    sections, so their headings are not said twice."""
    from portal.demo.content import GOLNIK

    (spec, *_rest) = GOLNIK.spaces
    space = builders.space(
        ks,
        spec.title,
        body=spec.body,
        equipment="projector",
        step_free_entrance="yes",
        accessibility_notes="Prostor je v pritličju.",
    )
    space.rooms = [Room(name="Velika soba", seated_capacity=40)]
    space.save_revision().publish()
    html = client.get(space.url).content.decode()
    headings = [
        re.sub(r"<[^>]+>", "", heading).strip()
        for heading in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", html, re.S)
    ]
    assert headings.count("Prostori in oprema") == 1
    assert headings.count("Dostopnost") == 1


def test_links_side_by_side_are_items_of_a_list(client, clock, space, calendar_of_space):
    """ "All events in this space" and "When the space is free" are two links: each is an
    item of its own, not two links run together in one line of text."""
    _response, html = html_at(client, clock, space, at(datetime.date(2026, 11, 30), 10))
    events = html[html.index('id="events-heading"') :]
    more = re.search(r'<ul class="more-links__list section__more">(.*?)</ul>', events, re.S)
    items = re.findall(r"<li>(.*?)</li>", more.group(1), re.S)
    texts = [re.sub(r"<[^>]+>", "", item).strip() for item in items]
    assert texts == ["Vsi dogodki v tem prostoru", "Kdaj je prostor prost"]
    assert not re.search(r"</a>\s*<a", events)


@pytest.fixture
def calendar_of_space(ks, space):
    """Golnik's calendar with an event in the space, so the page links to its events."""
    calendar = builders.calendar(ks)
    builders.event(calendar, "Delavnica", start=at(datetime.date(2026, 12, 3), 17), space=space)
    return calendar
