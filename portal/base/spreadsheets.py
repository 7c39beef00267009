"""Every CSV and XLSX file the admin writes, safe to open in a spreadsheet.

Exported cells hold text that editors and residents typed (a booking's purpose, a page
title, a space's name). A spreadsheet reads a cell that starts with `=`, `+`, `-` or `@`
(or a tab or carriage return before one) as a formula, which can fetch a URL or run a
command on the computer of the municipal editor who opens the file (CSV or formula
injection). Following OWASP, such a cell is written with a leading single quote, and
every CSV field is quoted, so a `;` typed in a cell cannot start a new cell where a
spreadsheet splits on it. Numbers and dates are written as they are (decision 0021).

`SafeSpreadsheetExportMixin` goes before Wagtail's `SpreadsheetExportMixin` in every
exporting view: the portal's own (`CommunityOwnedViewSet`'s listings, the utilisation
report) and Wagtail's reports, which `report_urls()` serves at their own addresses.
`tests/test_spreadsheet_exports.py` fails when a view that exports escapes it.
"""

import csv
import datetime
import io

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from openpyxl import Workbook
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.contrib.redirects.views import IndexView as RedirectsIndexView
from wagtail.utils.urlpatterns import decorate_urlpatterns

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_TIME = "%d. %m. %Y %H.%M"


def neutralise(value):
    """`value` as a cell that a spreadsheet shows as text and never runs."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_cell(value):
    """A CSV field: dates as Slovenians write them, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime(DATE_TIME)
    if isinstance(value, datetime.date):
        return value.strftime("%d. %m. %Y")
    return neutralise(str(value))


def csv_response(table, filename):
    """`table` ((headings, rows)) as `filename`.csv, every field quoted, with a byte order
    mark so that Excel reads č, š and ž right."""
    headings, rows = table
    output = io.StringIO()
    writer = csv.writer(output, quoting=csv.QUOTE_ALL)
    writer.writerow([csv_cell(heading) for heading in headings])
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    response = HttpResponse(output.getvalue().encode("utf-8-sig"), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(sheets, filename):
    """`sheets`, (title, (headings, rows)) pairs, as `filename`.xlsx, a sheet each; naive
    datetimes and dates get a Slovenian number format."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, (headings, rows) in sheets:
        sheet = workbook.create_sheet(str(title)[:31])
        sheet.append([neutralise(str(heading)) for heading in headings])
        for row in rows:
            sheet.append([neutralise(value) for value in row])
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, datetime.datetime):
                    cell.number_format = "dd. mm. yyyy hh:mm"
                elif isinstance(cell.value, datetime.date):
                    cell.number_format = "dd. mm. yyyy"
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


class LineWriter:
    """A file that hands back each line the CSV writer writes, for a streamed response."""

    def write(self, line):
        return line.encode()


class SafeSpreadsheetExportMixin:
    """Put before Wagtail's `SpreadsheetExportMixin` (or a view that has it)."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))

    def stream_csv(self, queryset):
        writer = csv.DictWriter(LineWriter(), fieldnames=self.list_export, quoting=csv.QUOTE_ALL)
        yield writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))


def safe(view_class):
    return type(view_class.__name__, (SafeSpreadsheetExportMixin, view_class), {})


# Wagtail's admin views that export, at their paths under /admin/.
WAGTAIL_EXPORTS = [
    ("reports/locked/", LockedPagesView),
    ("reports/workflow/", WorkflowView),
    ("reports/workflow_tasks/", WorkflowTasksView),
    ("reports/site-history/", LogEntriesView),
    ("reports/aging-pages/", AgingPagesView),
    ("redirects/", RedirectsIndexView),
]


def report_urls():
    """Wagtail's exporting views with the safe mixin, for `/admin/` ahead of Wagtail's
    own admin URLs: the same addresses, so Wagtail's links and URL names lead to them.
    Guarded as Wagtail guards its admin views (admin access, never cached)."""
    patterns = []
    for route, view_class in WAGTAIL_EXPORTS:
        view = safe(view_class)
        patterns += [
            path(route, view.as_view()),
            path(f"{route}results/", view.as_view(results_only=True)),
        ]
    decorate_urlpatterns(patterns, require_admin_access)
    return decorate_urlpatterns(patterns, never_cache)
