"""Approving free-text answers ("Odgovori"): the texts residents typed online (short and
long questions) and the notes of the workshop tables, listed per consultation for its
editors, who publish or hide them; only an approved text reaches the results page
(`results.results_of`). Only an editor who may edit the consultation page (its KS's and
the municipality's) reaches the view; anyone else gets 404, as for the workshop form."""

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.consultations.models import Answer, ConsultationPage

# The filter of the listing: its value in the URL, its label and which answers it shows.
SHOWN = {
    "": (_("All"), Q()),
    "awaiting": (_("Awaiting approval"), Q(approved_for_publication=False)),
    "published": (_("Published"), Q(approved_for_publication=True)),
}


def consultation_for_editor(request, page_id):
    """The consultation if `request.user` may edit its page; 404 otherwise (another KS's)."""
    consultation = get_object_or_404(ConsultationPage, pk=page_id)
    if not consultation.permissions_for_user(request.user).can_edit():
        raise Http404
    return consultation


def free_texts(consultation):
    """The consultation's free-text answers, newest first, with their response."""
    return (
        Answer.objects.filter(response__consultation=consultation)
        .exclude(text="")
        .select_related("response")
        .order_by("-response__submitted_at", "-pk")
    )


def set_publication(consultation, answer_ids, approved):
    """Publish (or hide) the consultation's free-text answers among `answer_ids`; how many."""
    return (
        free_texts(consultation)
        .filter(pk__in=answer_ids)
        .exclude(approved_for_publication=approved)
        .update(approved_for_publication=approved)
    )


def questions_of(consultation):
    """Each question's text by its block id."""
    return {block.id: block.value["question"] for block in consultation.questions}


class ModerationView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "consultations/admin/moderation.html"
    header_icon = "form"
    page_title = _("Answers")

    def dispatch(self, request, page_id):
        self.consultation = consultation_for_editor(request, page_id)
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.consultation.title

    def shown(self):
        shown = self.request.GET.get("prikaz", "")
        return shown if shown in SHOWN else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = self.shown()
        questions = questions_of(self.consultation)
        answers = list(free_texts(self.consultation).filter(SHOWN[shown][1]))
        for answer in answers:
            answer.question = questions.get(answer.question_id, "")
        context.update(
            consultation=self.consultation,
            answers=answers,
            shown=shown,
            filters=[(key, label, key == shown) for key, (label, _q) in SHOWN.items()],
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.consultation.pk]),
            exports={
                kind: export_url(self.consultation, kind)
                for kind in ("responses_csv", "offers_csv", "xlsx")
            },
        )
        return context

    def post(self, request):
        action = request.POST.get("action")
        if action not in ("publish", "hide"):
            return HttpResponseBadRequest(_("Choose “Publish selected” or “Hide selected”."))
        chosen = request.POST.getlist("answer")
        if not all(value.isascii() and value.isdigit() and len(value) < 12 for value in chosen):
            return HttpResponseBadRequest(_("The selection is not valid. Reload the page."))
        if not chosen:
            messages.error(request, _("Tick at least one answer first."))
            response = self.get(request)
            response.status_code = 400
            return response
        changed = set_publication(
            self.consultation, [int(pk) for pk in chosen], action == "publish"
        )
        if action == "publish":
            text = ngettext(
                "%(count)s answer is published.", "%(count)s answers are published.", changed
            )
        else:
            text = ngettext("%(count)s answer is hidden.", "%(count)s answers are hidden.", changed)
        messages.success(request, text % {"count": changed})
        return redirect(request.get_full_path())


def moderation_url(consultation):
    return reverse("consultation_answers", args=[consultation.pk])


def export_url(consultation, kind):
    return reverse(f"consultation_export_{kind}", args=[consultation.pk])
