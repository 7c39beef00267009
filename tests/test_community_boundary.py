"""A KS editor works on their own KS and nothing else, through every admin action.

The matrix: for each kind of object (every page type, a stakeholder snippet, an image, a
document) and each admin action, the KS Golnik editor succeeds on Golnik's object and is
refused on Stražišče's with nothing changed in the database; the municipal editor
succeeds on both. "Refused" is a 403 or 404, or Wagtail's own refusal: a redirect to the
dashboard with its "Sorry, you do not have permission" message. Never a 200, never a 500.
The outgoing mail, which carries every KS's residents' personal data, is the municipality's
alone.
"""

import datetime
import json

from django.core import mail
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.blocks.base import get_error_json_data
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Revision,
    WorkflowState,
)
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from portal.base.models import RICH_TEXT_FEATURES, ContentPage
from portal.bookings import decisions
from portal.bookings.conflicts import Slot
from portal.bookings.models import BookingDate, BookingRequest
from portal.communities.models import CommunityPage
from portal.communities.provisioning import (
    add_community_editor,
    approval_workflow,
    ensure_municipal_editors,
    provision_community,
)
from portal.consultations.models import (
    Answer,
    ConsultationPage,
    Draw,
    DrawEntry,
    Offer,
    Response,
)
from portal.events.models import EventCalendarPage, EventPage
from portal.news.models import NewsIndexPage, NewsPage
from portal.outbox import sender
from portal.outbox.models import OutboxMessage
from portal.signups import booking as signup_booking
from portal.signups.models import SignUp, SignUpDate
from portal.spaces.models import SpacePage
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
        "bookings": list(BookingRequest.objects.order_by("pk").values_list("pk", "status")),
        "consultation_responses": list(Response.objects.order_by("pk").values_list("pk")),
        "prize_draws": (Draw.objects.count(), DrawEntry.objects.count()),
        "consultation_answers": list(
            Answer.objects.order_by("pk").values_list("pk", "approved_for_publication")
        ),
        "consultation_offers": list(
            Offer.objects.order_by("pk").values_list("pk", "stakeholder_id", "programme_id")
        ),
        "booking_dates": list(
            BookingDate.objects.order_by("pk").values_list("pk", "decision", "approved", "reason")
        ),
        "signup_dates": list(
            SignUpDate.objects.order_by("pk").values_list(
                "pk",
                "capacity",
                "deadline",
                "confirmed_places",
                "walk_ins",
                "attendance_recorded_at",
            )
        ),
        "signups": list(
            SignUp.objects.order_by("pk").values_list("pk", "status", "places", "attended")
        ),
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


BOOKINGS = "wagtailsnippets_bookings_bookingrequest"


class BookingMatrixTests(BoundaryTestCase):
    """Booking requests: the request's page, the whole-request decision and the per-date
    approve and decline URLs (issue 17)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        day = builders.today() + datetime.timedelta(days=8)
        for section in (cls.golnik, cls.strazisce):
            space = builders.space_with_hours(
                section["community"],
                f"Dvorana {section['community'].slug}",
                weekly=[(day.weekday(), "08:00", "22:00")],
            )
            section["booking"] = decisions.receive(
                space,
                None,
                [
                    Slot(
                        builders.at(day + datetime.timedelta(weeks=n), 17),
                        builders.at(day + datetime.timedelta(weeks=n), 19),
                    )
                    for n in range(2)
                ],
                name="Ana Novak",
                email="ana@example.org",
                purpose="Vaja zbora",
                is_public=False,
                attendance=10,
            )

    def url(self, name, booking, *args):
        return reverse(f"{BOOKINGS}:{name}", args=[booking.pk, *args])

    def test_the_request_page(self):
        self.check_matrix("booking", lambda obj, section: ("get", self.url("inspect", obj), None))

    def test_the_whole_request_decision(self):
        self.check_matrix(
            "booking",
            lambda obj, section: (
                "post",
                self.url("inspect", obj),
                {"decision": "decline", "message": "Prenova."},
            ),
        )

    def test_approve_and_decline_one_date(self):
        self.check_matrix(
            "booking",
            lambda obj, section: (
                "post",
                self.url("approve_date", obj, obj.dates.first().pk),
                None,
            ),
        )
        self.check_matrix(
            "booking",
            lambda obj, section: (
                "post",
                self.url("decline_date", obj, obj.dates.first().pk),
                {"reason": "Prenova."},
            ),
        )

    def test_a_date_of_another_ks_under_an_own_request_is_not_found(self):
        own, foreign = self.golnik["booking"], self.strazisce["booking"]
        request = ("post", self.url("approve_date", own, foreign.dates.first().pk), None)
        self.assertRefused(*self.respond(self.ks_editor, request))

    def test_the_listing_shows_only_the_editors_own_ks(self):
        self.client.force_login(self.ks_editor)
        listing = self.client.get(reverse(f"{BOOKINGS}:list")).content.decode()
        self.assertIn(self.url("inspect", self.golnik["booking"]), listing)
        self.assertNotIn(self.url("inspect", self.strazisce["booking"]), listing)


RESPONSES = "wagtailsnippets_consultations_response"
OFFERS = "wagtailsnippets_consultations_offer"


class ConsultationMatrixTests(BoundaryTestCase):
    """Consultations (issue 19): the page's edit form and history, a response's page and
    the listing of responses. Stražišče's editor would be refused Golnik's answers just
    as Golnik's editor is refused Stražišče's here."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for section in (cls.golnik, cls.strazisce):
            name = section["community"].name
            page = builders.consultation(section["community"], f"Posvet {name}")
            section["consultation"] = page
            response = Response.objects.create(consultation=page)
            section["answer"] = Answer.objects.create(
                response=response, question_id="potrebe", text=f"Klopi {name}"
            )
            section["response"] = response
            section["offer"] = Offer.objects.create(
                response=response,
                description=f"Popravljam kolesa, {name}",
                name="Ana Novak",
                email="ana@example.org",
                consent_to_contact=True,
            )

    def url(self, name, response):
        return reverse(f"{RESPONSES}:{name}", args=[response.pk])

    def test_the_consultation_page_in_the_editor(self):
        self.check_matrix("consultation", page_edit)
        self.check_matrix(
            "consultation",
            lambda page, section: (
                "get",
                reverse("wagtailadmin_pages:history", args=[page.pk]),
                None,
            ),
        )

    def test_the_workshop_entry_form(self):
        def workshop(page, section):
            return ("get", reverse("consultation_workshop_entry", args=[page.pk]), None)

        def enter_note(page, section):
            return (
                "post",
                reverse("consultation_workshop_entry", args=[page.pk]),
                {
                    "workshop_date": "7. 11. 2017",
                    "theme": "food",
                    "note_type": "need",
                    "text": "Skupnostni vrt",
                    "people_count": "3",
                },
            )

        self.check_matrix("consultation", workshop)
        self.check_matrix("consultation", enter_note)

    def test_the_prize_draw(self):
        """Both consultations closed with a prize and entries: the draw's page and the
        draw itself (each undone after the request)."""
        past = timezone.now() - datetime.timedelta(days=1)
        for section in (self.golnik, self.strazisce):
            page = section["consultation"]
            ConsultationPage.objects.filter(pk=page.pk).update(
                opens_at=past - datetime.timedelta(days=30), closes_at=past, draw_prize="Kolo"
            )
            for number in range(3):
                DrawEntry.objects.create(consultation=page, email=f"oseba{number}@example.org")

        def draw_page(page, section):
            return ("get", reverse("consultation_draw", args=[page.pk]), None)

        def draw(page, section):
            return (
                "post",
                reverse("consultation_draw", args=[page.pk]),
                {"winners_count": "2", "seed": "seme"},
            )

        self.check_matrix("consultation", draw_page)
        self.check_matrix("consultation", draw)

    def test_the_answers_to_approve_and_their_files(self):
        for name in (
            "consultation_answers",
            "consultation_export_responses_csv",
            "consultation_export_offers_csv",
            "consultation_export_xlsx",
        ):
            self.check_matrix(
                "consultation",
                lambda page, section, name=name: ("get", reverse(name, args=[page.pk]), None),
            )

    def test_publishing_and_hiding_answers(self):
        def publish(page, section):
            url = reverse("consultation_answers", args=[page.pk])
            return ("post", url, {"action": "publish", "answer": section["answer"].pk})

        self.check_matrix("consultation", publish)
        for section in (self.golnik, self.strazisce):
            Answer.objects.filter(pk=section["answer"].pk).update(approved_for_publication=True)

        def hide(page, section):
            url = reverse("consultation_answers", args=[page.pk])
            return ("post", url, {"action": "hide", "answer": section["answer"].pk})

        self.check_matrix("consultation", hide)

    def test_a_response_page(self):
        self.check_matrix("response", lambda obj, section: ("get", self.url("inspect", obj), None))

    def test_an_offer_its_page_and_what_it_becomes(self):
        def offer_url(name, offer):
            return reverse(f"{OFFERS}:{name}", args=[offer.pk])

        self.check_matrix("offer", lambda obj, section: ("get", offer_url("inspect", obj), None))
        self.check_matrix(
            "offer", lambda obj, section: ("post", offer_url("make_stakeholder", obj), {})
        )
        self.check_matrix(
            "offer",
            lambda obj, section: (
                "post",
                offer_url("make_programme", obj),
                {"programme_type": "repair_cafe"},
            ),
        )

    def test_the_offers_listing_shows_only_the_editors_own_ks(self):
        self.client.force_login(self.ks_editor)
        listing = self.client.get(reverse(f"{OFFERS}:list")).content.decode()
        self.assertIn("Popravljam kolesa, Golnik", listing)
        self.assertNotIn("Popravljam kolesa, Stražišče", listing)
        for name in ("edit", "delete"):
            request = ("post", reverse(f"{OFFERS}:{name}", args=[self.golnik["offer"].pk]), {})
            self.assertRefused(*self.respond(self.ks_editor, request))

    def test_a_ks_editor_may_not_change_delete_or_add_responses(self):
        for name in ("edit", "delete"):
            for section in (self.golnik, self.strazisce):
                request = ("post", self.url(name, section["response"]), {})
                self.assertRefused(*self.respond(self.ks_editor, request))
        response, changed = self.respond(self.ks_editor, ("get", reverse(f"{RESPONSES}:add"), None))
        self.assertRefused(response, changed)

    def test_the_listing_shows_only_the_editors_own_ks(self):
        self.client.force_login(self.ks_editor)
        listing = self.client.get(reverse(f"{RESPONSES}:list")).content.decode()
        self.assertIn(self.url("inspect", self.golnik["response"]), listing)
        self.assertNotIn(self.url("inspect", self.strazisce["response"]), listing)
        self.assertNotIn("Posvet Stražišče", listing)
        self.client.force_login(self.municipal)
        listing = self.client.get(reverse(f"{RESPONSES}:list")).content.decode()
        self.assertIn(self.url("inspect", self.strazisce["response"]), listing)


SIGNUP_DATES = "wagtailsnippets_signups_signupdate"


class SignUpMatrixTests(BoundaryTestCase):
    """Event sign-ups (issue 20): an event's dates, a date's page with its lists and every
    step on it, its exports, the sign-in sheet and attendance, and the listing."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for section in (cls.golnik, cls.strazisce):
            name = section["community"].name
            event = builders.signup_event(
                section["calendar"], f"Delavnica {name}", capacity=2, start=builders.at(6, 17)
            )
            section["signup_event"] = event
            date = builders.signup_date(event)
            section["signup_date"] = date
            section["confirmed"] = signup_booking.sign_up(
                date, name="Ana Novak", email="ana@example.org", places=2, mail=False
            )
            section["waiting"] = signup_booking.sign_up(
                date, name="Bojan Kos", email="", places=1, mail=False
            )

    def url(self, name, date):
        return reverse(name, args=[date.pk])

    def step(self, action, **data):
        def request(date, section):
            return ("post", self.url("signups_date", date), {"action": action, **data})

        return request

    def test_the_events_dates_and_opening_a_date(self):
        def dates(event, section):
            return ("get", reverse("signups_event_dates", args=[event.pk]), None)

        def open_date(event, section):
            # The second date of the event: it has no sign-ups yet (a weekly series).
            occurrence = event.occurrences.order_by("start").last()
            SignUpDate.objects.filter(event=event).delete()
            return (
                "post",
                reverse("signups_event_dates", args=[event.pk]),
                {"occurrence": occurrence.pk},
            )

        self.check_matrix("signup_event", dates)
        self.check_matrix("signup_event", page_edit)
        # Opening a date: refused for another KS's event (deleting first is undone too).
        request = open_date(self.strazisce["signup_event"], self.strazisce)
        response, _ = self.respond(self.ks_editor, request)
        self.assertIn(response.status_code, (403, 404))

    def test_the_date_page_and_its_files(self):
        for name in (
            "signups_date",
            "signups_export_csv",
            "signups_export_xlsx",
            "signups_sheet",
            f"{SIGNUP_DATES}:edit",
        ):
            self.check_matrix(
                "signup_date", lambda date, section, name=name: ("get", self.url(name, date), None)
            )

    def test_moves_and_cancel(self):
        def move(action, kind):
            def request(date, section):
                url = self.url("signups_date", date)
                return ("post", url, {"action": action, "signup": section[kind].pk})

            return request

        self.check_matrix("signup_date", move("to_waitlist", "confirmed"))
        self.check_matrix("signup_date", move("cancel", "confirmed"))
        self.check_matrix("signup_date", move("cancel", "waiting"))

    def test_a_sign_up_of_another_ks_on_an_own_date_is_not_touched(self):
        own, foreign = self.golnik["signup_date"], self.strazisce["confirmed"]
        request = (
            "post",
            self.url("signups_date", own),
            {"action": "cancel", "signup": foreign.pk},
        )
        response, changed = self.respond(self.ks_editor, request)
        self.assertFalse(changed)

    def test_add_capacity_and_attendance(self):
        self.check_matrix(
            "signup_date",
            self.step("add", **{"add-name": "Cvetka", "add-places": "1", "add-phone": "04"}),
        )
        self.check_matrix("signup_date", self.step("capacity", **{"capacity-capacity": "9"}))
        past = builders.at(-1, 17)
        SignUpDate.objects.update(start=past)
        self.check_matrix(
            "signup_date",
            lambda date, section: (
                "post",
                self.url("signups_date", date),
                {
                    "action": "attendance",
                    f"came-{section['confirmed'].pk}": "1",
                    "attendance-walk_ins": "3",
                },
            ),
        )

    def test_the_listing_shows_only_the_editors_own_ks(self):
        self.client.force_login(self.ks_editor)
        listing = self.client.get(reverse(f"{SIGNUP_DATES}:list")).content.decode()
        self.assertIn("Delavnica Golnik", listing)
        self.assertNotIn("Delavnica Stražišče", listing)
        self.client.force_login(self.municipal)
        listing = self.client.get(reverse(f"{SIGNUP_DATES}:list")).content.decode()
        self.assertIn("Delavnica Stražišče", listing)

    def test_a_ks_editor_cannot_delete_even_an_own_date(self):
        for section in (self.golnik, self.strazisce):
            request = ("post", self.url(f"{SIGNUP_DATES}:delete", section["signup_date"]), {})
            with self.subTest(ks=section["community"].name):
                self.assertRefused(*self.respond(self.ks_editor, request))


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
            # A rendition the admin makes (its URL generator needs Wagtail's image serve
            # view, which the portal does not mount: 404 for everyone).
            lambda image, s: (
                "get",
                reverse("wagtailimages:preview", args=[image.pk, "fill-100x100"]),
                None,
            ),
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

    def test_original_image_files_of_a_private_ks_collection(self):
        """A KS that keeps its collection to its editors (and the municipality's): the
        original files under /media/ only for them."""
        municipal_group = self.municipal.groups.get()
        for section in (self.golnik, self.strazisce):
            ks = section["community"]
            restriction = CollectionViewRestriction.objects.create(
                collection=ks.collection, restriction_type="groups"
            )
            restriction.groups.set([ks.editors_group, municipal_group])
        self.check_matrix("image", lambda image, s: ("get", image.file.url, None))

    def test_multiple_upload_edit_and_delete(self):
        for app_label, kind, prefix in (
            ("wagtailimages", "image", "image"),
            ("wagtaildocs", "document", "doc"),
        ):
            for name in ("edit_multiple", "delete_multiple"):
                self.check_matrix(
                    kind,
                    lambda obj, s, app_label=app_label, name=name, prefix=prefix: (
                        "post",
                        reverse(f"{app_label}:{name}", args=[obj.pk]),
                        {
                            f"{prefix}-{obj.pk}-title": "Preimenovano",
                            f"{prefix}-{obj.pk}-collection": obj.collection_id,
                            f"{prefix}-{obj.pk}-tags": "",
                        },
                    ),
                )

    def test_no_upload_into_another_ks_collection(self):
        foreign = self.strazisce["community"].collection
        for url, data in (
            (reverse("wagtailimages:add_multiple"), {"files[]": get_test_image_file}),
            (
                reverse("wagtailimages_chooser:create"),
                {
                    "image-chooser-upload-title": "Tuja",
                    "image-chooser-upload-file": get_test_image_file,
                    "image-chooser-upload-collection": foreign.pk,
                },
            ),
            (
                reverse("wagtaildocs:add_multiple"),
                {"files[]": lambda: ContentFile(b"x", name="tuj.txt")},
            ),
            (
                reverse("wagtaildocs_chooser:create"),
                {
                    "document-chooser-upload-title": "Tuj",
                    "document-chooser-upload-file": lambda: ContentFile(b"x", name="tuj.txt"),
                    "document-chooser-upload-collection": foreign.pk,
                },
            ),
        ):
            with self.subTest(url=url):
                data = {name: value() if callable(value) else value for name, value in data.items()}
                data.setdefault("collection", foreign.pk)
                self.client.force_login(self.ks_editor)
                response = self.client.post(url, data)
                self.assertLess(response.status_code, 500)
                self.assertFalse(Image.objects.filter(collection=foreign, title="test").exists())
                self.assertEqual(Image.objects.filter(collection=foreign).count(), 1)
                self.assertEqual(Document.objects.filter(collection=foreign).count(), 1)

    def listed(self, user, url):
        """What `user` reads at `url` (a chooser's or the API's JSON as text)."""
        self.client.force_login(user)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        if response["Content-Type"] != "application/json":
            return response.content.decode()
        return json.dumps(response.json(), ensure_ascii=False)

    def test_choosers_and_the_admin_api_list_only_files_the_editor_may_choose(self):
        foreign_collection = self.strazisce["community"].collection_id
        listings = [
            (reverse("wagtailimages_chooser:choose"), "Slika"),
            (reverse("wagtailimages_chooser:choose_results") + "?q=Slika", "Slika"),
            (
                reverse("wagtailimages_chooser:choose_results")
                + f"?collection_id={foreign_collection}",
                "Slika",
            ),
            (reverse("wagtaildocs_chooser:choose"), "Dokument"),
            (
                reverse("wagtaildocs_chooser:choose_results")
                + f"?collection_id={foreign_collection}",
                "Dokument",
            ),
            ("/admin/api/main/images/", "Slika"),
            ("/admin/api/main/images/?search=Slika", "Slika"),
            ("/admin/api/main/documents/", "Dokument"),
        ]
        for url, title in listings:
            with self.subTest(url=url):
                self.assertNotIn(f"{title} Stražišče", self.listed(self.ks_editor, url))
                self.assertIn(f"{title} Stražišče", self.listed(self.municipal, url))
        for kind, endpoint in (("image", "images"), ("document", "documents")):
            self.check_matrix(
                kind,
                lambda obj, s, endpoint=endpoint: (
                    "get",
                    f"/admin/api/main/{endpoint}/{obj.pk}/",
                    None,
                ),
            )

    def test_bulk_delete(self):
        for app_label, model, kind in (
            ("wagtailimages", "image", "image"),
            ("wagtaildocs", "document", "document"),
        ):
            url = reverse("wagtail_bulk_action", args=[app_label, model, "delete"])
            self.check_matrix(kind, lambda obj, s, url=url: ("post", f"{url}?id={obj.pk}", {}))


class OutboxAccessTests(BoundaryTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        with override_settings(OUTBOX_EMAIL_BACKEND="tests.mail_backends.RejectingBackend"):
            send_mail("Zahtevek je prejet", "Besedilo za Ano Novak.", None, ["ana@example.org"])
            sender.send_due()
        send_mail("Zahtevek je odobren", "Besedilo za Bora.", None, ["bor@example.org"])
        cls.failed = OutboxMessage.objects.get(status=OutboxMessage.Status.FAILED)
        cls.waiting = OutboxMessage.objects.get(status=OutboxMessage.Status.QUEUED)

    def outbox_state(self):
        return list(
            OutboxMessage.objects.order_by("pk").values_list(
                "status", "attempts", "next_attempt_at"
            )
        )

    def requests(self):
        retry = reverse("outbox:retry", args=[self.failed.pk])
        return [
            ("get", reverse("outbox:index"), None),
            ("get", reverse("outbox:index_results"), None),
            ("get", reverse("outbox:inspect", args=[self.failed.pk]), None),
            ("get", reverse("outbox:edit", args=[self.failed.pk]), None),
            ("get", retry, None),
            ("post", retry, {}),
            ("get", reverse("outbox:retry_failed"), None),
            ("post", reverse("outbox:retry_failed"), {}),
        ]

    def test_a_ks_editor_never_sees_the_outgoing_mail(self):
        for request in self.requests():
            with self.subTest(url=request[1], method=request[0]):
                before = self.outbox_state()
                response, changed = self.respond(self.ks_editor, request)
                self.assertRefused(response, changed)
                self.assertEqual(self.outbox_state(), before)
        self.client.force_login(self.ks_editor)
        dashboard = self.client.get(reverse("wagtailadmin_home")).content.decode()
        self.assertNotIn(reverse("outbox:index"), dashboard)
        self.assertNotIn("ni bilo mogoče poslati", dashboard)

    def test_municipal_editors_and_superusers_see_each_message_and_its_state(self):
        for user in (self.municipal, self.superuser):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                listing = self.client.get(reverse("outbox:index"))
                self.assertEqual(listing.status_code, 200)
                self.assertContains(listing, "Odhodna e-sporočila")
                for text in ("Zahtevek je prejet", "ana@example.org", "ni poslano", "550"):
                    self.assertContains(listing, text)
                self.assertContains(listing, "Zahtevek je odobren")
                self.assertContains(listing, "čaka")
                failed = self.client.get(reverse("outbox:index"), {"status": "failed"})
                self.assertNotContains(failed, "Zahtevek je odobren")
                message = self.client.get(reverse("outbox:inspect", args=[self.failed.pk]))
                self.assertContains(message, "Besedilo za Ano Novak.")
                self.assertContains(message, "Zadnja napaka")
                self.assertContains(message, reverse("outbox:retry", args=[self.failed.pk]))
                home = self.client.get(reverse("wagtailadmin_home"))
                self.assertContains(home, reverse("outbox:index"))

    def test_a_municipal_editor_sends_a_message_again(self):
        self.client.force_login(self.municipal)
        url = reverse("outbox:retry", args=[self.failed.pk])
        confirm = self.client.get(url)
        self.assertContains(confirm, "Znova poslati »Zahtevek je prejet« na ana@example.org?")
        response = self.client.post(url)
        self.assertRedirects(response, reverse("outbox:index"))
        self.failed.refresh_from_db()
        self.assertEqual((self.failed.status, self.failed.attempts), ("queued", 0))
        sender.send_due()
        self.assertEqual(
            sorted(m.subject for m in mail.outbox), ["Zahtevek je odobren", "Zahtevek je prejet"]
        )
        # A sent message is never sent again.
        again = self.client.post(url, follow=True)
        self.assertContains(again, "Ničesar ni treba poslati znova")
        sender.send_due()
        self.assertEqual(len(mail.outbox), 2)

    def test_every_message_not_sent_is_sent_again_at_once(self):
        self.client.force_login(self.municipal)
        url = reverse("outbox:retry_failed")
        confirm = self.client.get(url)
        self.assertContains(confirm, "Znova poslati 1 sporočilo, ki ga ni bilo mogoče poslati?")
        response = self.client.post(url, follow=True)
        self.assertContains(response, "1 sporočilo bo znova poslano v naslednji minuti.")
        self.assertFalse(OutboxMessage.objects.filter(status="failed").exists())

    def test_the_dashboard_tells_municipal_editors_of_mail_not_sent(self):
        OutboxMessage.objects.filter(pk=self.waiting.pk).update(
            next_attempt_at=self.waiting.next_attempt_at - datetime.timedelta(hours=1)
        )
        self.client.force_login(self.municipal)
        home = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(home, "1 e-sporočila ni bilo mogoče poslati.")
        self.assertContains(home, "1 e-sporočilo čaka na pošiljanje že več kot 15 minut")
        self.assertContains(home, reverse("outbox:index") + "?status=failed")
        OutboxMessage.objects.all().delete()
        home = self.client.get(reverse("wagtailadmin_home"))
        self.assertNotContains(home, "ni bilo mogoče poslati")


def block_messages(errors):
    """Every message of a field's errors, those of its blocks at any depth included."""

    def walk(data):
        yield from data.get("messages", [])
        for child in data.get("blockErrors", {}).values():
            yield from walk(child)

    return [message for error in errors.as_data() for message in walk(get_error_json_data(error))]


def draftail_with(entity_type, data):
    """A rich text field's value holding one entity (a link, a document, an image) as
    Draftail posts it, with whatever data a forged request puts in it."""
    atomic = entity_type == "IMAGE"
    block = {
        "key": "a",
        "text": " " if atomic else "x",
        "type": "atomic" if atomic else "unstyled",
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [{"offset": 0, "length": 1, "key": 0}],
    }
    entity = {
        "type": entity_type,
        "mutability": "IMMUTABLE" if atomic else "MUTABLE",
        "data": data,
    }
    return json.dumps({"blocks": [block], "entityMap": {"0": entity}})


# What a KS editor is told when a choice is refused (the admin speaks Slovenian).
REFUSED_SPACE = "Ta prostor pripada drugi krajevni skupnosti"
REFUSED_PROGRAMME = "Ta program pripada drugi krajevni skupnosti"
REFUSED_STAKEHOLDER = "Ta deležnik pripada drugi krajevni skupnosti"
REFUSED_IMAGE = "Ta slika je v zbirki, ki je ne smete uporabljati"
REFUSED_DOCUMENT = "Ta dokument je v zbirki, ki je ne smete uporabljati"
REFUSED_PAGE = "Povezava vodi na stran, ki je ne smete izbrati"
MISSING = "Povezava ali vdelava kaže na nekaj, česar ni (več)"


class ChoiceMatrixTests(BoundaryTestCase):
    """What a page or snippet of Golnik may refer to, as its editor posts the admin form:
    spaces, programmes, stakeholders, images, documents and pages, in plain fields, inline
    rows, StreamField blocks at any depth, plugin blocks and rich text. Golnik's editor may
    refer to Golnik's, never to Stražišče's (unless the municipality shares it); the
    municipal editor to both. A refusal is the form again (200) with the reason on the
    field or block, and nothing saved."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for section in (cls.golnik, cls.strazisce):
            ks = section["community"]
            draft = builders.publish(ks, ContentPage(title=f"Osnutek {ks.name}"))
            draft.unpublish()
            section["draft"] = draft
            private = builders.publish(ks, ContentPage(title=f"Zasebno {ks.name}"))
            PageViewRestriction.objects.create(
                page=private, restriction_type="password", password="geslo"
            )
            section["private"] = private
            section["workshop"] = programme(
                f"Delavnica {ks.name}",
                programme_type="workshop",
                community=ks,
                details={"method": "carousel"},
            )
        cls.municipal_programme = programme("Popravljalnica vse občine")

    # --- Making the requests -----------------------------------------------------------

    def form_as(self, user, url, form_id):
        """The form at `url` as `user`'s browser holds it."""
        self.client.force_login(user)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return browser_form_data(response.content.decode(), form_id=form_id).copy()

    def page_post(self, page, user, fields, action=None):
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        data = self.form_as(user, url, "page-edit-form")
        if isinstance(page.specific, NewsPage) and "body-count" not in fields:
            fields = {**fields, **nested_form_data({"body": streamfield([])})}
        data.update(fields)
        if action:
            data[action] = "1"
        return ("post", url, data)

    def snippet_post(self, url, user, fields):
        data = self.form_as(user, url, "w-editor-form")
        data.update(fields)
        return ("post", url, data)

    def check_choice(self, kind, make_request, field, refusal, targets=None):
        """Golnik's object refers to `kind` of Golnik or of Stražišče (`make_request(user,
        target)`): Golnik's editor is refused Stražišče's, with `refusal` on `field`."""
        targets = targets or {"golnik": self.golnik[kind], "strazisce": self.strazisce[kind]}
        cases = [
            (self.ks_editor, "golnik", True),
            (self.ks_editor, "strazisce", False),
            (self.municipal, "golnik", True),
            (self.municipal, "strazisce", True),
        ]
        for user, ks, allowed in cases:
            request = make_request(user, targets[ks])
            with self.subTest(kind=kind, user=user.username, ks=ks):
                response, changed = self.respond(user, request)
                if allowed:
                    self.assertEqual(response.status_code, 302, self.errors_of(response))
                    self.assertTrue(changed, "the save was accepted but changed nothing")
                else:
                    self.assertEqual(response.status_code, 200)
                    self.assertFalse(changed, "a refused choice changed the database")
                    errors = response.context["form"].errors
                    self.assertIn(field, errors)
                    self.assertTrue(
                        any(refusal in message for message in block_messages(errors[field])),
                        block_messages(errors[field]),
                    )

    @staticmethod
    def errors_of(response):
        context = getattr(response, "context", None)
        form = context and context.get("form")
        if not form:
            return None
        return [form.errors, *(formset.errors for formset in form.formsets.values())]

    # --- Plain fields ------------------------------------------------------------------

    def test_an_event_is_held_in_a_space_of_its_own_ks(self):
        event = self.golnik["event"]
        # Each KS's event is at the same time: in the other's space it clashes with it.
        fields = {"publish_despite_clashes": "on"}
        for action in (None, "action-publish"):
            self.check_choice(
                "space",
                lambda user, space, action=action: self.page_post(
                    event, user, {"space": str(space.pk), **fields}, action
                ),
                "space",
                REFUSED_SPACE,
            )

    def test_a_space_the_municipality_opened_to_all_can_be_chosen_by_every_ks(self):
        foreign = self.strazisce["space"]
        SpacePage.objects.filter(pk=foreign.pk).update(open_to_other_communities=True)
        request = self.page_post(self.golnik["event"], self.ks_editor, {"space": str(foreign.pk)})
        response, changed = self.respond(self.ks_editor, request)
        self.assertEqual(response.status_code, 302, self.errors_of(response))
        self.assertTrue(changed)

    def test_a_refused_space_stays_out_of_the_other_ks_week_view(self):
        foreign = self.strazisce["space"]
        event = self.golnik["event"]
        request = self.page_post(
            event, self.ks_editor, {"space": str(foreign.pk)}, "action-publish"
        )
        self.client.force_login(self.ks_editor)
        self.client.post(request[1], request[2])
        self.assertEqual(EventPage.objects.get(pk=event.pk).space_id, self.golnik["space"].pk)
        self.client.logout()
        week = self.client.get(foreign.url + "zasedenost/")
        self.assertEqual(week.status_code, 200)
        self.assertNotContains(week, event.title)

    def test_an_event_belongs_to_a_programme_of_its_own_ks_or_the_municipality(self):
        event = self.golnik["event"]
        self.check_choice(
            "programme",
            lambda user, item: self.page_post(event, user, {"programme": str(item.pk)}),
            "programme",
            REFUSED_PROGRAMME,
        )
        request = self.page_post(
            event, self.ks_editor, {"programme": str(self.municipal_programme.pk)}
        )
        response, changed = self.respond(self.ks_editor, request)
        self.assertEqual(response.status_code, 302, self.errors_of(response))

    def test_an_event_is_organised_by_a_stakeholder_of_its_own_ks(self):
        event = self.golnik["event"]
        self.check_choice(
            "stakeholder",
            lambda user, item: self.page_post(event, user, {"organiser": str(item.pk)}),
            "organiser",
            REFUSED_STAKEHOLDER,
        )

    def test_a_programme_usually_runs_in_a_space_of_its_own_ks(self):
        url = programme_url("edit", self.golnik["programme"].pk)
        self.check_choice(
            "space",
            lambda user, space: self.snippet_post(
                url, user, {**REPAIR_CAFE_DETAILS, "space": str(space.pk)}
            ),
            "space",
            REFUSED_SPACE,
        )

    def test_a_space_is_owned_and_run_by_stakeholders_of_its_own_ks(self):
        space = self.golnik["space"]
        for field in ("owned_by", "managed_by"):
            self.check_choice(
                "stakeholder",
                lambda user, item, field=field: self.page_post(space, user, {field: str(item.pk)}),
                field,
                REFUSED_STAKEHOLDER,
            )

    def test_plain_image_and_document_fields(self):
        space = self.golnik["space"]
        self.check_choice(
            "image",
            lambda user, image: self.page_post(space, user, {"image": str(image.pk)}),
            "image",
            REFUSED_IMAGE,
        )
        self.check_choice(
            "document",
            lambda user, document: self.page_post(space, user, {"house_rules": str(document.pk)}),
            "house_rules",
            REFUSED_DOCUMENT,
        )

    def test_what_came_of_a_consultation(self):
        """ "Kaj smo naredili" of Golnik's consultation lists Golnik's programmes, never
        Stražišče's, and pages a link may point to (never another KS's draft): the rows'
        choices are bounded like any other."""
        consultations = {
            "golnik": builders.consultation(self.golnik["community"], "Posvet Golnik"),
            "strazisce": builders.consultation(self.strazisce["community"], "Posvet Stražišče"),
        }
        refusals = {"programme": REFUSED_PROGRAMME, "page": REFUSED_PAGE}

        def outcome(user, field, value):
            rows = inline_formset(
                [{"page": "", "programme": "", "note": "Iz odgovorov", field: value}]
            )
            return self.page_post(
                consultations["golnik"],
                user,
                nested_form_data({"questions": streamfield([]), "outcomes": rows}),
            )

        for field, kind in (("programme", "programme"), ("page", "draft")):
            cases = [
                (self.ks_editor, self.golnik, True),
                (self.ks_editor, self.strazisce, False),
                (self.municipal, self.strazisce, True),
            ]
            for user, section, allowed in cases:
                request = outcome(user, field, str(section[kind].pk))
                with self.subTest(field=field, user=user.username, ks=section["community"].name):
                    response, changed = self.respond(user, request)
                    self.assertEqual(
                        response.status_code, 302 if allowed else 200, self.errors_of(response)
                    )
                    self.assertEqual(changed, allowed)
                    if not allowed:
                        (rows,) = response.context["form"].formsets["outcomes"].errors
                        self.assertIn(field, rows, rows)
                        self.assertIn(refusals[field], str(rows[field]))

    def test_a_photo_in_the_space_gallery(self):
        space = self.golnik["space"]

        def with_photo(user, image):
            gallery = nested_form_data(
                {
                    "gallery_images": inline_formset(
                        [{"image": str(image.pk), "caption": "", "alt_text": "Dvorana"}]
                    )
                }
            )
            return self.page_post(space, user, gallery)

        cases = [
            (self.ks_editor, self.golnik, True),
            (self.ks_editor, self.strazisce, False),
            (self.municipal, self.strazisce, True),
        ]
        for user, section, allowed in cases:
            with self.subTest(user=user.username, ks=section["community"].name):
                response, changed = self.respond(user, with_photo(user, section["image"]))
                self.assertEqual(
                    response.status_code, 302 if allowed else 200, self.errors_of(response)
                )
                self.assertEqual(changed, allowed)
                if not allowed:
                    self.assertContains(response, REFUSED_IMAGE)

    # --- StreamField blocks and rich text ----------------------------------------------

    def news_body(self, *blocks):
        return nested_form_data({"body": streamfield(list(blocks))})

    def test_image_and_document_blocks_of_a_news_item(self):
        news = self.golnik["news"]
        for action in (None, "action-publish"):
            self.check_choice(
                "image",
                lambda user, image, action=action: self.page_post(
                    news,
                    user,
                    self.news_body(
                        ("paragraph", rich_text("<p>Uvod</p>")),
                        ("image", {"image": image.pk, "caption": "", "alt_text": ""}),
                    ),
                    action,
                ),
                "body",
                REFUSED_IMAGE,
            )
            self.check_choice(
                "document",
                lambda user, document, action=action: self.page_post(
                    news,
                    user,
                    self.news_body(("document", {"document": document.pk, "title": ""})),
                    action,
                ),
                "body",
                REFUSED_DOCUMENT,
            )

    def test_the_refusal_is_shown_on_the_block_that_refers(self):
        image = self.strazisce["image"]
        request = self.page_post(
            self.golnik["news"],
            self.ks_editor,
            self.news_body(
                ("paragraph", rich_text("<p>Uvod</p>")),
                ("image", {"image": image.pk, "caption": "", "alt_text": ""}),
            ),
        )
        response, _changed = self.respond(self.ks_editor, request)
        error = get_error_json_data(response.context["form"].errors["body"].as_data()[0])
        self.assertEqual(list(error["blockErrors"]), [1])
        self.assertEqual(list(error["blockErrors"][1]["blockErrors"]), ["image"])

    def rich_text_in_news(self, html):
        return self.news_body(("paragraph", rich_text(html, features=RICH_TEXT_FEATURES)))

    def test_images_documents_and_page_links_in_rich_text_blocks(self):
        news = self.golnik["news"]
        cases = [
            (
                "image",
                '<embed embedtype="image" id="{pk}" format="fullwidth" alt="x"/>',
                REFUSED_IMAGE,
            ),
            ("document", '<p><a linktype="document" id="{pk}">hišni red</a></p>', REFUSED_DOCUMENT),
            ("draft", '<p><a linktype="page" id="{pk}">osnutek</a></p>', REFUSED_PAGE),
            ("private", '<p><a linktype="page" id="{pk}">zasebno</a></p>', REFUSED_PAGE),
        ]
        for kind, html, refusal in cases:
            self.check_choice(
                kind,
                lambda user, target, html=html: self.page_post(
                    news, user, self.rich_text_in_news(html.format(pk=target.pk))
                ),
                "body",
                refusal,
            )

    def test_a_link_to_a_published_page_of_another_ks_is_fine(self):
        public_page = self.strazisce["content"]
        html = f'<p><a linktype="page" id="{public_page.pk}">hišni red</a></p>'
        request = self.page_post(self.golnik["news"], self.ks_editor, self.rich_text_in_news(html))
        response, changed = self.respond(self.ks_editor, request)
        self.assertEqual(response.status_code, 302, self.errors_of(response))
        self.assertTrue(changed)

    def test_rich_text_fields_of_pages_and_snippets(self):
        content = self.golnik["content"]
        html = '<p>Glej <a linktype="page" id="{pk}">to</a>.</p>'
        self.check_choice(
            "draft",
            lambda user, page: self.page_post(
                content,
                user,
                {"body": rich_text(html.format(pk=page.pk), features=RICH_TEXT_FEATURES)},
            ),
            "body",
            REFUSED_PAGE,
        )
        self.check_choice(
            "image",
            lambda user, image: self.page_post(
                content,
                user,
                {
                    "body": rich_text(
                        f'<embed embedtype="image" id="{image.pk}" format="left" alt="x"/>',
                        features=RICH_TEXT_FEATURES,
                    )
                },
            ),
            "body",
            REFUSED_IMAGE,
        )
        stakeholder_url = reverse(f"{STAKEHOLDERS}:edit", args=[self.golnik["stakeholder"].pk])
        self.check_choice(
            "private",
            lambda user, page: self.snippet_post(
                stakeholder_url,
                user,
                {"description": rich_text(html.format(pk=page.pk), features=["link"])},
            ),
            "description",
            REFUSED_PAGE,
        )
        programme_edit = programme_url("edit", self.golnik["programme"].pk)
        self.check_choice(
            "document",
            lambda user, document: self.snippet_post(
                programme_edit,
                user,
                {
                    **REPAIR_CAFE_DETAILS,
                    "description": rich_text(
                        f'<p><a linktype="document" id="{document.pk}">poročilo</a></p>',
                        features=["document-link"],
                    ),
                },
            ),
            "description",
            REFUSED_DOCUMENT,
        )

    def test_blocks_of_a_programme_type_plugin(self):
        url = programme_url("edit", self.golnik["workshop"].pk)

        def details(report="", outcomes="<p></p>"):
            return nested_form_data(
                {
                    "details": {
                        "method": "carousel",
                        "facilitator": "",
                        "outcomes": rich_text(outcomes, features=["link"]),
                        "report": report,
                    }
                }
            )

        self.check_choice(
            "document",
            lambda user, document: self.snippet_post(url, user, details(report=document.pk)),
            "details",
            REFUSED_DOCUMENT,
        )
        self.check_choice(
            "draft",
            lambda user, page: self.snippet_post(
                url, user, details(outcomes=f'<p><a linktype="page" id="{page.pk}">x</a></p>')
            ),
            "details",
            REFUSED_PAGE,
        )

    def test_submitting_for_moderation_is_refused_the_same_way(self):
        ks = self.golnik["community"]
        CommunityPage.objects.filter(pk=ks.pk).update(requires_approval=True)
        provision_community(CommunityPage.objects.get(pk=ks.pk))
        image = self.strazisce["image"]
        request = self.page_post(
            self.golnik["news"],
            self.ks_editor,
            self.news_body(("image", {"image": image.pk, "caption": "", "alt_text": ""})),
            "action-submit",
        )
        response, changed = self.respond(self.ks_editor, request)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(changed)
        self.assertIn(REFUSED_IMAGE, block_messages(response.context["form"].errors["body"])[0])

    def test_what_is_already_saved_stays_when_the_ks_editor_edits(self):
        """A municipal editor placed Golnik's event in Stražišče's space: Golnik's editor can
        still change the event's title without being refused the space."""
        event = self.golnik["event"]
        foreign = self.strazisce["space"]
        self.client.force_login(self.municipal)
        self.client.post(*self.page_post(event, self.municipal, {"space": str(foreign.pk)})[1:])
        self.assertEqual(
            EventPage.objects.get(pk=event.pk).get_latest_revision_as_object().space_id, foreign.pk
        )
        request = self.page_post(event, self.ks_editor, {"title": "Dogodek Golnik, nova ura"})
        response, changed = self.respond(self.ks_editor, request)
        self.assertEqual(response.status_code, 302, self.errors_of(response))
        self.assertTrue(changed)

    def test_forged_references_to_nothing_are_refused_without_a_server_error(self):
        """A reference to nothing (a key no database holds, or no key at all) is refused for
        every editor, the municipal one too: saved, it would break the page, the edit form and
        the API that show it."""
        content = self.golnik["content"]
        for user in (self.ks_editor, self.municipal):
            for ident in ("x", "-1", "0", "99999999999999999999"):
                for entity, data in (
                    ("LINK", {"id": ident, "url": "/x/"}),
                    ("DOCUMENT", {"id": ident, "url": "/d/"}),
                    ("IMAGE", {"id": ident, "format": "left", "alt": "x", "src": "/x.png"}),
                ):
                    with self.subTest(user=user.username, entity=entity, id=ident):
                        body = draftail_with(entity, data)
                        request = self.page_post(
                            content, user, {"body": body}, action="action-publish"
                        )
                        response, changed = self.respond(user, request)
                        self.assertEqual(response.status_code, 200)
                        self.assertFalse(changed)
                        errors = block_messages(response.context["form"].errors["body"])
                        self.assertTrue(any(MISSING in message for message in errors), errors)

    def test_a_text_that_is_not_the_editors_content_is_refused_without_a_server_error(self):
        """What no editor sends (the rich text field's content not as Draftail writes it)
        is a message on the field, and nothing is saved."""
        content = self.golnik["content"]
        for body in ("x", "[]", '{"blocks": 1}', '{"blocks": [1]}'):
            with self.subTest(body=body):
                request = self.page_post(content, self.municipal, {"body": body})
                response, changed = self.respond(self.municipal, request)
                self.assertEqual(response.status_code, 200)
                self.assertFalse(changed)
                self.assertIn("ni prispelo v celoti", str(response.context["form"].errors["body"]))

    def test_every_page_and_snippet_form_keeps_the_boundary(self):
        """A page type or snippet added later gets the boundary from its base form; one
        whose form skips it fails here."""
        from wagtail.models import get_page_models
        from wagtail.snippets.models import get_snippet_models

        from portal.communities.forms import ChoiceBoundaryMixin

        for model in get_page_models():
            if model is Page:
                continue
            with self.subTest(model=model.__name__):
                form_class = model.get_edit_handler().get_form_class()
                self.assertTrue(issubclass(form_class, ChoiceBoundaryMixin))
        for model in get_snippet_models():
            with self.subTest(model=model.__name__):
                form_class = model.snippet_viewset.get_edit_handler().get_form_class()
                self.assertTrue(issubclass(form_class, ChoiceBoundaryMixin))


class ChooserMatrixTests(BoundaryTestCase):
    """The choosers of spaces and programmes open at the editor's own KS and offer only
    what they may choose."""

    def chooser(self, user, url):
        """The chooser's answer: its JSON, or its search results' HTML as `html`."""
        self.client.force_login(user)
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        if response["Content-Type"] != "application/json":
            return {"html": response.content.decode()}
        return response.json()

    def test_the_space_chooser_opens_at_the_editors_own_ks(self):
        url = reverse("wagtailadmin_choose_page") + "?page_type=spaces.spacepage"
        found = self.chooser(self.ks_editor, url)
        self.assertEqual(found["parent_page_id"], self.golnik["community"].pk)
        self.assertIn("Prostor Golnik", found["html"])
        self.assertNotIn("Prostor Stražišče", found["html"])

    def test_the_space_chooser_offers_no_space_of_another_ks_unless_opened_to_all(self):
        other_ks = self.strazisce["community"]
        browse = (
            reverse("wagtailadmin_choose_page_child", args=[other_ks.pk])
            + "?page_type=spaces.spacepage"
        )
        search = (
            reverse("wagtailadmin_choose_page_search") + "?q=Prostor&page_type=spaces.spacepage"
        )
        for url in (browse, search):
            with self.subTest(url=url):
                self.assertNotIn("Prostor Stražišče", self.chooser(self.ks_editor, url)["html"])
                self.assertIn("Prostor Stražišče", self.chooser(self.municipal, url)["html"])
        SpacePage.objects.filter(pk=self.strazisce["space"].pk).update(
            open_to_other_communities=True
        )
        for url in (browse, search):
            with self.subTest(url=url, opened=True):
                self.assertIn("Prostor Stražišče", self.chooser(self.ks_editor, url)["html"])

    def link_to_url(self, user, url):
        """What "link to a URL" answers when `user` pastes `url`."""
        self.client.force_login(user)
        response = self.client.post(
            reverse("wagtailadmin_choose_page_external_link"),
            {"external-link-chooser-url": url, "external-link-chooser-link_text": "x"},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    # As in production, where the Site follows the public origin (`migrate`, decision 0031),
    # so the address the public site shows is the one Wagtail knows as its own.
    @override_settings(PORTAL_BASE_URL="http://localhost")
    def test_a_pasted_address_of_a_private_page_of_another_ks_stays_an_external_link(self):
        other = self.strazisce["community"]
        private = builders.publish(other, ContentPage(title="Zasebni zapisnik Stražišče"))
        PageViewRestriction.objects.create(
            page=private, restriction_type="password", password="geslo"
        )
        url = private.get_full_url()
        answer = self.link_to_url(self.ks_editor, url)
        self.assertEqual(answer["step"], "external_link_chosen")
        self.assertEqual(answer["result"]["url"], url)
        self.assertNotIn("id", answer["result"])
        self.assertNotIn("Zasebni zapisnik", json.dumps(answer, ensure_ascii=False))
        # The municipal editor, who may choose it, gets the link to the page.
        self.assertEqual(self.link_to_url(self.municipal, url)["result"]["id"], private.pk)

    # As in production, where the Site follows the public origin (`migrate`, decision 0031),
    # so the address the public site shows is the one Wagtail knows as its own.
    @override_settings(PORTAL_BASE_URL="http://localhost")
    def test_a_pasted_address_of_another_ks_page_names_it_by_its_published_title(self):
        other = self.strazisce["community"]
        page = builders.publish(other, ContentPage(title="Urnik Stražišče"))
        page.title = "Urnik Stražišče (osnutek: selitev)"
        page.save_revision()
        for url in (page.get_full_url(), page.get_full_url() + "?x=1"):
            with self.subTest(url=url):
                answer = self.link_to_url(self.ks_editor, url)
                shown = json.dumps(answer, ensure_ascii=False)
                self.assertIn("Urnik Stražišče", shown)
                self.assertNotIn("selitev", shown)
                internal = answer.get("internal") or answer["result"]
                self.assertEqual(internal["id"], page.pk)

    def test_the_programme_chooser_offers_the_own_ks_and_the_municipality(self):
        programme("Popravljalnica vse občine")
        url = reverse("wagtailsnippetchoosers_programmes_programme:choose")
        html = self.chooser(self.ks_editor, url)["html"]
        self.assertIn("Popravljalnica Golnik", html)
        self.assertIn("Popravljalnica vse občine", html)
        self.assertNotIn("Popravljalnica Stražišče", html)
        self.assertIn("Popravljalnica Stražišče", self.chooser(self.municipal, url)["html"])


class ClashWarningBoundaryTests(BoundaryTestCase):
    """The event editor's clash warning (`portal.events.clashes`) names what else takes
    the space no further than the public may see it: a private event of another KS and
    any approved booking are said to take the space, without their titles or purposes."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.shared = cls.strazisce["space"]
        SpacePage.objects.filter(pk=cls.shared.pk).update(open_to_other_communities=True)
        cls.day = builders.days_ahead(9)
        private = builders.event(
            cls.strazisce["calendar"],
            "Zaprta seja sveta",
            start=builders.at(cls.day, 17),
            end=builders.at(cls.day, 19),
            space=cls.shared,
        )
        PageViewRestriction.objects.create(
            page=private, restriction_type="password", password="geslo"
        )
        request = builders.booking_request(
            cls.shared,
            builders.at(cls.day, 19),
            builders.at(cls.day, 21),
            purpose="Rojstni dan Ane Novak",
        )
        request.status = request.Status.APPROVED
        request.save()
        request.dates.update(approved=True)

    def publish_over_them(self, user, space):
        url = reverse("wagtailadmin_pages:edit", args=[self.golnik["event"].pk])
        self.client.force_login(user)
        data = browser_form_data(self.client.get(url).content.decode(), "page-edit-form")
        data.update(
            {
                "space": str(space.pk),
                "start": f"{self.day:%d. %m. %Y} 18:00",
                "end": f"{self.day:%d. %m. %Y} 20:00",
                "action-publish": "1",
            }
        )
        return self.respond(user, ("post", url, data))

    def test_a_clash_in_a_shared_space_names_nothing_private(self):
        for user in (self.ks_editor, self.municipal):
            with self.subTest(user=user.username):
                response, changed = self.publish_over_them(user, self.shared)
                self.assertEqual(response.status_code, 200)
                self.assertFalse(changed)
                self.assertContains(response, "zaseda drug dogodek")
                self.assertContains(response, "zaseda odobrena rezervacija")
                self.assertNotContains(response, "Zaprta seja sveta")
                self.assertNotContains(response, "Ane Novak")

    def test_a_refused_space_says_nothing_of_what_takes_it(self):
        foreign = self.strazisce["space"]
        SpacePage.objects.filter(pk=foreign.pk).update(open_to_other_communities=False)
        response, changed = self.publish_over_them(self.ks_editor, foreign)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(changed)
        self.assertNotContains(response, "zaseda")
        self.assertNotContains(response, "Kljub temu objavi")


class SharedSpaceSettingTests(BoundaryTestCase):
    """Only the municipality opens a space to other KS."""

    def edit(self, user, space, **fields):
        url = reverse("wagtailadmin_pages:edit", args=[space.pk])
        self.client.force_login(user)
        data = browser_form_data(self.client.get(url).content.decode(), "page-edit-form").copy()
        data.update(fields, **{"action-publish": "1"})
        return self.client.post(url, data), data

    def test_the_municipal_editor_opens_a_space_to_all(self):
        space = self.strazisce["space"]
        response, _data = self.edit(self.municipal, space, open_to_other_communities="on")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(SpacePage.objects.get(pk=space.pk).open_to_other_communities)

    def test_a_ks_editor_cannot_open_their_space_even_by_forging_the_form(self):
        space = self.golnik["space"]
        response, data = self.edit(self.ks_editor, space)
        self.assertNotIn("open_to_other_communities", data)
        self.edit(self.ks_editor, space, open_to_other_communities="on")
        self.assertFalse(SpacePage.objects.get(pk=space.pk).open_to_other_communities)

    def test_publishing_an_older_revision_keeps_the_municipal_setting(self):
        space = SpacePage.objects.get(pk=self.golnik["space"].pk)
        old_revision = space.latest_revision
        self.edit(self.municipal, space, open_to_other_communities="on")
        old_revision.publish(user=self.ks_editor)
        self.assertTrue(SpacePage.objects.get(pk=space.pk).open_to_other_communities)


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


class ReviewReportBoundaryTests(BoundaryTestCase):
    """Pages due for review (portal.reviews): the report and the dashboard show a KS
    editor their own KS's pages only; the municipality sees every KS's in the report."""

    def test_the_report_and_the_dashboard_keep_to_the_editors_ks(self):
        past = datetime.date.today() - datetime.timedelta(days=2)
        for section in (self.golnik, self.strazisce):
            ContentPage.objects.filter(pk=section["content"].pk).update(review_by=past)
        report = reverse("pages_due_for_review")
        cases = [
            (self.ks_editor, report, True, False),
            (self.ks_editor, reverse("wagtailadmin_home"), True, False),
            (self.municipal, report, True, True),
        ]
        for user, url, sees_golnik, sees_strazisce in cases:
            with self.subTest(user=user.username, url=url):
                response, changed = self.respond(user, ("get", url, None))
                self.assertEqual(response.status_code, 200)
                page = response.content.decode()
                self.assertEqual(self.golnik["content"].title in page, sees_golnik)
                self.assertEqual(self.strazisce["content"].title in page, sees_strazisce)


class DashboardBoundaryTests(BoundaryTestCase):
    """The dashboard's panels (issue 17): Golnik's editor never sees Stražišče's requests,
    pages waiting for approval, drafts or dates in its spaces; the municipality sees every
    KS's requests and pages waiting for approval."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        day = builders.today() + datetime.timedelta(days=2)
        for section, author in ((cls.golnik, cls.ks_editor), (cls.strazisce, cls.municipal)):
            ks, name = section["community"], section["community"].title
            space = builders.space_with_hours(
                ks, f"Dvorana {name}", weekly=[(day.weekday(), "08:00", "22:00")]
            )
            builders.booking_request(
                space, builders.at(day, 17), builders.at(day, 19), f"Čakajoča vaja {name}"
            )
            decisions.approve(
                builders.booking_request(
                    space, builders.at(day, 10), builders.at(day, 12), f"Odobrena vaja {name}"
                ),
                cls.municipal,
            )
            builders.event(
                section["calendar"],
                f"Tedenski dogodek {name}",
                start=builders.at(day, 14),
                space=space,
            )
            draft = ks.add_child(instance=ContentPage(title=f"Osnutek {name}", live=False))
            draft.save_revision(user=author)
            waiting = ks.add_child(instance=ContentPage(title=f"V odobritvi {name}", live=False))
            waiting.save_revision(user=author)
            approval_workflow().start(waiting, author)
            # A programme draft the editor once changed, in either KS.
            section["programme"].save_revision(user=cls.ks_editor)

    def test_the_dashboard_keeps_to_the_editors_ks(self):
        kinds = ["Čakajoča vaja", "Odobrena vaja", "Tedenski dogodek", "Osnutek", "V odobritvi"]
        self.client.force_login(self.ks_editor)
        page = self.client.get(reverse("wagtailadmin_home")).content.decode()
        for kind in kinds:
            with self.subTest(kind=kind):
                self.assertIn(f"{kind} KS Golnik", page)
                self.assertNotIn(f"{kind} KS Stražišče", page)
        self.assertIn("Popravljalnica Golnik", page)
        self.assertNotIn("Popravljalnica Stražišče", page)

    def test_the_municipality_sees_every_ks_waiting(self):
        self.client.force_login(self.municipal)
        page = self.client.get(reverse("wagtailadmin_home")).content.decode()
        for kind in ("Čakajoča vaja", "V odobritvi"):
            for name in ("KS Golnik", "KS Stražišče"):
                with self.subTest(kind=kind, ks=name):
                    self.assertIn(f"{kind} {name}", page)
