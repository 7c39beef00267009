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

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.contrib.redirects.views import IndexView as RedirectsIndexView
from wagtail.utils.urlpatterns import decorate_urlpatterns

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """`value` as a cell that a spreadsheet shows as text and never runs."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


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
