"""Sign-ups in the admin (decision 0039, "Admin" and "Sign-in sheet"): an event's dates
(each upcoming one can be opened for sign-ups), a date's list and waiting list with the
editor's steps (move, cancel, add by hand, places and deadline, attendance), its exports
and the printed sign-in sheet. Every view finds the date among the rows the editor may
edit (`editable_instances`): another KS's date is not found (404)."""

from django import forms
from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.snippets.views.snippets import EditView

from portal.base import clock
from portal.base.spreadsheets import csv_response, xlsx_response
from portal.communities.viewsets import editable_instances
from portal.events.models.occurrences import Occurrence
from portal.events.models.pages import MAX_PLACES_PER_SIGNUP, EventPage
from portal.signups import booking, dates
from portal.signups.models import SignUp, SignUpDate

Status = SignUp.Status
SHEET_ROWS = 25


def date_for_editor(request, pk):
    """The date if `request.user` may edit it; 404 otherwise (another KS's)."""
    found = (
        editable_instances(request.user, SignUpDate).filter(pk=pk).select_related("event").first()
    )
    if found is None:
        raise Http404
    return found


def event_for_editor(request, page_id):
    event = get_object_or_404(EventPage, pk=page_id)
    if not event.permissions_for_user(request.user).can_edit():
        raise Http404
    return event


def number(value):
    """`value` (from a form) as a positive whole number, or 0."""
    return int(value) if isinstance(value, str) and value.isdigit() and len(value) < 12 else 0


def date_url(date):
    return reverse("signups_date", args=[date.pk])


def event_dates_url(event):
    return reverse("signups_event_dates", args=[event.pk])


def questions_of(event):
    """Each question's text by its block id."""
    return {block.id: block.value["question"] for block in event.signup_questions}


def answer_text(value):
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    return "" if value is None else str(value)


def answers_of(signup, questions):
    return [(questions.get(key, key), answer_text(value)) for key, value in signup.answers.items()]


class AddForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("name and surname"), max_length=200)
    email = forms.EmailField(label=gettext_lazy("e-mail"), required=False)
    phone = forms.CharField(label=gettext_lazy("phone"), max_length=50, required=False)
    places = forms.IntegerField(
        label=gettext_lazy("places"), min_value=1, max_value=MAX_PLACES_PER_SIGNUP, initial=1
    )


class CapacityForm(forms.Form):
    capacity = forms.IntegerField(label=gettext_lazy("places"), min_value=1, max_value=100_000)
    deadline = forms.DateTimeField(
        label=gettext_lazy("sign-ups close"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class AttendanceForm(forms.Form):
    walk_ins = forms.IntegerField(
        label=gettext_lazy("walk-ins"), min_value=0, max_value=100_000, initial=0
    )


class EventDatesView(WagtailAdminTemplateMixin, TemplateView):
    """An event's upcoming dates: those with sign-ups link to their page, the others can be
    opened (a POST makes the date's row)."""

    template_name = "signups/admin/event_dates.html"
    header_icon = "group"
    page_title = gettext_lazy("Sign-ups")

    def dispatch(self, request, page_id):
        self.event = event_for_editor(request, page_id)
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.event.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        existing = {d.date_key: d for d in SignUpDate.objects.filter(event=self.event)}
        rows = []
        for occurrence in Occurrence.objects.filter(event=self.event).upcoming()[:100]:
            key = dates.key_of(self.event, occurrence)
            rows.append({"occurrence": occurrence, "date": existing.pop(key, None)})
        context.update(
            event=self.event,
            rows=rows,
            past=sorted(existing.values(), key=lambda d: d.start, reverse=True),
        )
        return context

    def post(self, request):
        occurrence = Occurrence.objects.filter(
            event=self.event, pk=number(request.POST.get("occurrence"))
        ).first()
        if occurrence is None:
            messages.error(request, _("This date is no longer in the event's schedule."))
            return redirect(event_dates_url(self.event))
        date = dates.date_for(self.event, occurrence)
        if date is None:
            messages.error(request, _("Set the number of places in the event's settings first."))
            return redirect(event_dates_url(self.event))
        return redirect(date_url(date))


class DateView(WagtailAdminTemplateMixin, TemplateView):
    """One date: the list and the waiting list, and the editor's steps (each a POST with
    an `action`)."""

    template_name = "signups/admin/date.html"
    header_icon = "group"
    page_title = gettext_lazy("Sign-ups")

    def dispatch(self, request, pk):
        self.date = date_for_editor(request, pk)
        self.add_form = AddForm(prefix="add")
        self.capacity_form = CapacityForm(
            prefix="capacity",
            initial={
                "capacity": self.date.capacity,
                "deadline": timezone.localtime(self.date.deadline) if self.date.deadline else None,
            },
        )
        self.attendance_form = AttendanceForm(
            prefix="attendance", initial={"walk_ins": self.date.walk_ins}
        )
        return super().dispatch(request)

    def get_page_subtitle(self):
        return str(self.date)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        questions = questions_of(self.date.event)
        confirmed = list(self.date.signups.confirmed().order_by("confirmed_at", "pk"))
        waiting = list(self.date.signups.waitlisted())
        context.update(
            date=self.date,
            event=self.date.event,
            confirmed=[(s, answers_of(s, questions)) for s in confirmed],
            waiting=[(n, s, answers_of(s, questions)) for n, s in enumerate(waiting, 1)],
            add_form=self.add_form,
            capacity_form=self.capacity_form,
            attendance_form=self.attendance_form,
            after_the_date=self.date.has_started,
            event_dates_url=event_dates_url(self.date.event),
        )
        return context

    def post(self, request):
        action = request.POST.get("action", "")
        handler = getattr(self, f"do_{action}", None) if action in ACTIONS else None
        if handler is None:
            messages.error(request, _("Unknown action."))
            return redirect(date_url(self.date))
        try:
            response = handler(request)
        except booking.SignUpError as error:
            messages.error(request, error.message)
            return redirect(date_url(self.date))
        return response or redirect(date_url(self.date))

    def signup(self, request):
        found = self.date.signups.filter(pk=number(request.POST.get("signup"))).first()
        if found is None:
            raise booking.SignUpError(_("This sign-up is not on this date."))
        return found

    def do_to_waitlist(self, request):
        booking.move(self.signup(request), Status.WAITLISTED, user=request.user)
        messages.success(request, _("Moved to the waiting list."))

    def do_to_list(self, request):
        booking.move(self.signup(request), Status.CONFIRMED, user=request.user)
        messages.success(request, _("Moved to the list."))

    def do_cancel(self, request):
        if booking.cancel(self.signup(request)):
            messages.success(request, _("The sign-up is cancelled."))
        else:
            messages.warning(request, _("The sign-up was already cancelled."))

    def do_add(self, request):
        self.add_form = AddForm(request.POST, prefix="add")
        if not self.add_form.is_valid():
            messages.error(request, _("Correct the errors below."))
            return self.render_to_response(self.get_context_data(), status=400)
        data = self.add_form.cleaned_data
        signup = booking.sign_up(
            self.date,
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            places=data["places"],
            added_by=request.user,
            mail=bool(data["email"]),
        )
        if signup.status == Status.CONFIRMED:
            messages.success(request, _("Added to the list."))
        else:
            messages.warning(request, _("There were not enough places: added to the waiting list."))

    def do_capacity(self, request):
        self.capacity_form = CapacityForm(request.POST, prefix="capacity")
        if not self.capacity_form.is_valid():
            messages.error(request, _("Correct the errors below."))
            return self.render_to_response(self.get_context_data(), status=400)
        data = self.capacity_form.cleaned_data
        try:
            booking.set_capacity(self.date, data["capacity"], data["deadline"])
        except booking.SignUpError as error:
            messages.error(request, error.message)
            return self.render_to_response(self.get_context_data(), status=400)
        messages.success(request, _("The places and the deadline are saved."))

    def do_attendance(self, request):
        if not self.date.has_started:
            raise booking.SignUpError(_("Attendance can be recorded once the date has begun."))
        self.attendance_form = AttendanceForm(request.POST, prefix="attendance")
        if not self.attendance_form.is_valid():
            messages.error(request, _("Correct the errors below."))
            return self.render_to_response(self.get_context_data(), status=400)
        for signup in self.date.signups.confirmed():
            came = request.POST.get(f"came-{signup.pk}")
            attended = {"1": True, "0": False}.get(came)
            if attended != signup.attended:
                SignUp.objects.filter(pk=signup.pk).update(attended=attended)
        SignUpDate.objects.filter(pk=self.date.pk).update(
            walk_ins=self.attendance_form.cleaned_data["walk_ins"],
            attendance_recorded_at=clock.now(),
        )
        messages.success(request, _("Attendance is recorded."))


ACTIONS = {"to_waitlist", "to_list", "cancel", "add", "capacity", "attendance"}


def waiting_count():
    """An annotation: how many are on each date's waiting list."""
    return Count("signups", filter=Q(signups__status=Status.WAITLISTED))


def local(moment):
    return timezone.make_naive(moment) if moment else None


def signup_table(date):
    """(headings, rows) of the date's list, then its waiting list in order."""
    questions = questions_of(date.event)
    headings = [
        _("status"),
        _("position"),
        _("name and surname"),
        _("e-mail"),
        _("phone"),
        _("places"),
        _("signed up"),
        _("came"),
        *questions.values(),
    ]
    rows = []
    waiting = list(date.signups.waitlisted())
    for number, signup in [(None, s) for s in date.signups.confirmed()] + list(
        enumerate(waiting, 1)
    ):
        rows.append(
            [
                signup.get_status_display(),
                number,
                signup.name,
                signup.email,
                signup.phone,
                signup.places,
                local(signup.created_at),
                "" if signup.attended is None else answer_text(signup.attended),
                *(answer_text(signup.answers.get(key)) for key in questions),
            ]
        )
    return [str(h) for h in headings], rows


def filename(date):
    day = timezone.localtime(date.start).date().isoformat()
    return f"prijave-{slugify(date.event.title)[:40]}-{day}"


def export_csv(request, pk):
    date = date_for_editor(request, pk)
    return csv_response(signup_table(date), filename(date))


def export_xlsx(request, pk):
    date = date_for_editor(request, pk)
    return xlsx_response([(_("Sign-ups"), signup_table(date))], filename(date))


def chunks(items, size):
    return [items[n : n + size] for n in range(0, len(items), size)] or [[]]


class SheetView(TemplateView):
    """The sign-in sheet to print: a section (an A4 page) per 25 confirmed people."""

    template_name = "signups/admin/sheet.html"

    def dispatch(self, request, pk):
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        self.date = date_for_editor(request, pk)
        return super().dispatch(request)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        people = list(self.date.signups.confirmed().order_by("name", "pk"))
        numbered = list(enumerate(people, 1))
        event = self.date.event
        context.update(
            date=self.date,
            event=event,
            place=event.space.title if event.space_id else event.location,
            organiser=event.organiser.name if event.organiser_id else "",
            sections=chunks(numbered, SHEET_ROWS),
        )
        return context


class EditRedirectView(EditView):
    """A date is not edited in the snippet form (its places change under the row lock):
    its sign-ups page is where everything is done."""

    def dispatch(self, request, *args, **kwargs):
        return redirect(reverse("signups_date", args=[kwargs["pk"]]))
