"""Anonymous visitors get cached pages, and never a stale one after an edit."""

import pytest
from django.test import override_settings

from portal.stakeholders.models import Stakeholder
from tests import builders

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache", "site_settings")]


@pytest.fixture
def page_cache():
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield


@pytest.fixture
def site_settings(db):
    """The default site's settings, as any site has them by now."""
    from wagtail.models import Site

    from portal.base.models import SiteSettings

    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


def test_second_visit_comes_from_the_cache_without_queries(
    client, golnik_section, django_assert_num_queries
):
    first = client.get("/golnik/")
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get("/golnik/")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert "Content-Security-Policy" in second


def test_publishing_shows_at_once(client, golnik_section):
    client.get("/golnik/")
    golnik_section.intro = "Nov uvod, pravkar objavljen."
    golnik_section.save_revision().publish()
    response = client.get("/golnik/")
    assert "Nov uvod, pravkar objavljen." in response.content.decode()
    assert response["X-Cache"] == "MISS"


def test_unpublishing_moving_and_deleting_show_at_once(client, golnik_section):
    news = golnik_section.get_descendants().type(builders.NewsPage).get().specific
    assert news.title in client.get("/golnik/").content.decode()
    news.unpublish()
    assert news.title not in client.get("/golnik/").content.decode()

    extra = builders.news(
        builders.NewsIndexPage.objects.child_of(golnik_section).get(), "Druga novica"
    )
    assert "Druga novica" in client.get("/golnik/").content.decode()
    extra.delete()
    assert "Druga novica" not in client.get("/golnik/").content.decode()

    other = builders.section("Stražišče")
    room = golnik_section.get_children().type(builders.SpacePage).get().specific
    client.get("/strazisce/")
    room.move(other, pos="last-child")
    assert room.title in client.get("/strazisce/").content.decode()


def test_a_snippet_change_shows_at_once(client, golnik_section):
    client.get("/golnik/")
    Stakeholder.objects.create(
        name="Društvo vrtičkarjev", sector="informal", community=golnik_section
    )
    assert "Društvo vrtičkarjev" in client.get("/golnik/").content.decode()


def test_signed_in_editors_are_never_served_from_the_cache(client, admin_user, golnik_section):
    client.get("/golnik/")
    client.force_login(admin_user)
    response = client.get("/golnik/")
    assert "X-Cache" not in response


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_version_bump_from_another_worker_is_seen(client, golnik_section):
    """Workers share the content version, so a publish elsewhere reaches this one."""
    from django.core.cache import caches

    from portal.base.caching import VERSION_KEY

    client.get("/golnik/")
    assert client.get("/golnik/")["X-Cache"] == "HIT"
    caches["versions"].set(VERSION_KEY, "set-by-another-worker", timeout=None)
    assert client.get("/golnik/")["X-Cache"] == "MISS"


def test_not_found_pages_are_not_cached(client, golnik_section):
    assert client.get("/ni-je/").status_code == 404
    assert "X-Cache" not in client.get("/ni-je/")


def test_pages_still_serve_when_the_cache_is_down(client, golnik_section):
    from unittest import mock

    from django.core.cache import caches

    down = mock.Mock()
    down.get.side_effect = down.set.side_effect = ConnectionError("redis is down")
    shared = {"default": down, "versions": down}
    with mock.patch("portal.base.caching.caches") as reached:
        reached.__getitem__.side_effect = lambda name: shared.get(name) or caches[name]
        response = client.get("/golnik/")
    assert response.status_code == 200
    assert "KS Golnik" in response.content.decode() or "Golnik" in response.content.decode()


def test_a_page_another_worker_stored_is_served_until_its_shared_expiry(client, golnik_section):
    """Each worker keeps pages in its own memory too, never longer than the shared copy."""
    import time
    from unittest import mock

    from django.core.cache import caches

    now = time.time()
    assert client.get("/golnik/")["X-Cache"] == "MISS"  # stored by "another worker"...
    caches["local"].clear()  # ...so this one has no copy of its own yet
    with mock.patch("time.time", return_value=now + 200):
        assert client.get("/golnik/")["X-Cache"] == "HIT"  # from the shared cache
    with mock.patch("time.time", return_value=now + 301):
        assert client.get("/golnik/")["X-Cache"] == "MISS"  # both copies have expired


def test_a_change_to_the_site_settings_shows_in_the_footer_at_once(client, golnik_section):
    from wagtail.models import Site

    from portal.base.models import SiteSettings

    client.get("/golnik/")
    settings = SiteSettings.objects.get(site=Site.objects.get(is_default_site=True))
    settings.organisation = "Mestna občina Kranj, Oddelek za lokalno samoupravo"
    settings.save()
    assert "Oddelek za lokalno samoupravo" in client.get("/golnik/").content.decode()
    assert "Oddelek za lokalno samoupravo" in client.get("/").content.decode()


def test_pages_cached_before_a_programme_type_was_turned_off_are_not_served(golnik_section):
    """A restart with another PROGRAMME_PLUGINS never serves pages cached under the old."""
    from django.test import Client

    from tests.programme_helpers import programme

    programme("Popravljalnica na Golniku", "repair_cafe", community=golnik_section)
    assert "Popravljalnica na Golniku" in Client().get("/golnik/programi/").content.decode()
    others = ["community_garden", "intergenerational", "energy_advice", "workshop"]
    with override_settings(PROGRAMME_PLUGINS=others):
        response = Client().get("/golnik/programi/")  # a new process, as after a restart
    assert response["X-Cache"] == "MISS"
    assert "Popravljalnica na Golniku" not in response.content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_publish_commits_under_a_version_no_other_request_used_before(golnik_section):
    """A page rendered elsewhere between the publish and its commit shows the old content:
    it is kept under the old version, and the commit brings a version nobody used yet."""
    from django.core.cache import caches
    from django.db import transaction

    from portal.base.caching import VERSION_KEY, content_version

    before = content_version()
    with transaction.atomic():
        golnik_section.intro = "Uvod po objavi."
        golnik_section.save_revision().publish()
        in_the_transaction = content_version()
        assert caches["versions"].get(VERSION_KEY) == before  # what other workers read
    assert content_version() not in (before, in_the_transaction)


def test_the_sitemap_is_kept_like_a_page(client, golnik_section, django_assert_num_queries):
    """Crawlers ask for the sitemap often: its second request is served from the cache,
    without a query (it reads `p`, its page number, which is declared)."""
    client.get("/golnik/")  # what a process declares once in its life, as it first serves
    first = client.get("/sitemap.xml")
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get("/sitemap.xml")
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    assert client.get("/sitemap.xml", {"p": "1"}).content == first.content
