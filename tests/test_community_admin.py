"""What a KS editor sees and cannot do in the admin beyond the object matrix."""

from django.core import mail
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text

from portal.base.models import ContentPage
from portal.communities.models import CommunityPage
from portal.communities.provisioning import approval_workflow, provision_community
from portal.outbox import sender
from portal.outbox.models import OutboxMessage
from portal.stakeholders.models import Stakeholder
from tests import builders
from tests.test_community_boundary import BoundaryTestCase


class HiddenFromOtherCommunitiesTests(BoundaryTestCase):
    """Another KS's drafts and rows appear in no listing, search or chooser."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        draft = builders.publish(
            cls.strazisce["community"], ContentPage(title="Skrivni osnutek Stražišče")
        )
        draft.unpublish()
        cls.foreign_draft = draft
        private = builders.publish(
            cls.strazisce["community"], ContentPage(title="Skrivna zasebna stran Stražišče")
        )
        PageViewRestriction.objects.create(
            page=private, restriction_type="password", password="geslo"
        )
        cls.foreign_private = private
        # A live page of Stražišče with a new title in a draft not yet published.
        renamed = cls.strazisce["content"]
        renamed.title = "Skrivni novi naslov Stražišče"
        renamed.save_revision()

    def assertHidden(self, url, *texts):
        self.client.force_login(self.ks_editor)
        response = self.client.get(url)
        self.assertIn(response.status_code, (200, 302, 403, 404))
        html = ""
        if response.status_code == 200:
            body = b"".join(response.streaming_content) if response.streaming else response.content
            html = body.decode()
        for text in texts:
            self.assertNotIn(text, html, url)

    def test_listings_searches_and_choosers(self):
        home = builders.home_page()
        ks = self.strazisce["community"]
        draft = "Skrivni osnutek"
        checks = [
            (reverse("wagtailadmin_explore", args=[home.pk]), [ks.title]),
            (reverse("wagtailadmin_explore", args=[ks.pk]), [draft, "Prostor Stražišče"]),
            (reverse("wagtailadmin_pages:search") + "?q=Stražišče", [draft, "Prostor Stražišče"]),
            (reverse("wagtailadmin_pages:search") + "?q=osnutek", [draft]),
            (reverse("wagtailadmin_choose_page_child", args=[ks.pk]), [draft]),
            (reverse("wagtailadmin_choose_page_search") + "?q=osnutek", [draft]),
            (reverse("wagtailsnippets_stakeholders_stakeholder:list"), ["Društvo Stražišče"]),
            (
                reverse("wagtailsnippets_stakeholders_stakeholder:list") + "?q=Stražišče",
                ["Društvo Stražišče"],
            ),
            (
                reverse("wagtailsnippets_stakeholders_stakeholder:list") + "?export=csv",
                ["Društvo Stražišče"],
            ),
            (
                reverse("wagtailsnippetchoosers_stakeholders_stakeholder:choose"),
                ["Društvo Stražišče"],
            ),
            (reverse("wagtailimages:index"), ["Slika Stražišče"]),
            (reverse("wagtailimages_chooser:choose"), ["Slika Stražišče"]),
            (reverse("wagtaildocs:index"), ["Dokument Stražišče"]),
            (reverse("wagtaildocs_chooser:choose"), ["Dokument Stražišče"]),
            (reverse("wagtailadmin_home"), [draft, "Društvo Stražišče"]),
            (reverse("wagtailadmin_reports:site_history"), [draft, "Društvo Stražišče"]),
        ]
        for url, texts in checks:
            with self.subTest(url=url):
                self.assertHidden(url, *texts)

    def test_page_choosers_reports_moves_and_workflow_previews(self):
        """Titles of another KS's drafts and private pages, and draft titles of its live
        pages, appear nowhere, whichever page id is asked for."""
        secrets = ["Skrivni osnutek", "Skrivna zasebna", "Skrivni novi naslov"]
        draft, private = self.foreign_draft, self.foreign_private
        own_ks, own_page = self.golnik["community"], self.golnik["content"]
        task = approval_workflow().tasks.first()
        chooser = reverse("wagtailadmin_choose_page")
        checks = [
            reverse("wagtailadmin_choose_page_child", args=[draft.pk]),
            reverse("wagtailadmin_choose_page_child", args=[private.pk]),
            reverse("wagtailadmin_choose_page_child", args=[self.strazisce["community"].pk]),
            chooser + "?page_type=base.contentpage",
            reverse("wagtailadmin_choose_page_search") + "?q=Hišni",
            reverse("wagtailadmin_choose_page_search") + "?q=Hisni&page_type=base.contentpage",
            reverse("wagtailadmin_choose_page_chosen_multiple")
            + f"?id={draft.pk}&id={private.pk}&id={self.strazisce['content'].pk}",
            reverse("wagtailadmin_reports:page_types_usage"),
            reverse("wagtailadmin_reports:page_types_usage_results"),
            reverse("wagtailadmin_pages:move_confirm", args=[draft.pk, own_ks.pk]),
            reverse("wagtailadmin_pages:move_confirm", args=[private.pk, own_ks.pk]),
            reverse("wagtailadmin_pages:move_confirm", args=[own_page.pk, draft.pk]),
            reverse("wagtailadmin_pages:move_confirm", args=[own_page.pk, private.pk]),
            reverse("wagtailadmin_pages:workflow_preview", args=[draft.pk, task.pk]),
            reverse("wagtailadmin_pages:workflow_preview", args=[private.pk, task.pk]),
            reverse(
                "wagtailadmin_pages:workflow_preview", args=[self.strazisce["content"].pk, task.pk]
            ),
        ]
        for url in checks:
            with self.subTest(url=url):
                self.assertHidden(url, *secrets)
                self.assertHidden(url + ("&" if "?" in url else "?") + "p=1", *secrets)

    def test_the_refusals_do_not_hide_what_is_ones_own(self):
        own_ks, own_page = self.golnik["community"], self.golnik["content"]
        own_page.title = "Nov naslov v osnutku"
        own_page.save_revision()
        self.client.force_login(self.ks_editor)
        search = self.client.get(reverse("wagtailadmin_choose_page_search") + "?q=Hišni")
        self.assertContains(search, "Nov naslov v osnutku")
        move = self.client.get(
            reverse("wagtailadmin_pages:move_confirm", args=[own_page.pk, own_ks.pk])
        )
        self.assertEqual(move.status_code, 200)
        self.assertContains(move, "Nov naslov v osnutku")
        # The page types report counts the editor's own KS and names its last edited page.
        report = self.client.get(reverse("wagtailadmin_reports:page_types_usage"))
        self.assertContains(report, "Nov naslov v osnutku")
        self.client.force_login(self.municipal)
        report = self.client.get(reverse("wagtailadmin_reports:page_types_usage"))
        self.assertContains(report, "Nov naslov v osnutku")
        foreign_move = self.client.get(
            reverse("wagtailadmin_pages:move_confirm", args=[self.foreign_draft.pk, own_ks.pk])
        )
        self.assertContains(foreign_move, "Skrivni osnutek")

    def test_own_rows_are_listed(self):
        self.client.force_login(self.ks_editor)
        listing = self.client.get(reverse("wagtailsnippets_stakeholders_stakeholder:list"))
        self.assertContains(listing, "Društvo Golnik")
        search = self.client.get(
            reverse("wagtailsnippets_stakeholders_stakeholder:list") + "?q=Golnik"
        )
        self.assertContains(search, "Društvo Golnik")
        images = self.client.get(reverse("wagtailimages_chooser:choose"))
        self.assertContains(images, "Slika Golnik")

    def test_municipal_rows_can_be_chosen_but_not_edited(self):
        luk = Stakeholder.objects.create(name="Ljudska univerza Kranj", sector="public")
        luk.save_revision()
        self.client.force_login(self.ks_editor)
        chooser = self.client.get(reverse("wagtailsnippetchoosers_stakeholders_stakeholder:choose"))
        self.assertContains(chooser, "Ljudska univerza Kranj")
        edit = self.client.get(
            reverse("wagtailsnippets_stakeholders_stakeholder:edit", args=[luk.pk])
        )
        self.assertEqual(edit.status_code, 404)
        listing = self.client.get(reverse("wagtailsnippets_stakeholders_stakeholder:list"))
        self.assertNotContains(listing, "Ljudska univerza Kranj")


class NoEscapeTests(BoundaryTestCase):
    def test_cannot_create_a_row_for_another_ks_or_the_municipality(self):
        self.client.force_login(self.ks_editor)
        url = reverse("wagtailsnippets_stakeholders_stakeholder:add")
        form = self.client.get(url)
        self.assertContains(form, "KS Golnik")
        self.assertNotContains(form, "KS Stražišče")
        for community in (self.strazisce["community"].pk, ""):
            response = self.client.post(
                url, {"name": "Tuje društvo", "sector": "ngo", "community": community}
            )
            self.assertEqual(response.status_code, 200)
            self.assertFalse(Stakeholder.objects.filter(name="Tuje društvo").exists())
        self.client.post(
            url, {"name": "Naše društvo", "sector": "ngo", "community": self.golnik["community"].pk}
        )
        self.assertEqual(
            Stakeholder.objects.get(name="Naše društvo").community, self.golnik["community"]
        )

    def test_cannot_move_pages_across_the_boundary(self):
        self.client.force_login(self.ks_editor)
        own, foreign = self.golnik["content"], self.strazisce["content"]
        out_of_own = reverse(
            "wagtailadmin_pages:move_confirm", args=[own.pk, self.strazisce["community"].pk]
        )
        into_own = reverse(
            "wagtailadmin_pages:move_confirm", args=[foreign.pk, self.golnik["community"].pk]
        )
        to_home = reverse("wagtailadmin_pages:move_confirm", args=[own.pk, builders.home_page().pk])
        for url in (out_of_own, into_own, to_home):
            with self.subTest(url=url):
                response, changed = self.respond(self.ks_editor, ("post", url, {}))
                self.assertRefused(response, changed)

    def test_cannot_manage_users_or_groups_or_escalate(self):
        user_edit = reverse("wagtailusers_users:edit", args=[self.ks_editor.pk])
        for method, url, data in (
            ("get", reverse("wagtailusers_users:index"), None),
            ("get", reverse("wagtailusers_groups:index"), None),
            ("get", user_edit, None),
            (
                "post",
                user_edit,
                {
                    "username": "ks-golnik",
                    "email": "x@example.org",
                    "first_name": "K",
                    "last_name": "S",
                    "is_active": "on",
                    "is_superuser": "on",
                    "groups": [g.pk for g in self.municipal.groups.all()],
                },
            ),
            ("get", reverse("wagtailadmin_workflows:index"), None),
        ):
            with self.subTest(url=url, method=method):
                response, changed = self.respond(self.ks_editor, (method, url, data))
                self.assertRefused(response, changed)
        self.ks_editor.refresh_from_db()
        self.assertFalse(self.ks_editor.is_superuser)
        self.assertEqual(self.ks_editor.groups.count(), 1)

    def test_cannot_pick_another_ks_image_for_a_page(self):
        own_page = self.golnik["space"]
        foreign_image = self.strazisce["image"]
        data = self.edit_form_data(
            reverse("wagtailadmin_pages:edit", args=[own_page.pk]), form_id="page-edit-form"
        ).copy()
        data["image"] = foreign_image.pk
        data["action-publish"] = "1"
        self.client.force_login(self.ks_editor)
        self.client.post(reverse("wagtailadmin_pages:edit", args=[own_page.pk]), data)
        own_page.refresh_from_db()
        self.assertIsNone(own_page.image_id)
        own_image = self.golnik["image"]
        data["image"] = own_image.pk
        self.client.post(reverse("wagtailadmin_pages:edit", args=[own_page.pk]), data)
        own_page.refresh_from_db()
        self.assertEqual(own_page.image_id, own_image.pk)


class ApprovalWorkflowTests(BoundaryTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        ks = cls.golnik["community"]
        CommunityPage.objects.filter(pk=ks.pk).update(requires_approval=True)
        ks.refresh_from_db()
        provision_community(ks)

    def submit_new_page(self, title):
        ks = self.golnik["community"]
        self.client.force_login(self.ks_editor)
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=["base", "contentpage", ks.pk]),
            nested_form_data(
                {"title": title, "slug": "predlog", "body": rich_text(""), "action-submit": "1"}
            ),
        )
        self.assertEqual(response.status_code, 302)
        return Page.objects.get(slug="predlog")

    def test_ks_editor_can_only_submit_and_the_municipality_sees_the_task(self):
        page = self.submit_new_page("Predlog za urnik")
        self.assertFalse(page.live)
        state = WorkflowState.objects.get(object_id=str(page.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)

        # The KS editor has no publish button at all.
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assertNotContains(edit, 'name="action-publish"')

        self.client.force_login(self.municipal)
        dashboard = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(dashboard, "Predlog za urnik")

    def test_the_municipal_editors_hear_of_a_submission_by_mail_through_the_outbox(self):
        self.municipal.email = "obcina@example.org"
        self.municipal.save()
        self.submit_new_page("Predlog za urnik")
        self.assertTrue(OutboxMessage.objects.filter(recipients="obcina@example.org").exists())
        self.assertEqual(mail.outbox, [])  # Wagtail's notification waits for the sender
        sender.send_due()
        [message] = [sent for sent in mail.outbox if sent.to == ["obcina@example.org"]]
        self.assertIn("Predlog za urnik", message.subject)

    def test_approval_publishes(self):
        page = self.submit_new_page("Predlog za urnik")
        task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
        self.client.force_login(self.municipal)
        response = self.client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
            {"comment": ""},
        )
        self.assertIn(response.status_code, (200, 302))
        page.refresh_from_db()
        self.assertTrue(page.live)

    def test_rejection_returns_it_with_the_comment(self):
        page = self.submit_new_page("Predlog za urnik")
        task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
        self.client.force_login(self.municipal)
        self.client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]),
            {"comment": "Dodajte uro začetka, prosim."},
        )
        page.refresh_from_db()
        self.assertFalse(page.live)
        task_state.refresh_from_db()
        self.assertEqual(task_state.status, task_state.STATUS_REJECTED)
        self.client.force_login(self.ks_editor)
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        self.assertContains(edit, "Dodajte uro začetka, prosim.")

    def test_ks_editor_cannot_publish_by_forging_the_button(self):
        page = self.submit_new_page("Predlog za urnik")
        data = self.edit_form_data(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), form_id="page-edit-form"
        ).copy()
        data["action-publish"] = "1"
        self.client.force_login(self.ks_editor)
        self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        page.refresh_from_db()
        self.assertFalse(page.live)


class LookalikeNameTests(BoundaryTestCase):
    """A KS cannot be renamed to pass for another: names are NFKC-normalised, and
    characters nobody sees or letters of two alphabets are refused with the reason."""

    def rename(self, user, title=None, slug=None):
        ks = self.golnik["community"]
        url = reverse("wagtailadmin_pages:edit", args=[ks.pk])
        data = self.edit_form_data(url, form_id="page-edit-form").copy()
        data["title"] = title if title is not None else data["title"]
        data["slug"] = slug if slug is not None else data["slug"]
        data["action-publish"] = "1"
        self.client.force_login(user)
        return self.client.post(url, data)

    def assertRefused(self, response, field, message):
        self.assertEqual(response.status_code, 200)  # the form again, with the reason
        errors = " ".join(response.context["form"].errors.get(field, []))
        self.assertIn(message, errors)
        self.assertContains(response, message)
        before = self.golnik["community"]
        ks = CommunityPage.objects.get(pk=before.pk)
        self.assertEqual(
            (ks.title, ks.slug, ks.draft_title), ("KS Golnik", before.slug, "KS Golnik")
        )
        self.assertEqual(ks.latest_revision_id, before.latest_revision_id)
        self.assertEqual(ks.editors_group.name, "KS Golnik – uredniki")

    def test_invisible_characters_are_refused_naming_them(self):
        for title in ("KS Straž\u200bišče", "KS Stražišče\u202e", "\ufeffKS Stražišče"):
            with self.subTest(title=ascii(title)):
                response = self.rename(self.ks_editor, title=title)
                self.assertRefused(response, "title", "Vsebuje 1 znak, ki se ne vidi: U+")
        response = self.rename(self.ks_editor, title="KS Straž\u200bi\u200dšče")
        self.assertRefused(response, "title", "Vsebuje 2 znaka, ki se ne vidita")
        response = self.rename(self.municipal, slug="strazisce\u200c")
        self.assertRefused(response, "slug", "U+200C ZERO WIDTH NON-JOINER")

    def test_letters_of_two_alphabets_are_refused(self):
        response = self.rename(self.ks_editor, title="KS Str\u0430žišče")  # a Cyrillic "а"
        self.assertRefused(response, "title", "meša črke različnih pisav")

    def test_a_name_that_normalises_to_another_ks_is_refused(self):
        for title in ("ＫＳ Ｓｔｒａžišče", "KS\u00a0STRAŽIŠČE", "KS  Stražišče "):
            with self.subTest(title=title):
                response = self.rename(self.municipal, title=title)
                self.assertRefused(response, "title", "s tem imenom že obstaja")

    def test_a_name_is_saved_in_its_plain_form(self):
        response = self.rename(self.ks_editor, title="KS Golnik\u00a0pod Storžičem")
        self.assertEqual(response.status_code, 302)
        ks = CommunityPage.objects.get(pk=self.golnik["community"].pk)
        self.assertEqual(ks.title, "KS Golnik pod Storžičem")
        self.assertEqual(ks.editors_group.name, "KS Golnik pod Storžičem – uredniki")
