"""A programme type from an app of its own (tests/programme_test_app, a "bike kitchen")
is discovered and works in the admin end to end, with no change to `programmes/`."""

from django.contrib.messages import get_messages
from django.test import TestCase
from wagtail.test.utils import WagtailTestUtils

from programmes import registry
from programmes.models import Programme, Theme
from tests import builders
from tests.programme_helpers import (
    add_url,
    admin_url,
    form_data,
    in_english,
    list_block,
    section_of,
)

BIKE_KITCHEN = {
    "stands": "3",
    "mechanic": "Janez Kolar",
    "parts": list_block(["zračnice", "zavorne čeljusti"]),
}


class DiscoveryTests(TestCase):
    def test_the_test_app_plugin_is_discovered_from_its_programme_plugins_module(self):
        plugin = registry.get_registered("bike_kitchen")
        self.assertEqual(type(plugin).__module__, "tests.programme_test_app.programme_plugins")
        self.assertIn(plugin, registry.active())

    def test_built_in_plugins_are_discovered_the_same_way(self):
        keys = {plugin.key for plugin in registry.registered()}
        self.assertLessEqual(
            {"repair_cafe", "community_garden", "intergenerational", "energy_advice", "workshop"},
            keys,
        )


class BikeKitchenInTheAdminTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.golnik = builders.community("KS Golnik")
        cls.editor = in_english(cls.create_superuser("urednica", password="x"))

    def setUp(self):
        self.client.force_login(self.editor)

    def test_the_type_chooser_offers_the_plugin_with_its_label(self):
        response = self.client.get(add_url())
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Bike kitchen")
        self.assertContains(response, add_url("bike_kitchen"))
        self.assertContains(response, add_url("repair_cafe"))

    def test_the_form_of_the_type_has_its_block_fields_and_default_themes(self):
        response = self.client.get(add_url("bike_kitchen"))
        self.assertEqual(response.status_code, 200)
        form = response.context["form"]
        self.assertEqual(
            list(form.fields["details"].block.child_blocks), ["stands", "mechanic", "parts"]
        )
        self.assertEqual(
            {theme.key for theme in Theme.objects.filter(pk__in=form.initial["themes"])},
            {"spatial_planning", "circular_economy"},
        )

    def create(self, details, **fields):
        fields = {"title": "Kolesarska kuhinja Golnik", "summary": "Popravimo kolo skupaj."}
        fields.update(community=str(self.golnik.pk))
        data = form_data(self.client, add_url("bike_kitchen"), details=details, **fields)
        return self.client.post(add_url("bike_kitchen"), data)

    def test_invalid_details_are_shown_and_nothing_is_saved(self):
        response = self.create({**BIKE_KITCHEN, "stands": "0"})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Programme.objects.exists())
        errors = response.context["form"].errors["details"].as_data()[0]
        self.assertIn("stands", errors.block_errors)

    def test_the_plugins_own_clean_is_shown_on_its_field(self):
        response = self.create({**BIKE_KITCHEN, "stands": "8", "mechanic": ""})
        self.assertEqual(response.status_code, 200)
        error = response.context["form"].errors["details"].as_data()[0].block_errors["mechanic"]
        self.assertEqual(error.messages, ["More than five stands need a mechanic on duty."])
        self.assertFalse(Programme.objects.exists())

    def test_create_edit_publish_and_render(self):
        response = self.create(BIKE_KITCHEN)
        self.assertEqual(response.status_code, 302)
        programme = Programme.objects.get()
        self.assertEqual(programme.programme_type, "bike_kitchen")
        self.assertEqual(programme.slug, "kolesarska-kuhinja-golnik")
        self.assertFalse(programme.live)
        self.assertEqual(programme.details["stands"], 3)
        self.assertEqual(
            [item["value"] for item in programme.details["parts"]],
            ["zračnice", "zavorne čeljusti"],
        )

        # Edit: the form shows what was saved; change a detail and publish.
        edit = admin_url("edit", programme.pk)
        response = self.client.get(edit)
        self.assertEqual(response.context["form"].initial["details"]["mechanic"], "Janez Kolar")
        data = form_data(
            self.client, edit, details={**BIKE_KITCHEN, "stands": "4"}, **{"action-publish": "1"}
        )
        response = self.client.post(edit, data)
        self.assertEqual(response.status_code, 302)
        programme.refresh_from_db()
        self.assertTrue(programme.live)
        self.assertEqual(programme.details["stands"], 4)
        self.assertIn(programme, Programme.objects.public())

        # Its section, as the public page renders it.
        html = section_of(programme)
        self.assertIn("About the bike kitchen", html)
        self.assertIn("<dd>4</dd>", html)
        self.assertIn("zračnice, zavorne čeljusti", html)

    def test_preview_shows_the_plugin_section(self):
        self.create(BIKE_KITCHEN)
        programme = Programme.objects.get()
        url = admin_url("preview_on_edit", programme.pk)
        data = form_data(self.client, admin_url("edit", programme.pk), details=BIKE_KITCHEN)
        response = self.client.post(url, data)
        self.assertJSONEqual(response.content, {"is_valid": True, "is_available": True})
        response = self.client.get(url)
        self.assertContains(response, "About the bike kitchen")
        self.assertContains(response, "Janez Kolar")

    def test_listing_has_the_plugin_column_and_filter(self):
        self.create(BIKE_KITCHEN)
        response = self.client.get(admin_url("list"))
        self.assertContains(response, "Kolesarska kuhinja Golnik")
        self.assertIn("bike_kitchen__stands", response.context["filters"].form.fields)
        response = self.client.get(admin_url("list"), {"bike_kitchen__stands": "10"})
        self.assertNotContains(response, "Kolesarska kuhinja Golnik")
        response = self.client.get(admin_url("list"), {"bike_kitchen__stands": "2"})
        self.assertContains(response, "Kolesarska kuhinja Golnik")

    def test_an_unknown_type_is_explained_not_an_error(self):
        for url in (add_url("no_such_type"), add_url("<script>")):
            response = self.client.get(url)
            self.assertRedirects(response, add_url())
            message = str(list(get_messages(response.wsgi_request))[0])
            self.assertIn("Choose one of the types below", message)
        response = self.client.post(add_url(), {"title": "Brez vrste"})
        self.assertRedirects(response, add_url())
        self.assertFalse(Programme.objects.exists())
