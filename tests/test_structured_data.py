"""Structured data complete enough for rich results, read from the demo portal over HTTP
as a search engine reads it (extruct) and checked against the schema.org vocabulary
(`tests.schemaorg`): news articles, events, spaces, KS and the breadcrumbs of every page."""

import datetime
from urllib.parse import urlsplit

import pytest
from wagtail.models import Page

from portal.communities.models import CommunityPage
from portal.events.models import DateChange, EventPage
from portal.news.models import NewsPage
from portal.spaces.models import GalleryImage, SpacePage
from tests import builders
from tests.schemaorg import of_type, problems, structured_data, types_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_database, db):
    """The demo portal; what a test changes is undone after it."""


def read(client, page):
    """The JSON-LD items of a page, each checked against the vocabulary."""
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    items = structured_data(response.content.decode(), f"http://testserver{page.url}")
    for item in items:
        assert problems(item) == [], (page.url, item)
    return items


def absolute(url):
    return url.startswith(("http://", "https://"))


def at(url, path):
    """`url` is absolute and leads to `path` (whatever origin the portal gives its links)."""
    return absolute(url) and urlsplit(url).path == path


def one(items, name):
    (found,) = of_type(items, name)
    return found


def assert_structured_address(address, where):
    assert address["@type"] == "PostalAddress", where
    for name in ("streetAddress", "postalCode", "addressLocality"):
        assert address.get(name), (where, name, address)
    assert address["postalCode"].isdigit() and len(address["postalCode"]) == 4, where
    assert address["postalCode"] not in address["streetAddress"], where
    assert address["addressCountry"] == "SI", where


# --- The validator ----------------------------------------------------------------------


def test_the_validator_finds_what_the_vocabulary_does_not_have():
    assert problems({"@context": "https://schema.org", "@type": "Event", "name": "Sejem"}) == []
    wrong = problems(
        {
            "@context": "https://schema.org",
            "@type": "Place",
            "headline": "Ni lastnost prostora",
            "colour": "modra",
            "address": {"@type": "PostalAdress", "streetAddress": "Golnik 40"},
            "publicAccess": "https://schema.org/Sometimes",
        }
    )
    assert any("headline is not a property of Place" in text for text in wrong)
    assert any("unknown property https://schema.org/colour" in text for text in wrong)
    assert any("unknown type https://schema.org/PostalAdress" in text for text in wrong)
    assert any("https://schema.org/Sometimes is not in the vocabulary" in text for text in wrong)


def test_a_property_of_a_supertype_is_allowed():
    # `name` belongs to Thing, `address` to Place: both fit an EventVenue.
    venue = {
        "@context": "https://schema.org",
        "@type": ["CivicStructure", "EventVenue"],
        "name": "Dvorana",
        "address": {"@type": "PostalAddress", "postalCode": "4000"},
    }
    assert problems(venue) == []


# --- Every page -------------------------------------------------------------------------


def test_every_public_page_has_its_breadcrumbs(client, demo):
    pages = Page.objects.live().public().filter(depth__gte=2).specific()
    assert len(pages) > 40
    for page in pages:
        trail = one(read(client, page), "BreadcrumbList")
        items = trail["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        assert len(items) == page.depth - 1, page.url
        assert items[0]["name"] == "Domov"
        assert at(items[0]["item"], "/")
        assert at(items[-1]["item"], page.url)
        if page.depth > 2:
            assert items[-1]["name"] == page.title


def test_a_routed_view_adds_its_own_crumb(client, demo):
    golnik = CommunityPage.objects.get(slug="golnik")
    calendar = builders.EventCalendarPage.objects.child_of(golnik).get()
    response = client.get(f"{calendar.url}preteklo/")
    assert response.status_code == 200
    items = structured_data(response.content.decode(), "http://testserver/")
    for item in items:
        assert problems(item) == []
    trail = one(items, "BreadcrumbList")
    names = [item["name"] for item in trail["itemListElement"]]
    assert names == ["Domov", golnik.title, calendar.title, "Pretekli dogodki"]
    assert at(trail["itemListElement"][-1]["item"], f"{calendar.url}preteklo/")


# --- News -------------------------------------------------------------------------------


def test_every_news_item_is_a_news_article(client, demo):
    news = NewsPage.objects.live().specific()
    assert news.count() >= 6
    for item in news:
        article = one(read(client, item), "NewsArticle")
        assert article["headline"] == item.title
        assert article["datePublished"] == item.date.isoformat()
        published = datetime.date.fromisoformat(article["dateModified"][:10])
        assert published >= item.date
        assert article["inLanguage"] == "sl"
        assert article["url"] == article["mainEntityOfPage"]
        assert at(article["url"], item.url)
        assert article["image"] and all(map(absolute, article["image"]))
        community = item.community
        expected = community.title if community else "Mestna občina Kranj"
        for role in ("author", "publisher"):
            assert types_of(article[role]) == ["GovernmentOrganization"], item.url
            assert article[role]["name"] == expected
            assert at(article[role]["url"], community.url if community else "/")


def test_a_news_item_without_an_image_of_its_own_shows_the_first_of_its_body(client, demo):
    item = next(
        page
        for page in NewsPage.objects.live().specific()
        if page.image is None and any(block.block_type == "image" for block in page.body)
    )
    article = one(read(client, item), "NewsArticle")
    assert "/media/images/" in article["image"][0]


# --- KS ---------------------------------------------------------------------------------


def test_a_ks_page_says_who_the_ks_is_and_how_to_reach_it(client, demo):
    for ks in CommunityPage.objects.live():
        organisation = one(read(client, ks), "GovernmentOrganization")
        assert organisation["name"] == ks.title
        assert at(organisation["url"], ks.url)
        assert_structured_address(organisation["address"], ks.url)
        assert organisation["email"] == ks.email
        assert organisation["telephone"] == ks.phone
        office = organisation["contactPoint"]
        assert office["@type"] == "ContactPoint"
        assert office["description"] == ks.office_hours
    golnik = one(read(client, CommunityPage.objects.get(slug="golnik")), "GovernmentOrganization")
    assert golnik["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Golnik 40",
        "postalCode": "4204",
        "addressLocality": "Golnik",
        "addressCountry": "SI",
    }


# --- Events -----------------------------------------------------------------------------


def places_of(event_data):
    where = event_data["location"]
    return where if isinstance(where, list) else [where]


def test_every_event_has_an_organizer_an_image_and_a_structured_address(client, demo):
    events = EventPage.objects.live().specific()
    assert events.count() >= 15
    for event in events:
        data = one(read(client, event), "Event")
        organizers = data["organizer"]
        for organizer in organizers if isinstance(organizers, list) else [organizers]:
            assert organizer["name"], event.url
            assert set(types_of(organizer)) & {"Organization", "GovernmentOrganization", "Person"}
        assert absolute(data["image"]), event.url
        assert "offers" in data or data["isAccessibleForFree"] is True
        for place in places_of(data):
            if place["@type"] == "VirtualLocation":
                continue
            assert place["name"], event.url
            assert_structured_address(place["address"], event.url)


def test_an_event_in_a_space_is_held_in_that_venue(client, demo):
    event = EventPage.objects.live().filter(space__isnull=False).select_related("space").first()
    (place,) = places_of(one(read(client, event), "Event"))
    assert types_of(place) == ["CivicStructure", "EventVenue"]
    assert place["name"] == event.space.title
    assert at(place["url"], event.space.url)


def test_an_event_in_three_places_lists_three_places(client, demo):
    open_day = EventPage.objects.get(title="Dan skupnostnih prostorov")
    places = places_of(one(read(client, open_day), "Event"))
    assert [place["name"] for place in places] == [
        "Skupnostni prostor KS Golnik",
        "Dvorana KS Zlato polje",
        "Skupnostni prostor KS Stražišče",
    ]
    assert [place["address"]["streetAddress"] for place in places] == [
        "Golnik 40",
        "Gradnikova ulica 1",
        "Škofjeloška cesta 20",
    ]


def test_an_event_without_its_own_organiser_names_the_programme_organisers_or_the_ks(client, demo):
    # The demo's events name their organisers: take one that belongs to a programme with
    # organisers, and publish it without its own.
    from_programme = EventPage.objects.live().filter(programme__isnull=False)
    event = next(e for e in from_programme if e.programme.organisers.exists())
    event.organiser = None
    event.save_revision().publish()
    organizers = one(read(client, event), "Event")["organizer"]
    organisers = sorted(event.programme.organisers.values_list("name", flat=True))
    names = [o["name"] for o in (organizers if isinstance(organizers, list) else [organizers])]
    assert names == organisers
    alone = EventPage.objects.live().filter(programme__isnull=True, depth=5)
    event = alone.first()
    event.organiser = None
    event.save_revision().publish()
    organizer = one(read(client, event), "Event")["organizer"]
    assert organizer["@type"] == "GovernmentOrganization"
    assert organizer["name"] == event.community.title


def test_a_repeating_event_leaves_its_cancelled_dates_out_of_its_schedule(client, demo):
    cancelled = DateChange.objects.filter(cancelled=True).select_related("page")
    assert cancelled.exists()
    for change in cancelled:
        event = change.page
        if not event.live:
            continue
        schedule = one(read(client, event), "Event")["eventSchedule"]
        assert change.original_date.isoformat() in schedule["exceptDate"], event.url
        left_out = {row.date.isoformat() for row in event.excluded_dates.all()}
        assert left_out <= set(schedule["exceptDate"])


def test_a_moved_date_is_left_out_of_the_schedule_and_given_as_its_own_event(client, demo):
    golnik = CommunityPage.objects.get(slug="golnik")
    calendar = builders.EventCalendarPage.objects.child_of(golnik).get()
    start = datetime.datetime.combine(
        builders.today() + datetime.timedelta(days=3), datetime.time(18), tzinfo=builders.LJUBLJANA
    )
    meeting = builders.event(calendar, "Srečanje", start=start, frequency="WEEKLY")
    second = (start + datetime.timedelta(weeks=1)).date()
    moved_to = start + datetime.timedelta(weeks=1, days=1)
    meeting.date_changes.add(DateChange(original_date=second, start=moved_to))
    meeting.save_revision().publish()
    data = one(read(client, meeting), "Event")
    assert data["eventSchedule"]["exceptDate"] == [second.isoformat()]
    (moved,) = data["subEvent"]
    assert moved["eventStatus"] == "https://schema.org/EventRescheduled"
    assert moved["previousStartDate"] == second.isoformat()
    assert datetime.datetime.fromisoformat(moved["startDate"]) == moved_to


# --- Spaces -----------------------------------------------------------------------------


def test_every_space_is_a_civic_event_venue_with_its_photos_once(client, demo):
    for space in SpacePage.objects.live().specific():
        data = one(read(client, space), "EventVenue")
        assert types_of(data) == ["CivicStructure", "EventVenue"]
        assert_structured_address(data["address"], space.url)
        photos = [photo["contentUrl"] for photo in data["photo"]]
        assert photos and len(photos) == len(set(photos)), space.url


def test_a_gallery_photo_that_is_also_the_page_image_is_given_once(client, demo):
    golnik = CommunityPage.objects.get(slug="golnik")
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    photo = Image.objects.create(title="Dvorana", file=get_test_image_file())
    other = Image.objects.create(title="Kuhinja", file=get_test_image_file())
    space = builders.space(golnik, "Dvorana", address="Gradnikova ulica 1, 4000 Kranj", image=photo)
    space.gallery_images = [GalleryImage(image=photo), GalleryImage(image=other)]
    space.save_revision().publish()
    data = one(read(client, space), "EventVenue")
    assert len(data["photo"]) == 2
