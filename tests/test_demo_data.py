"""`load_demo_data` builds the Kranj portal a newcomer sees after `make run`."""

import datetime
import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import models, transaction
from django.utils import timezone

from portal.communities.models import CommunityPage
from portal.events.models import EventPage, Occurrence
from portal.news.models import NewsIndexPage, NewsPage
from portal.spaces.models import SpacePage
from tests import builders

pytestmark = pytest.mark.django_db

DEMO_USERS = ["admin", "obcina", "ks-golnik", "ks-zlato-polje", "ks-strazisce"]


@pytest.fixture(scope="module")
def demo_database(django_db_setup, django_db_blocker):
    """The demo portal, loaded once for this module: each test runs in a transaction of its
    own inside this one, which is rolled back when the module is done."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_data", force=True, verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_database, db):
    """The demo portal; what a test changes is undone after it."""


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
    event = Occurrence.objects.public().in_section(ks).upcoming().first().event
    for page in (space, news, event):
        assert page is not None
        assert page.title in html


def test_news_of_every_ks_and_the_municipality_has_themes_tags_and_blocks(client, demo):
    for index in NewsIndexPage.objects.all():
        items = NewsPage.objects.child_of(index).live()
        assert items.exists(), index
        assert all(item.tags.exists() for item in items), index
        kinds = {block.block_type for item in items for block in item.body}
        assert {"paragraph", "quote"} <= kinds, index
    golnik = client.get("/golnik/novice/").content.decode()
    assert "Najpogostejše oznake" in golnik and "popravljalnica" in golnik
    filtered = client.get("/golnik/novice/", {"tag": "popravljalnica"})
    assert filtered.status_code == 200
    assert "Popravljalnica na Golniku išče prostovoljce" in filtered.content.decode()
    html = client.get("/golnik/novice/popravljalnica-isce-prostovoljce/").content.decode()
    assert "<blockquote" in html and 'class="news-figure__image"' in html
    assert "Hišni red skupnostnega prostora (za prostovoljce)" in html


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


# --- Programmes ---------------------------------------------------------------------------

BUILT_IN_TYPES = {
    "repair_cafe",
    "community_garden",
    "intergenerational",
    "energy_advice",
    "workshop",
}
PILOT_KS = {"golnik", "zlato-polje", "strazisce"}


def test_every_built_in_programme_type_is_live_and_spread_over_the_three_ks(demo):
    from programmes.models import Programme

    programmes = Programme.objects.select_related("community")
    assert programmes.count() >= 7
    assert set(programmes.values_list("programme_type", flat=True)) >= BUILT_IN_TYPES
    for programme in programmes:
        assert programme.live and not programme.has_unpublished_changes, programme
        assert programme.live_revision_id == programme.latest_revision_id is not None
    in_ks = programmes.exclude(community=None)
    assert {programme.community.slug for programme in in_ks} == PILOT_KS
    assert {programme.programme_type for programme in in_ks} == BUILT_IN_TYPES
    for slug in PILOT_KS:
        assert in_ks.filter(community__slug=slug).values("programme_type").distinct().count() >= 3
    municipal = programmes.filter(community=None, organisers__name="Ljudska univerza Kranj")
    assert municipal.exists()


def test_each_programme_is_organised_by_demo_stakeholders_and_says_how_to_join(demo):
    from programmes.models import Programme

    for programme in Programme.objects.all():
        organisers = list(programme.organisers.all())
        assert organisers, programme
        # A KS's programme is run by stakeholders of that KS or of the whole municipality.
        assert {o.community_id for o in organisers} <= {programme.community_id, None}
        assert programme.themes.exists() and programme.audiences.exists(), programme
        if programme.community_id:
            assert programme.space.get_parent().pk == programme.community_id, programme
        assert programme.contact_email.endswith("@example.org"), programme
        assert " 555 " in programme.contact_phone, programme
        assert programme.is_free or programme.price
        # What the admin would check before publishing holds too.
        programme.full_clean()


def test_each_programme_has_its_type_details_filled_in(demo):
    from wagtail.documents.models import Document

    from programmes.models import Programme

    for programme in Programme.objects.all():
        plugin = programme.plugin
        assert set(programme.details) == set(plugin.block.child_blocks), programme
        value = plugin.to_python(programme.details)
        plugin.block.clean(value)  # valid as the editor's form would have it
        filled = [name for name in plugin.block.child_blocks if value[name] not in ("", None, [])]
        assert len(filled) >= 2, (programme, filled)
    workshops = Programme.objects.filter(programme_type="workshop")
    assert all(workshop.details["method"] == "carousel" for workshop in workshops)
    report = workshops.get(community=None).details["report"]
    assert Document.objects.filter(pk=report, title__startswith="Poročilo z delavnic").exists()


def test_each_programme_page_answers_at_its_public_url(client, demo):
    from programmes.models import Programme

    for programme in Programme.objects.select_related("community"):
        url = programme.get_url()
        if programme.community is not None:
            assert url.startswith(f"{programme.community.url}programi/"), url
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert programme.title in html
        for organiser in programme.organisers.all():
            assert organiser.name in html, (url, organiser.name)


def test_the_summary_names_everything_the_loader_counts(demo):
    """Every kind of item the loader reports has a name in the summary (one without a
    name used to vanish from it), and an unnamed kind is refused."""
    from portal.demo.progress import Progress

    out = io.StringIO()
    call_command("load_demo_data", force=True, stdout=out)
    summary = out.getvalue()
    for words in ("4 spaces with their details", "11 events linked to their programmes"):
        assert words in summary
    with pytest.raises(ValueError, match="no name for 'gadget'"):
        Progress().add("gadget", "a new kind of demo item")


def test_loading_again_creates_no_programme(demo):
    from wagtail.models import Revision

    from programmes.models import Programme

    def state():
        programmes = Programme.objects.order_by("pk")
        return (
            list(programmes.values_list("pk", "latest_revision_id", "live_revision_id")),
            Revision.objects.filter(object_str__in=programmes.values("title")).count(),
            Programme.organisers.through.objects.count(),
        )

    before = state()
    out = io.StringIO()
    call_command("load_demo_data", force=True, stdout=out)
    assert state() == before
    assert "Nothing to do" in out.getvalue()
    assert f"{len(before[0])} programmes" in out.getvalue()


def test_every_pilot_ks_has_repeating_and_single_events_with_changed_dates(demo):
    from portal.events.models import DateChange, ExcludedDate

    for slug in ("golnik", "zlato-polje", "strazisce"):
        events = EventPage.objects.live().descendant_of(CommunityPage.objects.get(slug=slug))
        assert events.exclude(rrule="").exists(), slug
        assert events.filter(rrule="").exists(), slug
    assert ExcludedDate.objects.exists()
    assert DateChange.objects.filter(cancelled=True).exists()
    moved = Occurrence.objects.exclude(start=models.F("original_start"))
    assert moved.count() == 1
    assert Occurrence.objects.filter(cancelled=True).count() == 1
    first_saturdays = EventPage.objects.filter(rrule="FREQ=MONTHLY;BYDAY=1SA")
    assert first_saturdays.count() == 2


@pytest.mark.parametrize("slug", ["golnik", "zlato-polje", "strazisce"])
def test_each_pilot_space_has_hours_rooms_equipment_and_accessibility(client, demo, slug):
    from portal.spaces import hours

    ks = CommunityPage.objects.get(slug=slug)
    space = SpacePage.objects.child_of(ks).filter(capacity__isnull=False).first()
    assert space.weekly_hours.count() >= 3
    assert space.rooms.exists() and space.equipment_list
    assert space.step_free_entrance in ("yes", "no")
    assert space.owned_by.name == "Mestna občina Kranj" and space.managed_by is not None
    assert space.house_rules is not None and space.gallery_images.exists()
    assert 46.2 < float(space.latitude) < 46.4 and 14.2 < float(space.longitude) < 14.4
    today = builders.today()
    days = hours.schedule(space, today, today + datetime.timedelta(days=13))
    assert sum(1 for day in days if day.is_open) >= 4
    html = client.get(space.url).content.decode()
    assert 'class="space-status' in html and "openstreetmap.org/?mlat=" in html
    assert client.get(space.url + "zasedenost/").status_code == 200


@pytest.mark.parametrize("slug", ["golnik", "zlato-polje", "strazisce"])
def test_each_pilot_space_has_approved_and_pending_requests(client, demo, slug):
    from portal.bookings.models import BookingRequest

    ks = CommunityPage.objects.get(slug=slug)
    space = SpacePage.objects.child_of(ks).filter(capacity__isnull=False).first()
    statuses = list(BookingRequest.objects.filter(space=space).values_list("status", flat=True))
    assert statuses.count("approved") >= 2 and statuses.count("pending") >= 2
    # One of the coming weeks' (the weekly group of the past half year is approved too).
    approved = BookingRequest.objects.filter(
        space=space, status="approved", is_public=True, dates__start__gte=timezone.now()
    ).first()
    week = client.get(space.url + "zasedenost/", {"teden": approved.dates.get().start.date()})
    assert approved.purpose in week.content.decode()


def test_the_utilisation_report_shows_the_three_pilot_spaces_in_use(client, demo):
    """The demo's weekly group and its approved requests and events take the pilot spaces:
    the report shows each with a utilisation above nought, in the chart and the table."""
    import re

    from django.contrib.auth import get_user_model
    from django.urls import reverse

    client.force_login(get_user_model().objects.get(username="obcina"))
    response = client.get(reverse("space_utilisation_report"))
    assert response.status_code == 200
    html = response.content.decode()
    chart = html[html.index('<svg class="usage-chart"') :]
    chart = chart[: chart.index("</svg>")]
    table = html[html.index('<table class="listing') :]
    table = table[: table.index("</table>")]
    for ks, slug in [
        ("golnik", "skupnostni-prostor"),
        ("zlato-polje", "dvorana"),
        ("strazisce", "skupnostni-prostor"),
    ]:
        space = SpacePage.objects.child_of(CommunityPage.objects.get(slug=ks)).get(slug=slug)
        row = table[table.index(f">{space.title}</a></th>") :]
        row = row[: row.index("</tr>")]
        percent = re.findall(r">(\d+,\d) %</td>", row)
        assert percent and float(percent[0].replace(",", ".")) > 0, (space.title, row)
        label = chart.index(f">{space.title}</text>")
        assert re.match(
            r'\s*<rect class="usage-chart__bar"[^>]* width="[1-9]',
            chart[label + len(space.title) + 8 :],
        )
        assert f">{percent[0]} %</text>" in chart


def test_pilot_programmes_list_their_dates_from_the_calendar(client, demo):
    """The demo's KS events that are dates of a KS programme are linked to it, so each
    such programme's page lists its next dates, in all three pilot KS."""
    linked = EventPage.objects.exclude(programme=None).select_related("programme__community")
    assert {event.programme.community.slug for event in linked} == {
        "golnik",
        "zlato-polje",
        "strazisce",
    }
    shown = 0
    for event in linked:
        if not Occurrence.objects.filter(event=event, start__gte=timezone.now()).exists():
            continue
        html = client.get(event.programme.get_url()).content.decode()
        dates = html[html.index('id="dates-heading"') :]
        dates = dates[: dates.index("</section>")]
        assert f'href="{event.url}"' in dates, (event.programme.title, event.url)
        shown += 1
    assert shown >= 6


def test_each_demo_user_has_exactly_the_rights_of_their_portal_group(demo):
    """Only the portal's groups grant anything (Wagtail's example groups "Editors" and
    "Moderators" are removed by a migration): the municipal editor edits and publishes
    everywhere, each KS representative only in their own KS and its collection."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    from home.models import HomePage
    from portal.communities.provisioning import MUNICIPAL_EDITORS

    users = get_user_model().objects
    home = HomePage.objects.get()
    communities = list(CommunityPage.objects.select_related("editors_group", "collection"))
    media = [
        policy_registry.get_by_type(get_image_model()),
        policy_registry.get_by_type(get_document_model()),
    ]
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()

    obcina = users.get(username="obcina")
    assert list(obcina.groups.values_list("name", flat=True)) == [MUNICIPAL_EDITORS]
    for page in [home, *communities]:
        assert page.permissions_for_user(obcina).can_publish()
    for policy in media:
        assert {c.name for c in policy.collections_user_has_permission_for(obcina, "add")} == {
            "Skupna zbirka",
            *(ks.collection.name for ks in communities),
        }

    for ks in communities:
        user = users.get(username=f"ks-{ks.slug}")
        assert list(user.groups.values_list("name", flat=True)) == [ks.editors_group.name]
        assert not user.user_permissions.exists() and not user.is_superuser
        assert not home.permissions_for_user(user).can_edit()
        for other in communities:
            rights = other.permissions_for_user(user)
            assert rights.can_edit() == (other == ks), (user, other)
            assert rights.can_publish() == (other == ks and not ks.requires_approval)
        for policy in media:
            for action in ("add", "change", "choose"):
                found = policy.collections_user_has_permission_for(user, action)
                assert {c.name for c in found} == {ks.collection.name}, (user, action)


def test_no_event_to_come_clashes_with_its_space(demo):
    """No demo event is set on a holiday or a day its space is closed, over another event
    or over an approved booking (issue 17)."""
    from portal.events import clashes
    from portal.events.models.occurrences import instances_of

    found = []
    now = timezone.now()
    for event in EventPage.objects.live().filter(space__isnull=False).select_related("space"):
        dates = [date for date in instances_of(event) if date.end > now]
        found += [f"{event.title}: {clash}" for clash in clashes.clashes(event.space, dates, event)]
    assert found == []


# --- Consultations (issue 19) -------------------------------------------------------------

PILOT_PROGRAMMES = {
    "golnik": {"popravljalnica", "skupnostni-vrt", "energetsko-svetovanje"},
    "zlato-polje": {"medgeneracijska-srecanja", "energetsko-svetovanje"},
    "strazisce": {"popravljalnica-koles", "skupnostni-vrt"},
}


@pytest.mark.parametrize("slug", ["golnik", "zlato-polje", "strazisce"])
def test_each_pilot_ks_has_its_november_2017_workshop_as_a_closed_consultation(client, demo, slug):
    """The needs workshop of the first week of November 2017, entered from its tables:
    30 to 60 notes over the four themes, needs, ideas and offers, some approved for
    publication, and the show of hands at the end counted for the choice questions."""
    from portal.consultations.models import Answer, ConsultationPage
    from portal.consultations.results import results_of

    ks = CommunityPage.objects.get(slug=slug)
    workshop = ConsultationPage.objects.child_of(ks).live().get(slug="delavnica-potreb-2017")
    assert workshop.state == "closed"
    assert (workshop.opens_at.year, workshop.opens_at.month) == (2017, 11)
    assert 1 <= timezone.localtime(workshop.opens_at).day <= 10
    assert len(workshop.asked_themes()) == 4
    assert {block.block_type for block in workshop.questions} >= {"single_choice", "scale"}

    responses = workshop.responses.all()
    assert {response.source for response in responses} == {"workshop"}
    assert all(
        response.workshop_date == timezone.localtime(workshop.opens_at).date()
        and response.entered_by is None
        and 1 <= response.people_count <= 40
        for response in responses
    )
    notes = Answer.objects.filter(response__consultation=workshop, question_id="")
    assert 30 <= notes.count() <= 60
    assert set(notes.values_list("theme", flat=True)) == {
        "spatial_planning",
        "food",
        "circular_economy",
        "energy",
    }
    assert set(notes.values_list("note_type", flat=True)) == {"need", "idea", "offer"}
    assert all(1 <= note.response.people_count <= 8 for note in notes.select_related("response"))
    assert {note.response.workshop_round for note in notes.select_related("response")} == {1, 2, 3}
    approved = notes.filter(approved_for_publication=True).count()
    assert 0 < approved < notes.count()

    results = results_of(workshop)
    hands = results.question("potreba-po-prostoru")
    assert max(hands.bars, key=lambda bar: bar.total).key == "Da"
    assert results.question("sodelovanje").mean
    html = client.get(workshop.url).content.decode()
    assert workshop.title in html
    ks_html = client.get(ks.url).content.decode()
    assert f'href="{workshop.url}"' in ks_html
    assert f"Zaključen {timezone.localtime(workshop.closes_at).day}. novembra 2017." in ks_html
    assert "Posvet je zaključen" in html


@pytest.mark.parametrize("slug", ["golnik", "zlato-polje", "strazisce"])
def test_workshop_offers_are_linked_to_programmes_and_stakeholders_of_the_same_ks(demo, slug):
    from portal.consultations.models import ConsultationPage, Offer

    ks = CommunityPage.objects.get(slug=slug)
    workshop = ConsultationPage.objects.child_of(ks).get(slug="delavnica-potreb-2017")
    offers = Offer.objects.filter(response__consultation=workshop).select_related(
        "programme", "stakeholder"
    )
    assert offers.count() >= 4
    assert {offer.programme.slug for offer in offers if offer.programme} >= PILOT_PROGRAMMES[slug]
    for offer in offers:
        assert offer.programme or offer.stakeholder
        assert offer.programme is None or (offer.programme.community_id, offer.programme.live) == (
            ks.pk,
            True,
        )
        assert offer.stakeholder is None or offer.stakeholder.community_id == ks.pk
        assert any((offer.skills, offer.time, offer.space, offer.tools, offer.money))
        # A contact only with consent, and an illustrative one.
        if offer.name or offer.email:
            assert offer.consent_to_contact and offer.email.endswith("@example.org")
    outcomes = list(workshop.outcomes.all())
    assert len(outcomes) >= 2 and workshop.outcome
    for row in outcomes:
        assert row.note
        if row.page:
            assert row.page.live and row.page.get_ancestors().filter(pk=ks.pk).exists()
        else:
            assert row.programme.live and row.programme.community_id == ks.pk


def test_golnik_has_an_open_spring_consultation_with_online_answers(client, demo):
    """Open at the moment the tests read the demo at and today, and for months after,
    asking with every kind of question, with a few online answers counted publicly."""
    import time_machine

    from portal.consultations.models import Answer, ConsultationPage, Offer
    from portal.consultations.results import results_of

    golnik = CommunityPage.objects.get(slug="golnik")
    spring = ConsultationPage.objects.child_of(golnik).live().get(slug="posvet-pomlad-2027")
    assert spring.results_public_while_open
    for moment in (
        builders.DEMO_MOMENT,
        timezone.now(),
        timezone.now() + datetime.timedelta(days=90),
    ):
        with time_machine.travel(moment, tick=False):
            assert spring.is_open, moment
    kinds = {block.block_type: block.id for block in spring.questions}
    assert set(kinds) == {
        "single_choice",
        "multiple_choice",
        "scale",
        "short_text",
        "long_text",
        "offer",
    }
    assert kinds["single_choice"] == "vrt-gredica"
    responses = spring.responses.all()
    assert 5 <= responses.count() <= 15
    assert {response.source for response in responses} == {"online"}
    assert all(response.submitted_at <= timezone.now() for response in responses)
    assert Answer.objects.filter(response__consultation=spring, approved_for_publication=True)
    assert Offer.objects.filter(response__consultation=spring, consent_to_contact=True).exists()
    results = results_of(spring)
    garden = results.question("vrt-gredica")
    assert garden.answered == sum(
        1 for r in responses if r.answers.filter(question_id="vrt-gredica")
    )
    assert max(garden.bars, key=lambda bar: bar.total).key == "Da, sam ali z družino"
    ks_html = client.get(golnik.url).content.decode()
    assert ks_html.index(f'href="{spring.url}"') < ks_html.index('href="/golnik/delavnica-potreb')
    html = client.get(spring.url).content.decode()
    assert "Bi spomladi prevzeli gredo na skupnostnem vrtu?" in html
    assert "<form" in html


def test_loading_again_adds_no_consultation_answer(demo):
    from portal.consultations.models import Answer, ConsultationPage, Offer, Response

    def counts():
        return [model.objects.count() for model in (ConsultationPage, Response, Answer, Offer)]

    before = counts()
    assert before[0] == 4
    call_command("load_demo_data", force=True, verbosity=0)
    assert counts() == before
