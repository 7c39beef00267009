"""The public results page of a consultation (`rezultati/`): how many answered online and
at the workshops; per theme the workshop notes by type and each counted question as a bar
chart (`charts.py`) and a table of the same figures, the scale's mean, the number of text
answers and the texts the editors approved; then "Kaj smo naredili".

Shown once the consultation has closed, and while it is open only if the editors allow it
(`ConsultationPage.results_are_public`); otherwise a 404, so no count leaks early. The figures
come only from `portal.consultations.results`, which knows nothing personal.
"""

from dataclasses import dataclass, field

from django.http import Http404, HttpResponseNotAllowed
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.consultations.answers import Response
from portal.consultations.charts import bar_chart
from portal.consultations.results import outcomes_of, results_of

# Caching: the page is the same for every visitor, so the page cache may keep it, but an
# answer does not renew the content version (decision 0035), so the page cache alone would
# keep the old counts until PAGE_CACHE_SECONDS. A short max-age, which the page cache
# honours too, bounds that: a new answer or an approved text shows within a minute, and
# the crowd that follows an announcement of the results costs one rendering a minute.
# An edit of the page (its "what we did") renews the content version and shows at once.
MAX_AGE_SECONDS = 60


@dataclass
class QuestionSection:
    question: object  # results.QuestionResult
    chart: object = None  # charts.Chart, for a counted question with answers
    answered_label: str = ""


@dataclass
class ThemeSection:
    theme: object  # results.ThemeResult
    notes_chart: object = None  # the workshop notes by type, when there are some
    questions: list = field(default_factory=list)


def results_page(page, request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    if not page.results_are_public:
        raise Http404
    results = results_of(page)
    outcomes = outcomes_of(page)
    response = page.render(
        request,
        template="consultations/consultation_results.html",
        context_overrides={
            "results": results,
            "summary": summary(results),
            "sections": [] if results.is_empty else sections(results),
            "outcomes": outcomes,
            "has_outcome": bool(outcomes or page.outcome),
            "breadcrumb_trail": [(_("Results"), None)],
        },
    )
    patch_cache_control(response, public=True, max_age=MAX_AGE_SECONDS)
    return response


def summary(results):
    """ "32 odgovorov na spletu, 41 zapisov z delavnic (118 udeležencev)"."""
    online = ngettext("%(count)s answer online", "%(count)s answers online", results.online) % {
        "count": results.online
    }
    if not results.workshop_notes:
        return online
    notes = ngettext(
        "%(count)s note from the workshops",
        "%(count)s notes from the workshops",
        results.workshop_notes,
    ) % {"count": results.workshop_notes}
    people = ngettext(
        "%(count)s participant", "%(count)s participants", results.workshop_people
    ) % {"count": results.workshop_people}
    return _("%(online)s, %(notes)s (%(people)s)") % {
        "online": online,
        "notes": notes,
        "people": people,
    }


def sections(results):
    shown = []
    for theme in results.themes:
        section = ThemeSection(theme)
        if theme.key and theme.most:
            section.notes_chart = bar_chart(f"notes-{theme.key}", theme.notes, online=False)
        for question in theme.questions:
            item = QuestionSection(
                question, answered_label=Response.count_label % {"count": question.answered}
            )
            if question.counted and question.most:
                item.chart = bar_chart(
                    f"question-{question.id}",
                    question.bars,
                    # Offers are made in the online form; the workshops write notes.
                    workshop=question.kind != "offer",
                )
            section.questions.append(item)
        shown.append(section)
    return shown
