"""Turning a programme type off in settings hides its programmes from the public and from
the add menu, keeps their data, and breaks no admin screen; turning it on restores them."""

from importlib import import_module

from django.apps import apps as django_apps
from django.test import TestCase, override_settings
from django.utils import translation
from wagtail.test.utils import WagtailTestUtils

from programmes import registry
from programmes.models import Programme
from tests import builders
from tests.programme_helpers import (
    add_url,
    admin_url,
    form_data,
    in_english,
    list_block,
    programme,
    section_of,
)

WITHOUT_GARDENS = ["repair_cafe", "intergenerational", "energy_advice", "workshop", "bike_kitchen"]
GARDEN = {"plots_total": 12, "plots_free": 3, "how_to_apply": "<p>Pišite nam.</p>"}


class TypeSwitchTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.golnik = builders.community("KS Golnik")
        cls.editor = in_english(cls.create_superuser("urednica", password="x"))
        cls.garden = programme(
            "Skupnostni vrt Golnik",
            "community_garden",
            community=cls.golnik,
            details=registry.get("community_garden").get_prep_value(
                registry.get("community_garden").to_python(GARDEN)
            ),
        )
        cls.repair = programme("Popravljalnica Golnik", "repair_cafe", community=cls.golnik)

    def setUp(self):
        self.client.force_login(self.editor)

    @override_settings(PROGRAMME_PLUGINS=WITHOUT_GARDENS)
    def test_a_turned_off_type_is_hidden_from_the_public(self):
        self.assertEqual(list(Programme.objects.public()), [self.repair])
        self.assertIsNone(registry.get("community_garden"))
        self.assertEqual(section_of(self.garden), "")

    @override_settings(PROGRAMME_PLUGINS=WITHOUT_GARDENS)
    def test_the_add_menu_no_longer_offers_it(self):
        response = self.client.get(add_url())
        self.assertContains(response, add_url("repair_cafe"))
        self.assertNotContains(response, add_url("community_garden"))
        self.assertRedirects(self.client.get(add_url("community_garden")), add_url())

    @override_settings(PROGRAMME_PLUGINS=WITHOUT_GARDENS)
    def test_the_admin_still_lists_and_edits_it_keeping_its_details(self):
        response = self.client.get(admin_url("list"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Skupnostni vrt Golnik")
        self.assertContains(response, "turned off")

        edit = admin_url("edit", self.garden.pk)
        response = self.client.get(edit)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("details", response.context["form"].fields)
        self.assertContains(response, "is turned off")

        data = form_data(self.client, edit, title="Vrt pod Storžičem", **{"action-publish": "1"})
        self.assertEqual(self.client.post(edit, data).status_code, 302)
        self.garden.refresh_from_db()
        self.assertEqual(self.garden.title, "Vrt pod Storžičem")
        self.assertEqual(self.garden.details["plots_total"], 12)
        self.assertEqual(self.garden.details["plots_free"], 3)

        for name in ("history", "usage"):
            self.assertEqual(
                self.client.get(admin_url(name, self.garden.pk)).status_code, 200, name
            )

    def test_turning_it_back_on_restores_it(self):
        with override_settings(PROGRAMME_PLUGINS=WITHOUT_GARDENS):
            edit = admin_url("edit", self.garden.pk)
            data = form_data(
                self.client, edit, title="Vrt pod Storžičem", **{"action-publish": "1"}
            )
            self.client.post(edit, data)
        with override_settings(PROGRAMME_PLUGINS=None):
            self.assertIn(self.garden, Programme.objects.public())
            html = section_of(Programme.objects.get(pk=self.garden.pk))
            self.assertIn("12 plots", html)
            response = self.client.get(admin_url("edit", self.garden.pk))
            self.assertEqual(response.context["form"].initial["details"]["plots_free"], 3)
            self.assertContains(self.client.get(add_url()), add_url("community_garden"))

    @override_settings(PROGRAMME_PLUGINS=[])
    def test_with_every_type_off_nothing_breaks(self):
        self.assertEqual(list(Programme.objects.public()), [])
        response = self.client.get(add_url())
        self.assertContains(response, "No programme type is turned on")
        self.assertEqual(self.client.get(admin_url("list")).status_code, 200)
        self.assertEqual(self.client.get(admin_url("edit", self.repair.pk)).status_code, 200)


class BuiltInTypesInTheAdminTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = in_english(cls.create_superuser("urednica", password="x"))

    def setUp(self):
        self.client.force_login(self.editor)

    def test_every_built_in_type_has_a_working_form(self):
        for key in (
            "repair_cafe",
            "community_garden",
            "intergenerational",
            "energy_advice",
            "workshop",
        ):
            with self.subTest(key):
                response = self.client.get(add_url(key))
                self.assertEqual(response.status_code, 200)
                self.assertIn("details", response.context["form"].fields)

    def test_a_garden_cannot_have_more_free_plots_than_plots(self):
        url = add_url("community_garden")
        data = form_data(
            self.client,
            url,
            title="Vrt Zlato polje",
            summary="Gredice za vse.",
            details={
                "plots_total": "4",
                "plots_free": "6",
                "season_start": "3",
                "season_end": "10",
            },
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        error = response.context["form"].errors["details"].as_data()[0].block_errors["plots_free"]
        with translation.override("en"):
            self.assertIn("more free plots than plots in total", str(error.messages[0]))

        data.update({"details-plots_free": "2"})
        self.assertEqual(self.client.post(url, data).status_code, 302)
        garden = Programme.objects.get()
        self.assertEqual(garden.details["plots_free"], 2)
        self.assertIn("from March to October", section_of(garden))

    def test_a_repair_cafe_lists_what_gets_repaired(self):
        url = add_url("repair_cafe")
        data = form_data(
            self.client,
            url,
            title="Popravljalnica Stražišče",
            summary="Prinesite pokvarjene stvari.",
            details={
                "repair_categories": list_block(["textiles", "bicycles"]),
                "tools_available": list_block(["šivalni stroj"]),
                "volunteers_needed": "on",
                "volunteer_skills": "šivanje",
            },
        )
        self.assertEqual(self.client.post(url, data).status_code, 302)
        html = section_of(Programme.objects.get())
        self.assertIn("textiles and clothes, bicycles", html)
        self.assertIn("šivalni stroj", html)
        self.assertIn("Skills wanted: šivanje.", html)


class Sauna(registry.ProgrammePlugin):
    key = "community_sauna"
    label = "shared sauna"


class UninstalledTypeTests(WagtailTestUtils, TestCase):
    """A programme whose type's plugin was uninstalled (its package removed) keeps the
    type's label for the admin; filters for that type, or any unknown one, list nothing."""

    @classmethod
    def setUpTestData(cls):
        cls.golnik = builders.community("KS Golnik")
        cls.editor = in_english(cls.create_superuser("urednica", password="x"))
        registry.register(Sauna)
        try:
            cls.sauna = programme("Savna pod Storžičem", "community_sauna", community=cls.golnik)
        finally:
            registry.unregister("community_sauna")
        cls.repair = programme("Popravljalnica Golnik", "repair_cafe", community=cls.golnik)

    def setUp(self):
        self.client.force_login(self.editor)

    def test_the_admin_listing_names_the_type_by_the_label_it_kept(self):
        self.assertEqual(self.sauna.programme_type_label, "shared sauna")
        response = self.client.get(admin_url("list"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Savna pod Storžičem")
        self.assertContains(response, "shared sauna (not installed)")
        self.assertNotContains(response, ">community_sauna<")

        response = self.client.get(admin_url("edit", self.sauna.pk))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The programme type “shared sauna” is not installed")

    def test_the_admin_filter_finds_its_programmes_and_an_unknown_type_lists_nothing(self):
        response = self.client.get(admin_url("list"), {"programme_type": "community_sauna"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(list(response.context["object_list"]), [self.sauna])
        choices = dict(response.context["filters"].form.fields["programme_type"].choices)
        with translation.override("en"):
            self.assertEqual(str(choices["community_sauna"]), "shared sauna (not installed)")
        for unknown in ("no_such_type", "<script>"):
            response = self.client.get(admin_url("list"), {"programme_type": unknown})
            self.assertEqual(response.status_code, 200)
            self.assertEqual(list(response.context["object_list"]), [], unknown)

    def test_the_api_and_the_public_listings_give_an_empty_list_for_an_unknown_type(self):
        for unknown in ("community_sauna", "no_such_type"):
            response = self.client.get("/api/v2/programmes/", {"type": unknown})
            self.assertEqual(response.status_code, 200, unknown)
            self.assertEqual(response.json()["items"], [])
            for url in (self.golnik.url + "programi/", "/programi/"):
                response = self.client.get(url, {"type": unknown})
                self.assertEqual(response.status_code, 200, (url, unknown))
                self.assertEqual(list(response.context["programmes_page"].object_list), [])
        response = self.client.get("/api/v2/programmes/", {"type": "repair_cafe"})
        self.assertEqual([item["title"] for item in response.json()["items"]], [self.repair.title])
        response = self.client.get(self.golnik.url + "programi/", {"type": "repair_cafe"})
        self.assertContains(response, self.repair.title)

    def test_a_type_key_no_programme_type_could_have_is_still_refused(self):
        response = self.client.get("/api/v2/programmes/", {"type": "x" * 51})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["parameter"], "type")
        response = self.client.get(self.golnik.url + "programi/", {"type": "a\x00b"})
        self.assertEqual(response.status_code, 400)


class KeptTypeLabelTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = in_english(cls.create_superuser("urednica", password="x"))

    def test_the_label_is_kept_in_the_sites_language_whoever_saves(self):
        self.client.force_login(self.editor)
        url = add_url("repair_cafe")
        data = form_data(
            self.client,
            url,
            title="Popravljalnica Stražišče",
            summary="Prinesite pokvarjene stvari.",
            details={"repair_categories": list_block([]), "tools_available": list_block([])},
        )
        self.assertEqual(self.client.post(url, data).status_code, 302)
        self.assertEqual(Programme.objects.get().programme_type_label, "popravljalnica")

    def test_the_migration_gives_existing_programmes_their_types_label(self):
        keep_type_labels = import_module(
            "programmes.migrations.0003_programme_type_label_and_json_encoder"
        ).keep_type_labels
        programme("Popravljalnica Golnik", "repair_cafe")
        programme("Savna", "community_sauna")
        Programme.objects.update(programme_type_label="")
        keep_type_labels(django_apps, None)
        self.assertEqual(
            dict(Programme.objects.values_list("programme_type", "programme_type_label")),
            {"repair_cafe": "popravljalnica", "community_sauna": ""},
        )
