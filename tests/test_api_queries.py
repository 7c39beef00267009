"""Every list of the API costs the same number of queries whatever it holds: pinned here
at one and at several times the data, for a process that has shown the list's items since
the last publish and for one that has not."""

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from portal.stakeholders.models import Stakeholder
from programmes.models import Theme
from tests import builders
from tests.programme_helpers import programme

pytestmark = pytest.mark.django_db

# The count, then the page of items with what they show (prefetches included). Where
# an endpoint keeps its items per content version: (the count and the page's ids, then
# the rows of items this process has not shown since the last publish).
QUERIES = {
    "/api/v2/events/": (2, 3),
    "/api/v2/events/?community=golnik&theme=food&free=true": (2, 3),
    "/api/v2/communities/": 2,
    "/api/v2/spaces/": 5,  # + rooms, weekly hours, coming exceptions
    "/api/v2/news/": 4,  # + themes, tags
    "/api/v2/consultations/": 4,  # + their themes, all themes (for those that chose none)
    "/api/v2/programmes/": (2, 6),  # + themes, audiences, organisers
    "/api/v2/stakeholders/": 2,
    "/api/v2/pages/": 2,
    "/api/v2/images/": 3,  # + tags
    "/api/v2/documents/": 3,
}


def add_content(ks, number):
    """One more of everything in `ks`: a space, an event that repeats, news, a consultation,
    a programme with an organiser and a theme, a stakeholder, an image and a document."""
    food = Theme.objects.get(key="food")
    image = Image.objects.create(title=f"Slika {number}", file=get_test_image_file())
    image.tags.add("vrt")
    Document.objects.create(title=f"Zapisnik {number}", file=ContentFile(b"zapisnik", "z.txt"))
    room = builders.space(ks, f"Prostor {number}")
    calendar = ks.get_children().type(builders.EventCalendarPage).first().specific
    event = builders.event(
        calendar, f"Vrtnarjenje {number}", start=builders.at(number), space=room, frequency="WEEKLY"
    )
    event.themes.set([food])
    event.save_revision().publish()
    index = ks.get_children().type(builders.NewsIndexPage).first().specific
    item = builders.news(index, f"Novica {number}")
    item.themes.set([food])
    item.tags.add(f"oznaka{number}")
    item.save_revision().publish()
    builders.consultation(ks, f"Posvet {number}")
    organiser = Stakeholder.objects.create(name=f"Društvo {number}", sector="ngo", community=ks)
    programme(
        f"Vrt {number}",
        "community_garden",
        community=ks,
        space=room,
        organisers=[organiser],
        themes=[food],
        details={"plots_total": 10, "plots_free": 2},
    )


def count(client, django_assert_num_queries, url, expected):
    kept, fresh = expected if isinstance(expected, tuple) else (expected, expected)
    client.get(url)  # what a process looks up once per content version (KS directory, …)
    caches["local"].clear()  # as in a worker that has not shown these items yet
    with django_assert_num_queries(fresh):
        response = client.get(url)
    with django_assert_num_queries(kept):
        assert client.get(url).json() == response.json()
    assert response.status_code == 200
    return response.json()["meta"]["total_count"]


def test_lists_cost_the_same_queries_with_more_content(client, django_assert_num_queries):
    golnik = builders.section("Golnik")
    add_content(golnik, 1)
    small = {url: count(client, django_assert_num_queries, url, n) for url, n in QUERIES.items()}
    for number in range(2, 6):
        add_content(golnik, number)
    builders.section("Stražišče")
    large = {url: count(client, django_assert_num_queries, url, n) for url, n in QUERIES.items()}
    for url in QUERIES:
        assert large[url] > small[url], url


def test_a_kept_item_changes_with_the_next_publish(client):
    golnik = builders.section("Golnik")
    add_content(golnik, 1)
    item = programme("Šivalnica", "workshop", community=golnik)
    calendar = golnik.get_children().type(builders.EventCalendarPage).first().specific
    event = builders.event(calendar, "Bralni krožek", start=builders.at(2))
    lists = ["/api/v2/programmes/", "/api/v2/events/"]
    assert all(client.get(url).status_code == 200 for url in lists)  # now kept

    item.title = "Šivalnica in popravila"
    item.save_revision().publish()
    event.title = "Bralni krožek za odrasle"
    event.save_revision().publish()

    programmes = client.get("/api/v2/programmes/").json()["items"]
    assert "Šivalnica in popravila" in [p["title"] for p in programmes]
    dates = client.get("/api/v2/events/").json()["items"]
    assert all("start" in date for date in dates)  # never a kept programme of the same id
    assert "Bralni krožek za odrasle" in [d["title"] for d in dates]
    assert "Bralni krožek" not in [d["title"] for d in dates]
