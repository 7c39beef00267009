"""`load_bench_data` fills the portal at a chosen scale for `make bench`, topping up."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import NoReverseMatch, reverse

from portal.communities.models import CommunityPage
from portal.spaces.models import SpacePage, WeeklyHours
from portal.stakeholders.models import Stakeholder

pytestmark = pytest.mark.django_db


def load(**options):
    """The loader at a small scale: no events or news unless asked for."""
    options = {"events_per_community": 0, "news_per_community": 0, **options}
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
    # Every space has its opening hours, once.
    assert WeeklyHours.objects.count() == 6 * 6


def test_pages_are_served_and_found(client):
    load(communities=1, spaces_per_community=1, stakeholders_per_community=2)
    community = CommunityPage.objects.get()
    html = client.get(community.url).content.decode()
    assert "Svet KS" in html
    space = SpacePage.objects.get()
    assert client.get(space.url).status_code == 200
    assert "Urnik v naslednjih dveh tednih" in client.get(space.url).content.decode()
    assert client.get(space.url + "zasedenost/").status_code == 200
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


# --- Programmes ---------------------------------------------------------------------------

BUILT_IN_TYPES = {
    "repair_cafe",
    "community_garden",
    "intergenerational",
    "energy_advice",
    "workshop",
}


def test_programmes_of_every_built_in_type_are_created_live_for_each_ks():
    from programmes.models import Programme

    load(communities=5, spaces_per_community=1, stakeholders_per_community=3)
    for community in CommunityPage.objects.all():
        programmes = Programme.objects.filter(community=community)
        # Three by default, each of a different type.
        assert programmes.values("programme_type").distinct().count() == 3
        own = set(Stakeholder.objects.filter(community=community).values_list("pk", flat=True))
        space = SpacePage.objects.child_of(community).get()
        for programme in programmes:
            organisers = set(programme.organisers.values_list("pk", flat=True))
            assert organisers and organisers <= own, programme
            assert programme.themes.exists() and programme.audiences.exists()
            assert programme.space == space
            assert programme.live and programme.live_revision_id == programme.latest_revision_id
            # The published revision holds what the programme holds, as after an editor's
            # publish: the admin's history and compare views read it.
            published = programme.live_revision.as_object()
            assert published.title == programme.title
            assert {organiser.pk for organiser in published.organisers.all()} == organisers
            programme.plugin.block.clean(programme.plugin.to_python(programme.details))
            programme.full_clean()
    assert set(Programme.objects.values_list("programme_type", flat=True)) == BUILT_IN_TYPES


def test_programmes_top_up_to_the_larger_scale_and_keep_the_rest():
    from wagtail.models import Revision

    from programmes.models import Programme

    load(communities=2, stakeholders_per_community=2, programmes_per_community=2)
    first = set(Programme.objects.values_list("pk", flat=True))
    load(communities=3, stakeholders_per_community=2, programmes_per_community=7)
    load(communities=3, stakeholders_per_community=2, programmes_per_community=7)
    assert first < set(Programme.objects.values_list("pk", flat=True))
    assert Programme.objects.count() == 21
    assert Revision.objects.filter(object_str__in=Programme.objects.values("title")).count() == 21
    # Beyond one of each type, a KS's programme is numbered.
    assert Programme.objects.filter(title__endswith=" 2").count() == 3 * 2


def test_programmes_are_inserted_in_bulk_not_one_by_one():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    load(communities=2, programmes_per_community=0)
    with CaptureQueriesContext(connection) as few:
        load(communities=2, programmes_per_community=1)
    with CaptureQueriesContext(connection) as many:
        load(communities=2, programmes_per_community=10)
    assert len(many) == len(few)


def test_the_defaults_still_work_and_report_programmes(capsys):
    from programmes.models import Programme

    call_command("load_bench_data", communities=1, force=True)
    assert "× 3 programmes" in capsys.readouterr().out
    assert Programme.objects.count() == 3
    call_command("load_bench_data", communities=1, force=True)
    assert (
        "Already there: 3 pages, 5 stakeholders, 3 programmes, 200 events, 100 news items."
        in capsys.readouterr().out
    )


def test_bench_programme_pages_are_served_and_found(client):
    from programmes.models import Programme

    load(
        communities=1,
        spaces_per_community=1,
        stakeholders_per_community=2,
        programmes_per_community=5,
    )
    for programme in Programme.objects.all():
        response = client.get(programme.get_url())
        assert response.status_code == 200, programme.get_url()
        assert programme.title in response.content.decode()
    repair_cafe = Programme.objects.get(programme_type="repair_cafe")
    assert repair_cafe.title in client.get("/iskanje/", {"q": repair_cafe.title}).content.decode()


# --- Events and news ------------------------------------------------------------------------


def test_events_are_live_pages_with_their_dates_expanded_like_a_publish():
    from wagtail.models import Page

    from portal.events.models import EventPage, Occurrence
    from portal.events.models.occurrences import instances_of

    load(communities=2, stakeholders_per_community=2, events_per_community=25)
    assert Page.find_problems() == ([], [], [], [], [])
    for community in CommunityPage.objects.all():
        events = EventPage.objects.descendant_of(community).live()
        assert events.count() == 25
        assert events.exclude(rrule="").count() == 5  # every fifth repeats
    for event in EventPage.objects.all():
        rows = Occurrence.objects.filter(event=event).order_by("start")
        assert [(row.start, row.end, row.path) for row in rows] == [
            (instance.start, instance.end, event.path) for instance in instances_of(event)
        ], event.title
        event.full_clean()


def test_bench_events_and_news_are_served_listed_found_and_editable(client, admin_client):
    from portal.events.models import EventPage, Occurrence
    from portal.news.models import NewsPage

    load(communities=1, stakeholders_per_community=2, events_per_community=10, news_per_community=5)
    upcoming = Occurrence.objects.upcoming().select_related("event").first().event
    calendar = client.get(upcoming.get_parent().url).content.decode()
    assert upcoming.title in calendar
    page = client.get(upcoming.url)
    assert page.status_code == 200 and upcoming.title in page.content.decode()
    newest = NewsPage.objects.order_by("-date").first()
    assert newest.title in client.get(newest.get_parent().url).content.decode()
    news_page = client.get(newest.url)
    assert news_page.status_code == 200 and "Svet KS" in news_page.content.decode()
    assert newest.title in client.get("/iskanje/", {"q": newest.title}).content.decode()
    edit = admin_client.get(f"/admin/pages/{upcoming.pk}/edit/")
    assert edit.status_code == 200 and upcoming.title in edit.content.decode()
    assert EventPage.objects.count() == 10 and NewsPage.objects.count() == 5


def test_events_and_news_top_up_and_go_in_bulk():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    from portal.events.models import EventPage
    from portal.news.models import NewsPage

    load(communities=2, events_per_community=0, news_per_community=0)
    with CaptureQueriesContext(connection) as few:
        load(communities=2, events_per_community=10, news_per_community=5)
    with CaptureQueriesContext(connection) as many:
        load(communities=2, events_per_community=60, news_per_community=30)
    load(communities=2, events_per_community=60, news_per_community=30)
    assert EventPage.objects.count() == 120 and NewsPage.objects.count() == 60
    assert Page.find_problems() == ([], [], [], [], [])
    # Inserted in batches (as many rows as the database takes parameters for): 150 more
    # pages cost a few INSERTs more, where saving them one by one would cost hundreds.
    assert len(many) - len(few) < 30


def test_the_first_ks_has_a_closed_consultation_and_an_open_one_to_measure(client):
    from portal.consultations.models import ConsultationPage, Response

    load(communities=2, spaces_per_community=1, stakeholders_per_community=1)
    load(communities=2, spaces_per_community=1, stakeholders_per_community=1)
    consultation, open_one = ConsultationPage.objects.order_by("closes_at")
    form = client.get(open_one.url)
    assert form.status_code == 200
    assert "Pošlji odgovor" in form.content.decode()
    assert consultation.state == "closed"
    assert Response.objects.filter(consultation=consultation).count() == 300 + 120
    results = client.get(consultation.url + "rezultati/")
    assert results.status_code == 200
    assert "300 odgovorov na spletu, 120 zapisov z delavnic" in results.content.decode()


def test_the_first_ks_has_an_event_to_come_taking_sign_ups_to_measure(client):
    from portal.signups.models import SignUpDate

    load(communities=2, stakeholders_per_community=1, events_per_community=3)
    load(communities=2, stakeholders_per_community=1, events_per_community=3)
    (date,) = SignUpDate.objects.all()
    assert date.event.registration == "portal" and date.is_open
    assert date.confirmed_places == date.signups.count() == 24
    assert date.event.url_path.split("/")[2] == CommunityPage.objects.order_by("path")[0].slug
    page = client.get(date.event.url)
    assert page.status_code == 200
