"""The outbox's admin screens as a Wagtail viewset, read-only but for sending again."""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet

from portal.outbox.models import OutboxMessage
from portal.outbox.views import OutboxIndexView, OutboxInspectView, RetryView


class EditRedirectView(PermissionCheckedMixin, View):
    """A message is not edited: its page shows it (for admin links that ask to edit)."""

    model = None
    permission_required = "change"
    inspect_url_name = None

    def get(self, request, pk):
        return redirect(reverse(self.inspect_url_name, args=[pk]))


class OutboxViewSet(ModelViewSet):
    model = OutboxMessage
    name = "outbox"
    icon = "mail"
    menu_label = _("Outgoing mail")
    menu_order = 850
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = OutboxIndexView
    inspect_view_class = OutboxInspectView

    @cached_property
    def edit_view(self):
        return self.construct_view(EditRedirectView, inspect_url_name=self.get_url_name("inspect"))

    def get_permissions_to_register(self):
        # What a group may be given: to see the outbox, and to send a message again.
        return (
            super()
            .get_permissions_to_register()
            .filter(codename__in=["view_outboxmessage", "change_outboxmessage"])
        )

    def get_common_view_kwargs(self, **kwargs):
        # Nothing is added, deleted, copied or given a history here.
        return super().get_common_view_kwargs(
            add_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            retry_url_name=self.get_url_name("retry"),
            retry_failed_url_name=self.get_url_name("retry_failed"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("edit/<int:pk>/", self.edit_view, name="edit"),
            path("retry/", self.construct_view(RetryView), name="retry_failed"),
            path("retry/<int:pk>/", self.construct_view(RetryView), name="retry"),
        ]
