from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.reviews.dates import may_review
from portal.reviews.panels import ReviewPanel
from portal.reviews.views import PagesDueForReviewView


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_review(request.user)


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem(
        _("Pages due for review"),
        reverse("pages_due_for_review"),
        name="pages-due-for-review",
        icon_name="time",
        order=110,
    )


@hooks.register("register_admin_urls")
def register_review_report_url():
    return [
        path(
            "reports/pages-due-for-review/",
            PagesDueForReviewView.as_view(),
            name="pages_due_for_review",
        )
    ]


@hooks.register("construct_homepage_panels")
def show_pages_due_for_review(request, panels):
    panel = ReviewPanel.for_user(request.user)
    if panel is not None:
        panels.append(panel)
