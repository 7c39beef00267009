"""Sign-ups in the admin: the listing of dates with sign-ups ("Prijave na dogodke", the
editor's own KS only), each date's page, its exports and sign-in sheet, and the "Sign-ups"
button in an event's editor (decision 0039)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from portal.communities.viewsets import CommunityOwnedViewSet
from portal.events.models.pages import EventPage, Registration
from portal.signups import admin_views
from portal.signups.models import SignUpDate


class PlacesColumn(Column):
    def get_value(self, instance):
        return f"{instance.confirmed_places}/{instance.capacity}"


class WaitingColumn(Column):
    def get_value(self, instance):
        return instance.waiting


class SignUpDateViewSet(CommunityOwnedViewSet):
    model = SignUpDate
    icon = "group"
    menu_label = _("Event sign-ups")
    menu_order = 207
    add_to_admin_menu = True
    edit_view_class = admin_views.EditRedirectView
    list_display = [
        "event",
        "start",
        PlacesColumn("places", label=_("places taken")),
        WaitingColumn("waiting", label=_("waiting list")),
        "attendance_recorded_at",
    ]
    list_filter = ["community"]
    ordering = ["-start"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("event")
            .annotate(waiting=admin_views.waiting_count())
        )


register_snippet(SignUpDateViewSet)


@hooks.register("register_admin_urls")
def register_signup_admin_urls():
    return [
        path(
            "signups/event/<int:page_id>/",
            admin_views.EventDatesView.as_view(),
            name="signups_event_dates",
        ),
        path("signups/<int:pk>/", admin_views.DateView.as_view(), name="signups_date"),
        path("signups/<int:pk>/prijave.csv", admin_views.export_csv, name="signups_export_csv"),
        path("signups/<int:pk>/prijave.xlsx", admin_views.export_xlsx, name="signups_export_xlsx"),
        path("signups/<int:pk>/sheet/", admin_views.SheetView.as_view(), name="signups_sheet"),
    ]


@hooks.register("register_page_header_buttons")
def signup_buttons(page, user, view_name, next_url=None):
    """In an event's editor: the way to its dates' sign-ups."""
    if (
        page.specific_class is EventPage
        and page.specific.registration == Registration.PORTAL
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Sign-ups"),
            url=reverse("signups_event_dates", args=[page.pk]),
            icon_name="group",
            priority=25,
        )
