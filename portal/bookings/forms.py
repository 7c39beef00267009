"""The public form in which a resident or a society asks to use a space, and the form in
which a KS representative decides on a request."""

import datetime

from django import forms
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.base import clock
from portal.base.forms import ContactForm
from portal.bookings.conflicts import Slot, capacity_of
from portal.spaces import hours
from programmes.models import Programme

# A weekly request covers at most a year.
MAX_DATES = 52
DATE_FORMATS = ["%Y-%m-%d", "%d. %m. %Y", "%d.%m.%Y", "%d. %m. %Y."]
TIME_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S"]


# Dates and times are typed as text, the Slovenian way: the browsers' date and time pickers
# have a Tab stop for each part and read back in the browser's own language.
class DateInput(forms.DateInput):
    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "size": 12, **(attrs or {})}, format="%d. %m. %Y")


class TimeInput(forms.TimeInput):
    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", "size": 6, **(attrs or {})}, format="%H.%M")


class BookingForm(ContactForm):
    email_help_text = _("We send the confirmation and our answer here.")

    organisation = forms.CharField(
        label=_("Organisation (optional)"),
        max_length=200,
        required=False,
        help_text=_("The society, group or company you ask for, if any."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    purpose = forms.CharField(
        label=_("What for"),
        max_length=200,
        help_text=_("E.g. “Rehearsal of the choir” or “Birthday party”."),
    )
    description = forms.CharField(
        label=_("More about it (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    visibility = forms.ChoiceField(
        label=_("Who may come"),
        choices=[
            ("", _("Choose …")),
            ("public", _("Everyone: it may be shown in the space's calendar")),
            ("private", _("Only those invited: the calendar shows just “taken”")),
        ],
    )
    attendance = forms.IntegerField(
        label=_("Expected attendance"),
        min_value=1,
        max_value=10_000,
        help_text=_("How many people at most."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    room = forms.ChoiceField(label=_("Room"), required=False)
    date = forms.DateField(
        label=_("Date"),
        input_formats=DATE_FORMATS,
        help_text=_("E.g. 1. 12. 2026."),
        widget=DateInput,
    )
    start = forms.TimeField(
        label=_("From"), input_formats=TIME_FORMATS, help_text=_("E.g. 17.00."), widget=TimeInput
    )
    end = forms.TimeField(
        label=_("To"),
        input_formats=TIME_FORMATS,
        help_text=_("00.00 means midnight."),
        widget=TimeInput,
    )
    weekly = forms.BooleanField(label=_("Every week at the same time"), required=False)
    until = forms.DateField(
        label=_("Every week until (optional)"),
        input_formats=DATE_FORMATS,
        required=False,
        help_text=_("The last date, if you ask for the same hours every week."),
        widget=DateInput,
    )
    programme = forms.ModelChoiceField(
        label=_("Part of a programme (optional)"),
        queryset=Programme.objects.none(),
        required=False,
        empty_label=_("Not part of a programme"),
        help_text=_("If the use is part of a programme of the local community."),
    )
    house_rules = forms.BooleanField(label=_("I have read the house rules and accept them."))
    consent = forms.BooleanField(label=_("I agree to the privacy notice."))
    # A honeypot: hidden from people, filled by spam robots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, space, **kwargs):
        super().__init__(*args, **kwargs)
        self.space = space
        self.rooms = {str(room.pk): room for room in space.rooms.all()}
        if self.rooms:
            self.fields["room"].choices = [
                ("", _("Any room")),
                *((pk, room_label(room)) for pk, room in self.rooms.items()),
            ]
        else:
            del self.fields["room"]
        programmes = Programme.objects.public().of_community(space.community).order_by("title")
        if programmes.exists():
            self.fields["programme"].queryset = programmes
        else:
            del self.fields["programme"]
        if space.house_rules_id:
            self.fields["house_rules"].error_messages["required"] = _(
                "Tick that you accept the house rules of the space: every user keeps to them."
            )
        else:
            del self.fields["house_rules"]
        capacity = capacity_of(space, None)
        if capacity:
            self.fields["attendance"].widget.attrs["max"] = capacity
        self.fields["consent"].error_messages["required"] = _(
            "Tick that you agree to the privacy notice: we cannot handle the request without "
            "your details."
        )

    def clean_room(self):
        value = self.cleaned_data.get("room")
        if not value:
            return None
        return self.rooms[value]

    def clean_date(self):
        day = self.cleaned_data["date"]
        today = clock.today()
        if day < today:
            raise forms.ValidationError(_("Choose today or a later date."))
        last = today + datetime.timedelta(days=settings.EVENT_HORIZON_DAYS)
        if day > last:
            raise forms.ValidationError(
                _("Requests are accepted up to %(last)s.") % {"last": date_format(last, "j. n. Y")}
            )
        return day

    def clean(self):
        data = super().clean()
        self.check_capacity(data)
        day, start, end = data.get("date"), data.get("start"), data.get("end")
        if day is None or start is None or end is None:
            return data
        first = Slot(hours.local(day, start), hours.closing(day, end))
        if first.end <= first.start:
            self.add_error("end", _("The end must be after the start (00.00 means midnight)."))
            return data
        if first.start < clock.now():
            self.add_error("start", _("This time has passed already: choose a later one."))
            return data
        until = data.get("until")
        if data.get("weekly") and until is None:
            self.add_error("until", _("Give the last date of the weekly use."))
        elif until is not None and not data.get("weekly"):
            self.add_error("weekly", _("Tick “every week” to ask for the same hours weekly."))
        elif until is not None and until < day:
            self.add_error("until", _("The last date cannot be before the first one."))
        elif until is not None and (until - day).days // 7 + 1 > MAX_DATES:
            self.add_error(
                "until",
                _("One request covers at most %(count)s weeks; send another for later dates.")
                % {"count": MAX_DATES},
            )
        return data

    def check_capacity(self, data):
        """More people than the room (or the space) holds: said on the field itself."""
        attendance, room = data.get("attendance"), data.get("room")
        capacity = capacity_of(self.space, room)
        if attendance is None or not capacity or attendance <= capacity:
            return
        where = room.name if room is not None else self.space.title
        self.add_error(
            "attendance",
            ngettext(
                "%(where)s holds at most %(capacity)s person. Write a smaller number, or "
                "ask for a larger space.",
                "%(where)s holds at most %(capacity)s people. Write a smaller number, or "
                "ask for a larger space.",
                capacity,
            )
            % {"where": where, "capacity": capacity},
        )

    def slots(self):
        """The dates asked for, in order."""
        data = self.cleaned_data
        day, last = data["date"], data.get("until") or data["date"]
        found = []
        while day <= last:
            found.append(Slot(hours.local(day, data["start"]), hours.closing(day, data["end"])))
            day += datetime.timedelta(days=7)
        return found

    def request_fields(self):
        """The fields of the `BookingRequest` this form asks for."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "email": data["email"],
            "phone": data["phone"],
            "organisation": data["organisation"],
            "purpose": data["purpose"],
            "description": data["description"],
            "is_public": data["visibility"] == "public",
            "attendance": data["attendance"],
            "programme": data.get("programme"),
            "house_rules_accepted_at": clock.now() if data.get("house_rules") else None,
        }


def room_label(room):
    capacity = capacity_of(None, room)
    if capacity:
        return _("%(room)s (up to %(capacity)s people)") % {
            "room": room.name,
            "capacity": capacity,
        }
    return room.name


class DecisionForm(forms.Form):
    APPROVE, DECLINE, CANCEL = "approve", "decline", "cancel"

    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    publish_event = forms.BooleanField(
        label=_("Publish it as an event in the KS calendar"),
        required=False,
        help_text=_("For a public booking. Otherwise the week view shows the time only as taken."),
    )
    message = forms.CharField(
        label=_("Message to the requester"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent with the decision. Required when you decline or cancel."),
    )

    def __init__(self, *args, booking, event_waits_for_approval=False, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        if booking.is_pending:
            choices += [(self.APPROVE, _("Approve")), (self.DECLINE, _("Decline"))]
        if booking.is_cancellable:
            choices.append((self.CANCEL, _("Cancel")))
        self.fields["decision"].choices = choices
        if not booking.is_public:
            del self.fields["publish_event"]
        elif event_waits_for_approval:
            self.fields["publish_event"].help_text = _(
                "For a public booking. Publishing in this KS needs municipal approval: the "
                "event is sent to the municipal editors and appears once they approve it."
            )

    def clean(self):
        data = super().clean()
        if data.get("decision") in (self.DECLINE, self.CANCEL) and not data.get("message"):
            self.add_error("message", _("Tell the requester why."))
        return data


class DateDecisionForm(forms.Form):
    """One date approved or declined: a decline says why."""

    APPROVE, DECLINE = "approve", "decline"

    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        help_text=_("Sent to the requester with the decision. Required when you decline."),
    )
    publish_event = forms.BooleanField(required=False)

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action

    def clean(self):
        data = super().clean()
        if self.action == self.DECLINE and not data.get("reason", "").strip():
            self.add_error("reason", _("Tell the requester why this date is declined."))
        return data

    def errors_text(self):
        return [str(error) for errors in self.errors.values() for error in errors]
