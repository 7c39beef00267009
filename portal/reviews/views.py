"""The report of pages due for review: a KS representative sees their own KS's, a
municipal editor every page."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy
from wagtail.admin.views.reports import ReportView

from portal.base.spreadsheets import SafeSpreadsheetExportMixin
from portal.reviews.dates import may_review, pages_due


class PagesDueForReviewView(SafeSpreadsheetExportMixin, ReportView):
    page_title = gettext_lazy("Pages due for review")
    header_icon = "time"
    template_name = "reviews/admin/report.html"
    results_template_name = "reviews/admin/report_results.html"
    index_url_name = "pages_due_for_review"
    paginate_by = 50
    list_export = ["title", "review_by", "last_published_at", "full_url"]
    export_headings = {
        "title": gettext_lazy("Title"),
        "review_by": gettext_lazy("Review by"),
        "last_published_at": gettext_lazy("Last published"),
        "full_url": gettext_lazy("Address"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_review(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return pages_due(self.request.user)
