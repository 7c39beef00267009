"""The admin's "Izžrebaj nagrajence": the editor of a closed consultation with a prize
chooses how many winners and, if they wish, the seed, and the draw (`draw.py`) is held
once; afterwards the page shows its log. Only an editor who may edit the consultation
page reaches it (its KS's and the municipality's); anyone else gets 404."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.consultations import draw
from portal.consultations.models import ConsultationPage, Draw


class DrawForm(forms.Form):
    seed = forms.CharField(
        label=_("seed (optional)"),
        max_length=draw.SEED_LENGTH,
        required=False,
        help_text=_(
            "The same seed draws the same winners from the same entries. Leave empty and "
            "the portal chooses one at random; it is shown and kept with the draw."
        ),
    )

    def __init__(self, *args, entries_count, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["winners_count"] = forms.IntegerField(
            label=_("number of winners"),
            min_value=1,
            max_value=max(entries_count, 1),
            initial=1,
            error_messages={
                "min_value": _("Draw at least one winner."),
                "max_value": _("Choose at most as many winners as there are entries."),
            },
        )
        self.order_fields(["winners_count", "seed"])


class DrawView(WagtailAdminTemplateMixin, FormView):
    template_name = "consultations/admin/draw.html"
    form_class = DrawForm
    header_icon = "pick"
    page_title = _("Draw the winners")

    def dispatch(self, request, page_id):
        self.consultation = get_object_or_404(ConsultationPage, pk=page_id)
        if not self.consultation.permissions_for_user(request.user).can_edit():
            raise Http404
        self.refusal = draw.refusal(self.consultation)
        self.entries_count = self.consultation.draw_entries.count()
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.consultation.title

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "entries_count": self.entries_count}

    def post(self, request, *args, **kwargs):
        if self.refusal or not self.entries_count:
            return self.render_to_response(self.get_context_data(), status=409)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        seed = form.cleaned_data["seed"] or draw.new_seed()
        try:
            draw.hold_draw(
                self.consultation, form.cleaned_data["winners_count"], seed, self.request.user
            )
        except draw.DrawRefused as refused:
            self.refusal = str(refused)
            return self.render_to_response(self.get_context_data(), status=409)
        messages.success(
            self.request,
            _("The winners are drawn (seed %(seed)s) and their mails are on the way.")
            % {"seed": seed},
        )
        return redirect(draw_url(self.consultation))

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            consultation=self.consultation,
            draw=Draw.objects.filter(consultation=self.consultation)
            .select_related("drawn_by")
            .first(),
            refusal=self.refusal,
            entries_count=self.entries_count,
        )
        return context


def draw_url(consultation):
    return reverse("consultation_draw", args=[consultation.pk])
