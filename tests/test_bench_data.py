"""`load_bench_data` fills the portal at a chosen scale for `make bench`, topping up."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import NoReverseMatch, reverse

from portal.communities.models import CommunityPage
from portal.spaces.models import SpacePage
from portal.stakeholders.models import Stakeholder

pytestmark = pytest.mark.django_db


def load(**options):
    call_command("load_bench_data", force=True, verbosity=0, **options)


def test_builds_provisioned_communities_with_spaces_and_stakeholders():
    load(communities=3, spaces_per_community=2, stakeholders_per_community=4)
    communities = CommunityPage.objects.live()
    assert communities.count() == 3
    for community in communities:
        assert community.editors_group_id and community.collection_id
        assert SpacePage.objects.child_of(community).live().count() == 2
        assert Stakeholder.objects.filter(community=community).count() == 4
        assert {"dogodki", "novice"} <= {page.slug for page in community.get_children().live()}


def test_running_again_tops_up_to_the_larger_scale_and_keeps_the_rest():
    load(communities=2, spaces_per_community=1, stakeholders_per_community=2)
    first = set(CommunityPage.objects.values_list("pk", flat=True))
    load(communities=3, spaces_per_community=2, stakeholders_per_community=3)
    load(communities=3, spaces_per_community=2, stakeholders_per_community=3)
    assert first < set(CommunityPage.objects.values_list("pk", flat=True))
    assert CommunityPage.objects.count() == 3
    assert SpacePage.objects.count() == 6
    assert Stakeholder.objects.count() == 9


def test_pages_are_served_and_found(client):
    load(communities=1, spaces_per_community=1, stakeholders_per_community=2)
    community = CommunityPage.objects.get()
    html = client.get(community.url).content.decode()
    assert "Svet KS" in html
    space = SpacePage.objects.get()
    assert client.get(space.url).status_code == 200
    assert space.title in client.get("/iskanje/", {"q": space.title}).content.decode()


def test_refuses_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("load_bench_data", communities=1, verbosity=0)
    assert not CommunityPage.objects.exists()


def test_the_baseline_view_is_not_served_unless_switched_on(client):
    with pytest.raises(NoReverseMatch):
        reverse("bench_baseline")
    assert client.get("/bench/baseline/").status_code == 404


def test_shows_a_progress_bar_on_stderr_unless_quiet(capsys):
    call_command("load_bench_data", communities=2, stakeholders_per_community=1, force=True)
    assert "2/2 KS" in capsys.readouterr().err
    load(communities=2)
    assert capsys.readouterr().err == ""
