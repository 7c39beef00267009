"""Workshop mode: a volunteer types in the notes from the workshop tables, one after the
other, in a compact admin form. Each note is a `Response` marked "z delavnice" (its date,
table and round, and how many people at the table agreed) with one `Answer` (its theme,
its type: need, idea or offer, and its text), so workshop notes are counted with the
online answers and told apart from them. After each note the form comes back empty but
for the date, table and round, which stay as they were.

A note of type "offer" is also an `Offer`, so it can become a stakeholder or a draft
programme like an online one; it keeps a name and a contact only when the person at the
table agreed to be contacted."""

import datetime
import re
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.validators import validate_email
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.base import clock
from portal.consultations.models import Answer, ConsultationPage, Offer, Response

DATE_FORMATS = ["%d. %m. %Y", "%d.%m.%Y", "%d. %m. %Y.", "%Y-%m-%d"]
# What stays filled in from one note to the next.
STICKY = ("workshop_date", "table", "round", "theme")
PHONE = re.compile(r"\+?[0-9 ()/-]{6,30}")


class WorkshopNoteForm(forms.Form):
    workshop_date = forms.DateField(
        label=_("workshop date"),
        input_formats=DATE_FORMATS,
        help_text=_("E.g. 7. 11. 2017."),
        widget=forms.DateInput(format="%d. %m. %Y", attrs={"size": 12, "inputmode": "numeric"}),
    )
    table = forms.CharField(label=_("table"), max_length=60, required=False)
    round = forms.IntegerField(label=_("round"), min_value=1, max_value=20, required=False)
    theme = forms.ChoiceField(label=_("theme"))
    note_type = forms.ChoiceField(
        label=_("type"), choices=Answer.NoteType.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("text"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    people_count = forms.IntegerField(
        label=_("number of people"),
        min_value=1,
        max_value=500,
        initial=1,
        help_text=_("How many people at the table agreed with it."),
    )

    contact_name = forms.CharField(label=_("name and surname"), max_length=200, required=False)
    contact = forms.CharField(
        label=_("e-mail or phone"),
        max_length=200,
        required=False,
        help_text=_("Only for an offer, and only if the person agreed to be contacted."),
    )
    consent_to_contact = forms.BooleanField(
        label=_("The person agreed to be contacted about this offer"), required=False
    )

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [
            (theme.key, str(theme.label).capitalize()) for theme in consultation.asked_themes()
        ]

    def clean_workshop_date(self):
        date = self.cleaned_data["workshop_date"]
        if date > timezone.localdate() + datetime.timedelta(days=1):
            raise forms.ValidationError(_("The workshop cannot be in the future."))
        return date

    def clean_contact(self):
        contact = self.cleaned_data["contact"].strip()
        if "@" in contact:
            validate_email(contact)
        elif contact and not PHONE.fullmatch(contact):
            raise forms.ValidationError(_("Enter an e-mail address or a phone number."))
        return contact

    def clean(self):
        data = super().clean()
        has_contact = bool(data.get("contact_name") or data.get("contact"))
        if data.get("note_type") != Answer.NoteType.OFFER:
            if has_contact or data.get("consent_to_contact"):
                self.add_error(
                    "contact", _("A name and contact are kept only with a note of type offer.")
                )
        elif data.get("consent_to_contact") and not data.get("contact"):
            self.add_error("contact", _("Enter how to reach the person who agreed."))
        elif has_contact and not data.get("consent_to_contact"):
            self.add_error(
                "consent_to_contact",
                _("Tick that the person agreed to be contacted, or leave the contact empty."),
            )
        return data

    def offer_fields(self):
        """The `Offer` of a note of type offer: its text, and the contact if agreed."""
        data = self.cleaned_data
        fields = {"theme": data["theme"], "description": data["text"]}
        if data["consent_to_contact"]:
            contact = data["contact"]
            fields |= {
                "name": data["contact_name"],
                "email": contact if "@" in contact else "",
                "phone": "" if "@" in contact else contact,
                "consent_to_contact": True,
                "consent_at": clock.now(),
            }
        return fields


@transaction.atomic
def save_note(consultation, form, user):
    data = form.cleaned_data
    response = Response.objects.create(
        consultation=consultation,
        community=consultation.community,
        source=Response.Source.WORKSHOP,
        people_count=data["people_count"],
        workshop_date=data["workshop_date"],
        workshop_table=data.get("table") or "",
        workshop_round=data.get("round"),
        entered_by=user,
    )
    Answer.objects.create(
        response=response, theme=data["theme"], note_type=data["note_type"], text=data["text"]
    )
    if data["note_type"] == Answer.NoteType.OFFER:
        Offer.objects.create(response=response, **form.offer_fields())
    return response


class WorkshopEntryView(WagtailAdminTemplateMixin, FormView):
    """Only an editor who may edit the consultation page (its KS's and the municipality's)
    reaches it; anyone else gets 404, as for every view of another KS's answers."""

    template_name = "consultations/admin/workshop_entry.html"
    form_class = WorkshopNoteForm
    header_icon = "form"
    page_title = _("Answers from a workshop")

    def dispatch(self, request, page_id):
        self.consultation = get_object_or_404(ConsultationPage, pk=page_id)
        if not self.consultation.permissions_for_user(request.user).can_edit():
            raise Http404
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.consultation.title

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["consultation"] = self.consultation
        return kwargs

    def get_initial(self):
        return {name: self.request.GET.get(name, "")[:60] for name in STICKY} | {"people_count": 1}

    def form_valid(self, form):
        save_note(self.consultation, form, self.request.user)
        messages.success(self.request, _("The note is saved. Enter the next one."))
        data = form.cleaned_data
        sticky = {
            "workshop_date": data["workshop_date"].strftime("%d. %m. %Y"),
            "table": data.get("table") or "",
            "round": data.get("round") or "",
            "theme": data["theme"],
        }
        return redirect(f"{entry_url(self.consultation)}?{urlencode(sticky)}")

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["consultation"] = self.consultation
        context["entered"] = Response.objects.filter(
            consultation=self.consultation, source=Response.Source.WORKSHOP
        ).count()
        return context


def entry_url(consultation):
    return reverse("consultation_workshop_entry", args=[consultation.pk])
