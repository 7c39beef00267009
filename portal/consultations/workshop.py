"""Workshop mode: a volunteer types in the notes from the workshop tables, one after the
other, in a compact admin form. Each note is a `Response` marked "z delavnice" (its date,
table and round, and how many people at the table agreed) with one `Answer` (its theme,
its type: need, idea or offer, and its text), so workshop notes are counted with the
online answers and told apart from them. After each note the form comes back empty but
for the date, table and round, which stay as they were."""

import datetime
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.consultations.models import Answer, ConsultationPage, Response

DATE_FORMATS = ["%d. %m. %Y", "%d.%m.%Y", "%d. %m. %Y.", "%Y-%m-%d"]
# What stays filled in from one note to the next.
STICKY = ("workshop_date", "table", "round", "theme")


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


@transaction.atomic
def save_note(consultation, data, user):
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
        save_note(self.consultation, form.cleaned_data, self.request.user)
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
