"""The utilisation report among the admin's reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.spaces.report.views import UtilisationReportView, may_see_report


class UtilisationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_utilisation_report_menu_item():
    return UtilisationReportMenuItem(
        _("Use of community spaces"),
        reverse("space_utilisation_report"),
        name="space-utilisation",
        icon_name="table",
        order=100,
    )


@hooks.register("register_admin_urls")
def register_utilisation_report_url():
    return [
        path(
            "reports/space-utilisation/",
            UtilisationReportView.as_view(),
            name="space_utilisation_report",
        )
    ]
