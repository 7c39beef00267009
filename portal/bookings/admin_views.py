"""The admin page of one booking request: what was asked, whether the dates are still
free, and the decision (approve, decline, cancel) with a message to the requester, for the
whole request or date by date.

Each date is decided by a plain POST to its own URL (`DateDecisionView`), so a form
anywhere in the admin (the request's page, a dashboard panel) can approve or decline it
with one button: `approve_date` and `decline_date` in the viewset's URL namespace, with the
request's and the date's primary keys; a decline posts its `reason`, and either may post
`next`, the admin page to return to."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import EditView, InspectView

from portal.bookings import calendar, conflicts, decisions
from portal.bookings.forms import DateDecisionForm, DecisionForm
from portal.bookings.models import BookingRequest
from portal.spaces import hours

# What the admin shows for an empty value.
EMPTY = "—"


def moment_text(moment):
    """ "14. 1. 2027 ob 17.00": an aware datetime as a date and time in Ljubljana."""
    if moment is None:
        return EMPTY
    return _("%(date)s at %(time)s") % {
        "date": date_format(hours.local_date(moment), "j. n. Y"),
        "time": hours.clock(moment),
    }


def value_text(value):
    """A field's value in words: a moment as a date, yes or no, a dash for nothing."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if hasattr(value, "tzinfo"):
        return moment_text(value)
    return value


class MomentColumn(Column):
    """A listing's column of a date and time, written as one (Wagtail's `DateColumn`
    says how long ago, which reads "just now" for every date still to come)."""

    def get_value(self, instance):
        return moment_text(super().get_value(instance))


# What the volunteer is told after an approval, by what became of its event (if any).
APPROVED = {
    None: gettext_lazy("The request is approved; the requester is told."),
    calendar.PUBLISHED: gettext_lazy(
        "The request is approved and published as an event in the KS calendar; the "
        "requester is told."
    ),
    calendar.SUBMITTED: gettext_lazy(
        "The request is approved; the requester is told. Its event is sent for approval to "
        "the municipal editors and appears in the KS calendar once they approve it."
    ),
    calendar.DRAFT: gettext_lazy(
        "The request is approved; the requester is told. Its event is saved as a draft in "
        "the KS calendar, to be published by someone who may publish there."
    ),
}


class DecideView(InspectView):
    """The request's inspect view, with the decision form under its details."""

    template_name = "bookings/admin/decide.html"
    inspect_url_name = None  # set by the viewset

    def get_object(self, queryset=None):
        return get_object_or_404(
            BookingRequest.objects.select_related("space", "room", "event", "decided_by"),
            pk=unquote(str(self.object_pk)),
        )

    def setup(self, request, *args, **kwargs):
        self.object_pk = kwargs.get("pk")
        super().setup(request, *args, **kwargs)

    @cached_property
    def header_more_buttons(self):
        # The request itself is not edited: only decided on.
        return [button for button in super().header_more_buttons if button.icon_name != "edit"]

    def get_field_display_value(self, field_name, field):
        if field.choices or isinstance(field, models.ForeignKey | models.TextField):
            value = super().get_field_display_value(field_name, field)
        else:
            value = getattr(self.object, field_name)
        return value_text(value)

    def can_decide(self):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", self.object
        )

    def decision_form(self, data=None):
        booking = self.object
        waits = booking.is_public and calendar.waits_for_approval(booking, self.request.user)
        return DecisionForm(data, booking=booking, event_waits_for_approval=waits)

    def get_context_data(self, form=None, problems=None, **kwargs):
        context = super().get_context_data(**kwargs)
        booking = self.object
        dates = list(booking.dates.all())
        if problems is None and booking.is_pending:
            problems = conflicts.problems(
                booking.space,
                [conflicts.Slot(date.start, date.end) for date in dates if date.is_pending],
                booking.room,
                booking.attendance,
            )
        can_decide = self.can_decide() and (booking.is_pending or booking.is_cancellable)
        context.update(
            booking=booking,
            dates=dates,
            problems=problems or [],
            form=form or (self.decision_form() if can_decide else None),
            decides_dates=can_decide and booking.is_pending and len(dates) > 1,
            # The last date decided concludes the request: it may publish the event.
            offers_event=booking.is_public and sum(date.is_pending for date in dates) == 1,
            approve_date_url=self.url_name("approve_date"),
            decline_date_url=self.url_name("decline_date"),
        )
        return context

    def url_name(self, name):
        return self.inspect_url_name.rsplit(":", 1)[0] + ":" + name

    def post(self, request, *args, **kwargs):
        if not self.can_decide():
            raise PermissionDenied
        booking = self.object
        form = self.decision_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data = form.cleaned_data
        try:
            if data["decision"] == DecisionForm.APPROVE:
                booking = decisions.approve(
                    booking, request.user, data["message"], data.get("publish_event", False)
                )
                event = booking.event
                messages.success(request, APPROVED[event and calendar.state(event)])
            elif data["decision"] == DecisionForm.DECLINE:
                decisions.decline(booking, request.user, data["message"])
                messages.success(request, _("The request is declined; the requester is told."))
            else:
                decisions.cancel(booking, request.user, data["message"])
                messages.success(request, _("The request is cancelled; the requester is told."))
        except decisions.DecisionError as error:
            form.add_error(None, _("The decision was not saved."))
            context = self.get_context_data(form=form, problems=error.messages)
            return self.render_to_response(context, status=409)
        return redirect(self.request.path)


class DateDecisionView(DecideView):
    """Approve or decline one date of a request (POST only): back to `next` or to the
    request's page with what became of it; the request's page with the reason if the
    date cannot be decided so."""

    http_method_names = ["post"]
    action = None  # DateDecisionForm.APPROVE or DECLINE, set by the URL

    def post(self, request, *args, **kwargs):
        if not self.can_decide():
            raise PermissionDenied
        booking = self.object
        date = get_object_or_404(booking.dates.all(), pk=kwargs["date_pk"])
        form = DateDecisionForm(request.POST, action=self.action)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors_text()))
            return self.render_to_response(self.get_context_data(), status=400)
        data = form.cleaned_data
        publish_event = data["publish_event"] and booking.is_public
        try:
            if self.action == DateDecisionForm.APPROVE:
                booking = decisions.approve(
                    booking, request.user, publish_event=publish_event, dates=[date.pk]
                )
            else:
                booking = decisions.decline(
                    booking, request.user, data["reason"], [date.pk], publish_event
                )
        except decisions.DecisionError as error:
            messages.error(request, _("The decision was not saved."))
            context = self.get_context_data(problems=error.messages)
            return self.render_to_response(context, status=409)
        messages.success(request, self.done_message(booking, date))
        return redirect(self.next_url() or reverse(self.inspect_url_name, args=[booking.pk]))

    def done_message(self, booking, date):
        when = conflicts.describe(date.start, date.end)
        if self.action == DateDecisionForm.APPROVE:
            done = _("%(when)s is approved.") % {"when": when}
        else:
            done = _("%(when)s is declined.") % {"when": when}
        if booking.is_pending:
            return done
        return " ".join([done, str(_("Every date is decided; the requester is told."))])

    def next_url(self):
        url = self.request.POST.get("next", "")
        safe = url.startswith("/") and url_has_allowed_host_and_scheme(
            url, allowed_hosts={self.request.get_host()}
        )
        return url if safe else ""


class EditRedirectView(EditView):
    """A request is not edited in the admin: its page is where one decides on it."""

    inspect_url_name = None

    def dispatch(self, request, *args, **kwargs):
        return redirect(reverse(self.inspect_url_name, args=[kwargs["pk"]]))
