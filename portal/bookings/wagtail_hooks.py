"""Bookings in the admin: the listing and decision page of booking requests, and the
utilisation report of the spaces among the reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from portal.bookings.admin_views import (
    DateDecisionView,
    DecideView,
    EditRedirectView,
    MomentColumn,
)
from portal.bookings.forms import DateDecisionForm
from portal.bookings.models import BookingRequest
from portal.bookings.panels import WaitingRequestsPanel, WeekAheadPanel
from portal.bookings.report.views import UtilisationReportView, may_see_report
from portal.communities.viewsets import CommunityOwnedViewSet


class BookingRequestViewSet(CommunityOwnedViewSet):
    """Requests of the editor's own KS (all of them for municipal editors), newest first;
    each one's page is where it is approved, declined or cancelled."""

    model = BookingRequest
    icon = "date"
    menu_label = _("Booking requests")
    menu_order = 205
    add_to_admin_menu = True
    inspect_view_enabled = True
    inspect_view_class = DecideView
    edit_view_class = EditRedirectView
    inspect_view_fields = [
        "space",
        "room",
        "purpose",
        "description",
        "is_public",
        "attendance",
        "programme",
        "name",
        "email",
        "phone",
        "organisation",
        "consent_at",
        "house_rules_accepted_at",
        "created",
        "status",
        "decision_message",
        "decided_at",
        "decided_by",
        "event",
    ]
    list_display = [
        "purpose",
        "space",
        MomentColumn("first_date", label=_("first date"), sort_key="first_date"),
        "name",
        "status",
        MomentColumn("created", label=_("received"), sort_key="created"),
    ]
    list_filter = ["status", "community", "is_public"]
    list_export = [
        "purpose",
        "space",
        "name",
        "email",
        "phone",
        "organisation",
        "status",
        "created",
    ]
    ordering = ["-created"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("space").with_first_date()

    def date_decision_view(self, action):
        return self.construct_view(
            DateDecisionView, **self.get_inspect_view_kwargs(), action=action
        )

    def get_urlpatterns(self):
        # Plain POST URLs that decide one date (`portal.bookings.admin_views`).
        conv = self.pk_path_converter
        return [
            *super().get_urlpatterns(),
            path(
                f"inspect/<{conv}:pk>/dates/<int:date_pk>/approve/",
                self.date_decision_view(DateDecisionForm.APPROVE),
                name="approve_date",
            ),
            path(
                f"inspect/<{conv}:pk>/dates/<int:date_pk>/decline/",
                self.date_decision_view(DateDecisionForm.DECLINE),
                name="decline_date",
            ),
        ]


register_snippet(BookingRequestViewSet)


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


@hooks.register("construct_homepage_panels")
def show_booking_panels(request, panels):
    """The requests waiting for the editor's decision, and the week in their spaces."""
    for panel_class in (WaitingRequestsPanel, WeekAheadPanel):
        panel = panel_class.for_user(request.user)
        if panel is not None:
            panels.append(panel)
