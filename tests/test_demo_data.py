"""`load_demo_data` builds the Kranj portal a newcomer sees after `make run`."""

import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from portal.communities.models import CommunityPage
from portal.events.models import EventPage
from portal.news.models import NewsPage
from portal.spaces.models import SpacePage

pytestmark = pytest.mark.django_db

DEMO_USERS = ["admin", "obcina", "ks-golnik", "ks-zlato-polje", "ks-strazisce"]


@pytest.fixture
def demo():
    call_command("load_demo_data", force=True, verbosity=0)


def database_dump():
    out = io.StringIO()
    call_command(
        "dumpdata",
        exclude=["sessions", "contenttypes", "auth.permission"],
        natural_foreign=True,
        stdout=out,
    )
    return out.getvalue()


def test_loading_twice_changes_nothing(demo):
    before = database_dump()
    call_command("load_demo_data", force=True, verbosity=0)
    assert database_dump() == before


def test_refuses_on_a_site_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo_data", verbosity=0)
    assert not CommunityPage.objects.exists()


def test_runs_without_force_in_development(settings):
    settings.DEBUG = True
    call_command("load_demo_data", verbosity=0)
    assert CommunityPage.objects.live().count() == 3


def test_home_lists_the_three_pilot_communities(client, demo):
    html = client.get("/").content.decode()
    for name in ("Golnik", "Zlato polje", "Stražišče"):
        assert name in html


@pytest.mark.parametrize("slug", ["golnik", "zlato-polje", "strazisce"])
def test_each_community_page_shows_its_space_news_and_event(client, demo, slug):
    ks = CommunityPage.objects.get(slug=slug)
    html = client.get(ks.url).content.decode()
    space = SpacePage.objects.child_of(ks).live().first()
    news = NewsPage.objects.latest_in(ks).first()
    event = EventPage.objects.upcoming_in(ks).first()
    for page in (space, news, event):
        assert page is not None
        assert page.title in html


def test_pilot_needs_workshops_of_november_2017_are_there(demo):
    workshops = EventPage.objects.live().filter(start__year=2017, start__month=11)
    assert workshops.count() >= 3
    assert all(1 <= w.start.day <= 10 for w in workshops)


@pytest.mark.parametrize("username", DEMO_USERS)
def test_demo_users_sign_in_to_the_admin(client, demo, username):
    user = authenticate(username=username, password="demo12345")
    assert user is not None
    client.force_login(user)
    assert client.get("/admin/").status_code == 200


def test_each_pilot_ks_is_provisioned_with_its_own_media(demo):
    from wagtail.documents.models import Document
    from wagtail.images.models import Image

    for ks in CommunityPage.objects.all():
        assert ks.editors_group.user_set.filter(username=f"ks-{ks.slug}").exists()
        assert Image.objects.filter(collection=ks.collection).exists()
        assert Document.objects.filter(collection=ks.collection).exists()


def test_ks_golnik_sees_only_golnik_in_the_admin(client, demo):
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from wagtail.documents.models import Document
    from wagtail.images.models import Image

    from portal.stakeholders.models import Stakeholder

    client.force_login(get_user_model().objects.get(username="ks-golnik"))
    golnik = CommunityPage.objects.get(slug="golnik")
    others = CommunityPage.objects.exclude(pk=golnik.pk)

    explorer = client.get(reverse("wagtailadmin_explore", args=[golnik.pk])).content.decode()
    for page in golnik.get_children():
        assert page.title in explorer
    pages = client.get(reverse("wagtailadmin_pages:search"), {"q": "skupnostni"}).content.decode()
    assert any(
        f'"/admin/pages/{page.pk}/' in pages for page in golnik.get_descendants(inclusive=True)
    )

    listings = {
        "stakeholders": client.get(reverse("wagtailsnippets_stakeholders_stakeholder:list")),
        "images": client.get(reverse("wagtailimages:index")),
        "documents": client.get(reverse("wagtaildocs:index")),
    }
    html = {name: response.content.decode() for name, response in listings.items()}
    for stakeholder in Stakeholder.objects.filter(community=golnik):
        assert stakeholder.name in html["stakeholders"]
    for image in Image.objects.filter(collection=golnik.collection):
        assert image.title in html["images"]
    for document in Document.objects.filter(collection=golnik.collection):
        assert document.title in html["documents"]
    for other in others:
        for stakeholder in Stakeholder.objects.filter(community=other):
            assert stakeholder.name not in html["stakeholders"]
        for image in Image.objects.filter(collection=other.collection):
            assert image.title not in html["images"]
        for document in Document.objects.filter(collection=other.collection):
            assert document.title not in html["documents"]
        for page in other.get_descendants(inclusive=True):
            assert f'"/admin/pages/{page.pk}/' not in pages
