"""The outbox in the admin: the listing of messages with their state, one message's page,
and sending a message, or every message not sent, again. Only for users with the
outbox's permissions (municipal editors and superusers): the messages carry residents'
personal data."""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets import HeaderButton, ListingButton

from portal.outbox import sender
from portal.outbox.models import OutboxMessage

Status = OutboxMessage.Status
ERROR_SHOWN = 120


def short_error(message):
    error = message.last_error
    return error if len(error) <= ERROR_SHOWN else error[: ERROR_SHOWN - 1] + "…"


class OutboxIndexView(IndexView):
    retry_url_name = None
    retry_failed_url_name = None
    list_display = [
        "subject",
        "recipients",
        StatusTagColumn(
            "status",
            label=capfirst(gettext_lazy("status")),
            accessor="get_status_display",
            primary=lambda message: message.status == Status.FAILED,
            sort_key="status",
        ),
        Column("attempts", label=capfirst(gettext_lazy("attempts")), sort_key="attempts"),
        DateColumn("next_attempt_at", label=capfirst(gettext_lazy("next attempt"))),
        Column("last_error", label=capfirst(gettext_lazy("last error")), accessor=short_error),
        DateColumn("created_at", label=capfirst(gettext_lazy("written")), sort_key="created_at"),
    ]
    list_filter = ["status"]
    search_fields = ["subject", "recipients"]
    search_backend_name = None
    default_ordering = "-created_at"

    def get_edit_url(self, instance):
        # A message is not edited: its title opens its page.
        return None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.may_retry and self.user_has_permission("change"):
            buttons.append(
                ListingButton(
                    _("Send again"),
                    url=reverse(self.retry_url_name, args=[quote(instance.pk)]),
                    icon_name="resubmit",
                    priority=30,
                )
            )
        return buttons

    @cached_property
    def header_buttons(self):
        if not self.user_has_permission("change"):
            return []
        return [
            HeaderButton(
                _("Send every unsent message again"),
                url=reverse(self.retry_failed_url_name),
                icon_name="resubmit",
            )
        ]


class OutboxInspectView(InspectView):
    template_name = "outbox/admin/inspect.html"
    retry_url_name = None
    fields = [
        "subject",
        "recipients",
        "status",
        "attempts",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]

    def get_edit_url(self):
        return None

    @cached_property
    def header_buttons(self):
        if not (self.object.may_retry and self.user_has_permission("change")):
            return []
        return [
            HeaderButton(
                _("Send again"),
                url=reverse(self.retry_url_name, args=[quote(self.object.pk)]),
                icon_name="resubmit",
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["body"] = self.object.message.get("body", "")
        return context


class RetryView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """Asks, then sends one message (`pk`) or every message not sent (no `pk`) again as
    soon as the sender runs, with a fresh count of attempts."""

    model = OutboxMessage
    permission_required = "change"
    template_name = "outbox/admin/confirm_retry.html"
    page_title = gettext_lazy("Send again")
    header_icon = "mail"
    index_url_name = None

    def setup(self, request, *args, pk=None, **kwargs):
        super().setup(request, *args, **kwargs)
        self.pk = pk

    @cached_property
    def message(self):
        return get_object_or_404(OutboxMessage, pk=self.pk) if self.pk is not None else None

    def get_queryset(self):
        if self.message is not None:
            return OutboxMessage.objects.filter(pk=self.message.pk)
        return OutboxMessage.objects.filter(status=Status.FAILED)

    def get_page_subtitle(self):
        return self.message.subject if self.message else _("Every message not sent")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": OutboxMessage._meta.verbose_name_plural},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get(self, request, *args, **kwargs):
        if self.message is not None and not self.message.may_retry:
            return self.nothing_to_retry()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            message=self.message,
            count=self.get_queryset().count(),
            index_url=reverse(self.index_url_name),
        )
        return context

    def post(self, request, *args, **kwargs):
        count = sender.retry(self.get_queryset())
        if not count:
            return self.nothing_to_retry()
        messages.success(
            request,
            ngettext(
                "%(count)d message will be sent again within a minute.",
                "%(count)d messages will be sent again within a minute.",
                count,
            )
            % {"count": count},
        )
        return redirect(self.index_url_name)

    def nothing_to_retry(self):
        messages.warning(
            self.request,
            _("There is nothing to send again: the message is sent or being sent.")
            if self.message is not None
            else _("There is nothing to send again: every message was sent."),
        )
        return redirect(self.index_url_name)
