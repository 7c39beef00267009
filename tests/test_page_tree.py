"""Editors can only build the tree the portal expects: Home → KS → spaces, calendar, news
and consultations."""

import datetime

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from portal.base.models import ContentPage
from portal.communities.models import CommunityPage
from portal.consultations.models import ConsultationPage
from portal.events.models import EventCalendarPage, EventPage
from portal.news.models import NewsIndexPage, NewsPage
from portal.spaces.models import SpacePage
from tests import builders


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_holds_communities_and_municipal_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage, {CommunityPage, EventCalendarPage, NewsIndexPage, ContentPage}
        )
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_community_holds_its_spaces_calendar_and_news(self):
        self.assertAllowedSubpageTypes(
            CommunityPage,
            {SpacePage, EventCalendarPage, NewsIndexPage, ContentPage, ConsultationPage},
        )
        self.assertAllowedParentPageTypes(CommunityPage, {HomePage})

    def test_spaces_events_and_news_live_only_in_their_place(self):
        self.assertAllowedParentPageTypes(SpacePage, {CommunityPage})
        self.assertAllowedParentPageTypes(EventPage, {EventCalendarPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        for leaf in (SpacePage, EventPage, NewsPage):
            self.assertAllowedSubpageTypes(leaf, set())

    def test_wrong_places_are_refused(self):
        self.assertCanNotCreateAt(HomePage, SpacePage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(CommunityPage, CommunityPage)
        self.assertCanNotCreateAt(CommunityPage, EventPage)
        self.assertCanNotCreateAt(SpacePage, EventPage)
        self.assertCanNotCreateAt(NewsIndexPage, EventPage)


class OnePerSectionTests(WagtailPageTestCase):
    """A KS has one calendar and one news index; the admin offers no second one."""

    def test_second_calendar_is_not_offered(self):
        ks = builders.community("Golnik")
        self.assertTrue(EventCalendarPage.can_create_at(ks))
        builders.calendar(ks)
        self.assertFalse(EventCalendarPage.can_create_at(ks))
        self.assertTrue(NewsIndexPage.can_create_at(ks))
        builders.news_index(ks)
        self.assertFalse(NewsIndexPage.can_create_at(ks))


class EditorCreatesPagesTests(WagtailPageTestCase):
    """Each page type is created through the admin as an editor would."""

    def setUp(self):
        self.login()
        self.home = builders.home_page()

    def test_editor_builds_a_whole_section(self):
        self.assertCanCreate(
            self.home,
            CommunityPage,
            nested_form_data(
                {"title": "Primskovo", "intro": "KS ob Kokri.", "body": rich_text("<p>O KS</p>")}
            ),
        )
        ks = CommunityPage.objects.get(slug="primskovo")
        self.assertCanCreate(
            ks,
            SpacePage,
            nested_form_data(
                builders.space_form(
                    title="Dom krajanov Primskovo",
                    address="Primskovo 1, 4000 Kranj",
                    body=rich_text("<p>Dvorana</p>"),
                    rooms=inline_formset([{"name": "Dvorana", "seated_capacity": "40"}]),
                )
            ),
        )
        # Provisioning gave the new KS its calendar and news index; there is room for no other.
        self.assertFalse(EventCalendarPage.can_create_at(ks))
        self.assertFalse(NewsIndexPage.can_create_at(ks))
        cal = EventCalendarPage.objects.child_of(ks).get()
        self.assertCanCreate(
            cal,
            EventPage,
            nested_form_data(
                builders.event_form(
                    title="Popravljalnica",
                    start="2030-03-02 17:00",
                    end="2030-03-02 19:00",
                    location="Dom krajanov Primskovo",
                    body=rich_text("<p>Prinesite pokvarjene stvari.</p>"),
                )
            ),
        )
        index = NewsIndexPage.objects.child_of(ks).get()
        self.assertCanCreate(
            index,
            NewsPage,
            nested_form_data(
                {
                    "title": "Nov skupnostni prostor",
                    "date": "2030-02-01",
                    "body": streamfield([("paragraph", rich_text("<p>Odpiramo.</p>"))]),
                }
            ),
        )
        self.assertEqual(
            [p.title for p in Page.objects.descendant_of(ks).live().order_by("path")],
            [
                "Dogodki",
                "Popravljalnica",
                "Novice",
                "Nov skupnostni prostor",
                "Dom krajanov Primskovo",
            ],
        )

    def test_event_ending_before_it_starts_is_refused_with_a_message(self):
        cal = builders.calendar(builders.community("Golnik"))
        response = self.client.post(
            f"/admin/pages/add/events/eventpage/{cal.pk}/",
            nested_form_data(
                {
                    "title": "Narobe",
                    "slug": "narobe",
                    "start": "2030-03-02 19:00",
                    "end": "2030-03-02 17:00",
                    "location": "Golnik",
                    "body": rich_text(""),
                    "action-publish": "publish",
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(EventPage.objects.filter(slug="narobe").exists())
        self.assertIn("end", response.context["form"].errors)


class RoutableAndRenderableTests(WagtailPageTestCase):
    def test_every_page_type_is_routable_and_renderable(self):
        ks = builders.community("Golnik")
        room = builders.space(ks)
        cal = builders.calendar(ks)
        ev = builders.event(cal, space=room, start=builders.at(3))
        index = builders.news_index(ks)
        item = builders.news(index, date=datetime.date(2017, 10, 20))
        about = builders.publish(ks, ContentPage(title="Hišni red", body="<p>Red.</p>"))
        for page in (builders.home_page(), ks, room, cal, ev, index, item, about):
            with self.subTest(page=page.specific_class.__name__):
                self.assertPageIsRoutable(page)
                self.assertPageIsRenderable(page)
