"""A KS editor works on their own KS and nothing else, through every admin action.

The matrix: for each kind of object (every page type, a stakeholder snippet, an image, a
document) and each admin action, the KS Golnik editor succeeds on Golnik's object and is
refused on Stražišče's with nothing changed in the database; the municipal editor
succeeds on both. "Refused" is a 403 or 404, or Wagtail's own refusal: a redirect to the
dashboard with its "Sorry, you do not have permission" message. Never a 200, never a 500.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.test import TestCase
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Revision, WorkflowState
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from portal.base.models import ContentPage
from portal.communities.provisioning import (
    add_community_editor,
    ensure_municipal_editors,
    provision_community,
)
from portal.events.models import EventCalendarPage
from portal.news.models import NewsIndexPage, NewsPage
from portal.stakeholders.models import Stakeholder
from programmes.models import Programme
from tests import builders
from tests.programme_helpers import admin_url as programme_url
from tests.programme_helpers import browser_form_data, list_block, programme

STAKEHOLDERS = "wagtailsnippets_stakeholders_stakeholder"
# The block fields of a repair café as the admin's editor posts them (built by JavaScript).
REPAIR_CAFE_DETAILS = nested_form_data(
    {"details": {"repair_categories": list_block([]), "tools_available": list_block(["lepilo"])}}
)


def build_section(name):
    """A provisioned KS with one object of every kind."""
    ks = builders.community(f"KS {name}")
    provision_community(ks)
    ks.refresh_from_db()
    calendar = EventCalendarPage.objects.child_of(ks).get()
    news_index = NewsIndexPage.objects.child_of(ks).get()
    space = builders.space(ks, f"Prostor {name}")
    stakeholder = Stakeholder.objects.create(name=f"Društvo {name}", sector="ngo", community=ks)
    stakeholder.save_revision()
    repair_cafe = programme(f"Popravljalnica {name}", community=ks, organisers=[stakeholder])
    return {
        "community": ks,
        "space": space,
        "calendar": calendar,
        "event": builders.event(calendar, f"Dogodek {name}", space=space),
        "news_index": news_index,
        "news": builders.news(news_index, f"Novica {name}"),
        "content": builders.publish(ks, ContentPage(title=f"Hišni red {name}", body="<p>Red</p>")),
        "stakeholder": stakeholder,
        "programme": repair_cafe,
        "image": Image.objects.create(
            title=f"Slika {name}", file=get_test_image_file(), collection=ks.collection
        ),
        "document": Document.objects.create(
            title=f"Dokument {name}",
            file=ContentFile(b"Hisni red", name=f"red-{ks.slug}.txt"),
            collection=ks.collection,
        ),
    }


def database_state():
    """What any refused action must leave exactly as it was."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk",
                "title",
                "draft_title",
                "slug",
                "live",
                "path",
                "locked",
                "has_unpublished_changes",
                "latest_revision_id",
            )
        ),
        "stakeholders": list(
            Stakeholder.objects.order_by("pk").values_list(
                "pk", "name", "community_id", "latest_revision_id"
            )
        ),
        "programmes": list(
            Programme.objects.order_by("pk").values_list(
                "pk", "title", "community_id", "live", "locked", "latest_revision_id"
            )
        ),
        "images": list(Image.objects.order_by("pk").values_list("pk", "title", "collection_id")),
        "documents": list(
            Document.objects.order_by("pk").values_list("pk", "title", "collection_id")
        ),
        "revisions": Revision.objects.count(),
        "workflows": WorkflowState.objects.count(),
    }


class BoundaryTestCase(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        municipal_group = ensure_municipal_editors()
        cls.golnik = build_section("Golnik")
        cls.strazisce = build_section("Stražišče")
        cls.superuser = cls.create_superuser("skrbnik", password="x")
        cls.ks_editor = cls.create_user("ks-golnik", password="x")
        add_community_editor(cls.golnik["community"], cls.ks_editor)
        cls.municipal = cls.create_user("obcina", password="x")
        cls.municipal.groups.add(municipal_group)

    def respond(self, user, request):
        """Make `request` (method, url, data) as `user`, then undo whatever it did."""
        method, url, data = request
        self.client.force_login(user)
        savepoint = transaction.savepoint()
        try:
            before = database_state()
            response = getattr(self.client, method)(url, data or {})
            changed = database_state() != before
        finally:
            transaction.savepoint_rollback(savepoint)
        return response, changed

    def assertRefused(self, response, changed):
        dashboard = reverse("wagtailadmin_home")
        refused = response.status_code in (403, 404) or (
            response.status_code == 302 and response["Location"] == dashboard
        )
        self.assertTrue(refused, f"not refused: {response.status_code} {response.get('Location')}")
        self.assertFalse(changed, "a refused action changed the database")

    def assertAllowed(self, response, changed, method):
        self.assertIn(response.status_code, (200, 302))
        if response.status_code == 302:
            self.assertNotEqual(response["Location"], reverse("wagtailadmin_home"))
            self.assertNotIn("/login/", response["Location"])
        if method == "post":
            self.assertTrue(changed, "the action was accepted but changed nothing")

    def check_matrix(self, kind, make_request):
        """Golnik's editor: yes on Golnik, no on Stražišče; the municipality: yes on both."""
        cases = [
            (self.ks_editor, self.golnik, True),
            (self.ks_editor, self.strazisce, False),
            (self.municipal, self.golnik, True),
            (self.municipal, self.strazisce, True),
        ]
        for user, section, allowed in cases:
            request = make_request(section[kind], section)
            with self.subTest(user=user.username, ks=section["community"].name, url=request[1]):
                response, changed = self.respond(user, request)
                if allowed:
                    self.assertAllowed(response, changed, request[0])
                else:
                    self.assertRefused(response, changed)

    def edit_form_data(self, url, form_id="w-editor-form"):
        self.client.force_login(self.superuser)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return browser_form_data(response.content.decode(), form_id=form_id)


PAGE_KINDS = ["community", "space", "calendar", "event", "news_index", "news", "content"]
LEAF_PAGE_KINDS = ["space", "event", "news", "content"]


def page_edit(page, section):
    return ("get", reverse("wagtailadmin_pages:edit", args=[page.pk]), None)


class PageMatrixTests(BoundaryTestCase):
    def page_post(self, page, **extra):
        data = self.edit_form_data(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), form_id="page-edit-form"
        ).copy()
        data["title"] = f"{page.title} (popravljeno)"
        if isinstance(page.specific, NewsPage):
            # The body's block editor is rendered by JavaScript, so its fields are built here.
            data.update(nested_form_data({"body": streamfield([("paragraph", rich_text(""))])}))
        data.update(extra)
        return ("post", reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    def test_open_the_edit_form(self):
        for kind in PAGE_KINDS:
            self.check_matrix(kind, page_edit)

    def test_save_a_draft(self):
        for kind in PAGE_KINDS:
            self.check_matrix(kind, lambda page, section: self.page_post(page))

    def test_publish(self):
        for kind in PAGE_KINDS:
            self.check_matrix(
                kind, lambda page, section: self.page_post(page, **{"action-publish": "1"})
            )

    def test_unpublish(self):
        for kind in LEAF_PAGE_KINDS:
            self.check_matrix(
                kind,
                lambda page, section: (
                    "post",
                    reverse("wagtailadmin_pages:unpublish", args=[page.pk]),
                    {},
                ),
            )

    def test_delete(self):
        for kind in LEAF_PAGE_KINDS:
            self.check_matrix(
                kind,
                lambda page, section: (
                    "post",
                    reverse("wagtailadmin_pages:delete", args=[page.pk]),
                    {},
                ),
            )

    def test_copy_within_the_section(self):
        for kind in LEAF_PAGE_KINDS:
            self.check_matrix(
                kind,
                lambda page, section: (
                    "post",
                    reverse("wagtailadmin_pages:copy", args=[page.pk]),
                    {
                        "new_title": f"{page.title} 2",
                        "new_slug": f"{page.slug}-2",
                        "new_parent_page": page.get_parent().pk,
                        "publish_copies": "",
                    },
                ),
            )

    def test_move_within_the_section(self):
        def move_under_content_page(page, section):
            target = section["content"]
            return (
                "post",
                reverse("wagtailadmin_pages:move_confirm", args=[page.pk, target.pk]),
                {},
            )

        # A content page may hold content pages: move a second one under the first.
        for section in (self.golnik, self.strazisce):
            section["extra"] = builders.publish(
                section["community"], ContentPage(title=f"Dodatek {section['community'].pk}")
            )
        self.check_matrix("extra", move_under_content_page)

    def test_lock(self):
        for kind in PAGE_KINDS:
            self.check_matrix(
                kind,
                lambda page, section: (
                    "post",
                    reverse("wagtailadmin_pages:lock", args=[page.pk]),
                    {},
                ),
            )

    def test_history_and_revisions(self):
        for kind in PAGE_KINDS:
            self.check_matrix(
                kind,
                lambda page, section: (
                    "get",
                    reverse("wagtailadmin_pages:history", args=[page.pk]),
                    None,
                ),
            )
            self.check_matrix(
                kind,
                lambda page, section: (
                    "get",
                    reverse(
                        "wagtailadmin_pages:revisions_view",
                        args=[page.pk, page.latest_revision_id],
                    ),
                    None,
                ),
            )

    def test_bulk_actions(self):
        for action in ("delete", "unpublish"):
            for kind in LEAF_PAGE_KINDS:
                self.check_matrix(
                    kind,
                    lambda page, section, action=action: (
                        "post",
                        reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
                        + f"?id={page.pk}",
                        {},
                    ),
                )


class SnippetMatrixTests(BoundaryTestCase):
    def url(self, name, stakeholder, *args):
        return reverse(f"{STAKEHOLDERS}:{name}", args=[stakeholder.pk, *args])

    def test_views_of_one_stakeholder(self):
        for name in ("edit", "delete", "copy", "history", "usage"):
            self.check_matrix(
                "stakeholder", lambda obj, section, name=name: ("get", self.url(name, obj), None)
            )

    def test_revisions(self):
        def revision_view(obj, section):
            return ("get", self.url("revisions_view", obj, obj.latest_revision_id), None)

        def compare(obj, section):
            url = reverse(
                f"{STAKEHOLDERS}:revisions_compare",
                args=[obj.pk, "earliest", "latest"],
            )
            return ("get", url, None)

        def revert(obj, section):
            url = self.url("revisions_revert", obj, obj.latest_revision_id)
            data = self.edit_form_data(self.url("edit", obj)).copy()
            data["name"] = "Povrnjeno"
            return ("post", url, data)

        for make_request in (revision_view, compare, revert):
            self.check_matrix("stakeholder", make_request)

    def test_edit_and_delete(self):
        def edit(obj, section):
            data = self.edit_form_data(self.url("edit", obj)).copy()
            data["name"] = f"{obj.name} (popravljeno)"
            return ("post", self.url("edit", obj), data)

        self.check_matrix("stakeholder", edit)
        self.check_matrix("stakeholder", lambda obj, s: ("post", self.url("delete", obj), {}))

    def test_preview(self):
        def preview(obj, section):
            data = self.edit_form_data(self.url("edit", obj))
            return ("post", self.url("preview_on_edit", obj), data)

        for user, section, allowed in (
            (self.ks_editor, self.golnik, True),
            (self.ks_editor, self.strazisce, False),
            (self.municipal, self.strazisce, True),
        ):
            method, url, data = preview(section["stakeholder"], section)
            self.client.force_login(user)
            response = self.client.post(url, data)
            if allowed:
                self.assertEqual(response.status_code, 200)
                self.assertJSONEqual(response.content, {"is_valid": True, "is_available": True})
            else:
                self.assertRefused(response, changed=False)
                self.assertNotIn(b"is_valid", response.content)

    def test_bulk_delete(self):
        url = reverse("wagtail_bulk_action", args=["stakeholders", "stakeholder", "delete"])
        self.check_matrix("stakeholder", lambda obj, s: ("post", f"{url}?id={obj.pk}", {}))


class ProgrammeMatrixTests(BoundaryTestCase):
    def test_views_of_one_programme(self):
        for name in ("edit", "delete", "history", "usage"):
            self.check_matrix(
                "programme",
                lambda obj, section, name=name: ("get", programme_url(name, obj.pk), None),
            )

    def test_revisions(self):
        for make_request in (
            lambda obj, s: (
                "get",
                programme_url("revisions_view", obj.pk, obj.latest_revision_id),
                None,
            ),
            lambda obj, s: (
                "get",
                programme_url("revisions_compare", obj.pk, "earliest", "latest"),
                None,
            ),
        ):
            self.check_matrix("programme", make_request)

    def edit(self, obj, **extra):
        data = self.edit_form_data(programme_url("edit", obj.pk)).copy()
        data["title"] = f"{obj.title} (popravljeno)"
        data.update(REPAIR_CAFE_DETAILS, **extra)
        return ("post", programme_url("edit", obj.pk), data)

    def test_save_a_draft_and_publish(self):
        self.check_matrix("programme", lambda obj, section: self.edit(obj))
        self.check_matrix(
            "programme", lambda obj, section: self.edit(obj, **{"action-publish": "1"})
        )

    def test_unpublish_lock_and_delete(self):
        for name in ("unpublish", "lock", "delete"):
            self.check_matrix(
                "programme",
                lambda obj, section, name=name: ("post", programme_url(name, obj.pk), {}),
            )

    def test_preview(self):
        for user, section, allowed in (
            (self.ks_editor, self.golnik, True),
            (self.ks_editor, self.strazisce, False),
            (self.municipal, self.strazisce, True),
        ):
            url = programme_url("preview_on_edit", section["programme"].pk)
            data = self.edit_form_data(programme_url("edit", section["programme"].pk)).copy()
            data.update(REPAIR_CAFE_DETAILS)
            self.client.force_login(user)
            response = self.client.post(url, data)
            if allowed:
                self.assertJSONEqual(response.content, {"is_valid": True, "is_available": True})
            else:
                self.assertRefused(response, changed=False)

    def test_bulk_delete(self):
        url = reverse("wagtail_bulk_action", args=["programmes", "programme", "delete"])
        self.check_matrix("programme", lambda obj, s: ("post", f"{url}?id={obj.pk}", {}))

    def test_the_listing_shows_only_the_editors_own_ks(self):
        self.client.force_login(self.ks_editor)
        response = self.client.get(programme_url("list"))
        self.assertContains(response, "Popravljalnica Golnik")
        self.assertNotContains(response, "Popravljalnica Stražišče")

    def test_a_ks_editor_cannot_create_a_programme_in_another_ks(self):
        self.client.force_login(self.ks_editor)
        url = programme_url("add") + "?type=repair_cafe"
        data = self.edit_form_data(url).copy()
        self.client.force_login(self.ks_editor)
        data.update(
            REPAIR_CAFE_DETAILS,
            title="Vsiljivec",
            summary="Ni naš.",
            community=str(self.strazisce["community"].pk),
            organisers=str(self.strazisce["stakeholder"].pk),
        )
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("community", response.context["form"].errors)
        self.assertIn("organisers", response.context["form"].errors)
        self.assertFalse(Programme.objects.filter(title="Vsiljivec").exists())


class MediaMatrixTests(BoundaryTestCase):
    def test_images(self):
        def edit_post(image, section):
            url = reverse("wagtailimages:edit", args=[image.pk])
            data = self.edit_form_data(url).copy()
            data["title"] = "Nova slika"
            return ("post", url, data)

        for make_request in (
            lambda image, s: ("get", reverse("wagtailimages:edit", args=[image.pk]), None),
            edit_post,
            lambda image, s: ("post", reverse("wagtailimages:delete", args=[image.pk]), {}),
            lambda image, s: ("get", reverse("wagtailimages:image_usage", args=[image.pk]), None),
            lambda image, s: (
                "get",
                reverse("wagtailimages_chooser:chosen", args=[image.pk]),
                None,
            ),
        ):
            self.check_matrix("image", make_request)

    def test_documents(self):
        def edit_post(document, section):
            url = reverse("wagtaildocs:edit", args=[document.pk])
            data = self.edit_form_data(url).copy()
            data["title"] = "Nov dokument"
            return ("post", url, data)

        for make_request in (
            lambda doc, s: ("get", reverse("wagtaildocs:edit", args=[doc.pk]), None),
            edit_post,
            lambda doc, s: ("post", reverse("wagtaildocs:delete", args=[doc.pk]), {}),
            lambda doc, s: ("get", reverse("wagtaildocs:document_usage", args=[doc.pk]), None),
            lambda doc, s: ("get", reverse("wagtaildocs_chooser:chosen", args=[doc.pk]), None),
        ):
            self.check_matrix("document", make_request)

    def test_bulk_delete(self):
        for app_label, model, kind in (
            ("wagtailimages", "image", "image"),
            ("wagtaildocs", "document", "document"),
        ):
            url = reverse("wagtail_bulk_action", args=[app_label, model, "delete"])
            self.check_matrix(kind, lambda obj, s, url=url: ("post", f"{url}?id={obj.pk}", {}))


class UninstalledTypeBoundaryTests(BoundaryTestCase):
    def test_the_type_filter_names_only_the_editors_own_programmes_uninstalled_types(self):
        Programme.objects.filter(pk=self.strazisce["programme"].pk).update(
            programme_type="steam_bath", programme_type_label="parna kopel Stražišče"
        )
        self.client.force_login(self.ks_editor)
        response = self.client.get(programme_url("list"))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "parna kopel Stražišče")
        response = self.client.get(programme_url("list"), {"programme_type": "steam_bath"})
        self.assertEqual(list(response.context["object_list"]), [])
        self.client.force_login(self.municipal)
        response = self.client.get(programme_url("list"), {"programme_type": "steam_bath"})
        self.assertEqual(list(response.context["object_list"]), [self.strazisce["programme"]])
        self.assertContains(response, "parna kopel Stražišče")
