"""What the API shows of a consultation (`ConsultationPage.api_fields`): when it is open,
the themes and questions it asks, and where its results are; and the shape of those
results (`RESULTS_SCHEMA`, what `results_of(page).as_dict()` gives).

Nothing a resident wrote or gave is ever here: the questions are the editor's, and the
results are counts and the free text an editor approved (`portal.consultations.results`).
"""

from django.urls import NoReverseMatch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from portal.base.serializers import CHOICE_SCHEMA, URL, SchemaField, absolute, detail_path, nullable
from portal.consultations.blocks import OFFER_KINDS, QuestionsBlock
from programmes.models import Theme

STATES = ["upcoming", "open", "closed"]
KINDS = [block.kind for block in QuestionsBlock().child_blocks.values()]
TOTALS = ["online", "workshop_notes", "workshop_people", "total"]
# The API address of a consultation's results, after its own.
RESULTS_PATH = "results/"
# The route of the public results page, if the page has one.
RESULTS_PAGE_ROUTE = "results"


class State(SchemaField):
    openapi_schema = {
        "type": "string",
        "enum": STATES,
        "description": _(
            "Whether residents may answer yet (upcoming), now (open) or no more (closed)."
        ),
    }

    def to_representation(self, page):
        return page.state


class AskedThemes(SchemaField):
    """The themes asked about (prefetched): all four when the editor chose none, as
    `ConsultationPage.asked_themes` says, read once for a whole list."""

    openapi_schema = {
        "type": "array",
        "items": CHOICE_SCHEMA,
        "description": _("The “Dovolj za vse” themes it asks about."),
    }

    @cached_property
    def all_themes(self):
        return list(Theme.objects.order_by("pk"))

    def to_representation(self, page):
        themes = list(page.themes.all()) or self.all_themes
        return [{"key": theme.key, "label": str(theme.label)} for theme in themes]


NULLABLE_TEXT = nullable({"type": "string"})

QUESTION_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "description": _("Its id; its results bear the same.")},
        "kind": {"type": "string", "enum": KINDS},
        "theme": {
            **NULLABLE_TEXT,
            "description": _("The key of its theme; null: a general question."),
        },
        "question": {"type": "string"},
        "help_text": {"type": "string"},
        "required": {"type": "boolean"},
        "options": nullable({"type": "array", "items": {"type": "string"}}),
        "scale": nullable(
            {
                "type": "object",
                "properties": {"low_label": {"type": "string"}, "high_label": {"type": "string"}},
                "required": ["low_label", "high_label"],
                "additionalProperties": False,
            }
        ),
        "offer_kinds": nullable({"type": "array", "items": CHOICE_SCHEMA}),
    },
    "required": [
        "id",
        "kind",
        "theme",
        "question",
        "help_text",
        "required",
        "options",
        "scale",
        "offer_kinds",
    ],
    "additionalProperties": False,
}


class Questions(SchemaField):
    openapi_schema = {
        "type": "array",
        "items": QUESTION_SCHEMA,
        "description": _(
            "Its questions in order: the options of a choice, the meanings of 1 and 5 of a "
            "scale, and the kinds of help an offer question asks about."
        ),
    }

    def to_representation(self, page):
        return [question(block) for block in page.questions]


def question(block):
    value, kind = block.value, block.block.kind
    return {
        "id": block.id,
        "kind": kind,
        "theme": value.get("theme") or None,
        "question": value["question"],
        "help_text": value.get("help_text") or "",
        "required": bool(value.get("required")),
        "options": list(value["options"]) if kind in ("single", "multiple") else None,
        "scale": (
            {"low_label": value.get("low_label") or "", "high_label": value.get("high_label") or ""}
            if kind == "scale"
            else None
        ),
        "offer_kinds": (
            [{"key": key, "label": str(label)} for key, label in OFFER_KINDS]
            if kind == "offer"
            else None
        ),
    }


class ResultsLinks(SchemaField):
    """Whether the counts are public, and where: in the API and on the portal."""

    openapi_schema = {
        "type": "object",
        "description": _(
            "Whether its results are public (once it closes, or while open if the KS allows "
            "it) and their addresses in the API and on the portal (null while they are not)."
        ),
        "properties": {
            "public": {"type": "boolean"},
            "detail_url": nullable(URL),
            "html_url": nullable(URL),
        },
        "required": ["public", "detail_url", "html_url"],
        "additionalProperties": False,
    }

    def to_representation(self, page):
        if not page.results_are_public:
            return {"public": False, "detail_url": None, "html_url": None}
        path = detail_path(self.context["router"], type(page), page.pk)
        return {
            "public": True,
            "detail_url": absolute(self.request, path and path + RESULTS_PATH),
            "html_url": absolute(self.request, results_page_url(page, self.request)),
        }


def results_page_url(page, request):
    """The public results page's address, if the consultation's page has that route."""
    url = page.get_url(request=request)
    try:
        return url and url + page.reverse_subpage(RESULTS_PAGE_ROUTE)
    except NoReverseMatch:
        return None


# --- The results (`results_of(page).as_dict()`) -------------------------------------------------

COUNT = {"type": "integer", "minimum": 0}

BAR_SCHEMA = {
    "type": "object",
    "description": _("How many chose it: online, at the workshop tables, and in all."),
    "properties": {
        "key": {"type": "string"},
        "label": {"type": "string"},
        "online": COUNT,
        "workshop": COUNT,
        "total": COUNT,
    },
    "required": ["key", "label", "online", "workshop", "total"],
    "additionalProperties": False,
}

QUESTION_RESULT_SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "string"},
        "kind": QUESTION_SCHEMA["properties"]["kind"],
        "question": {"type": "string"},
        "theme": NULLABLE_TEXT,
        "answered": {**COUNT, "description": _("How many answered it.")},
        "counts": {
            "type": "array",
            "items": BAR_SCHEMA,
            "description": _("Per option, per value of the scale, or per kind of help offered."),
        },
        "mean": {**nullable({"type": "number"}), "description": _("The scale's average.")},
        "approved_texts": {
            "type": "array",
            "items": {"type": "string"},
            "description": _("Free-text answers an editor approved for publication."),
        },
    },
    "required": ["id", "kind", "question", "theme", "answered", "counts", "mean", "approved_texts"],
    "additionalProperties": False,
}

THEME_RESULT_SCHEMA = {
    "type": "object",
    "properties": {
        "key": {**NULLABLE_TEXT, "description": _("null: the general questions.")},
        "label": {"type": "string"},
        "total": {**COUNT, "description": _("Everything said about the theme.")},
        "workshop_notes": {
            "type": "array",
            "items": BAR_SCHEMA,
            "description": _("Notes from the workshop tables: needs, ideas and offers."),
        },
        "questions": {"type": "array", "items": QUESTION_RESULT_SCHEMA},
        "approved_notes": {
            "type": "array",
            "description": _("Workshop notes an editor approved for publication."),
            "items": {
                "type": "object",
                "properties": {"type": {"type": "string"}, "text": {"type": "string"}},
                "required": ["type", "text"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["key", "label", "total", "workshop_notes", "questions", "approved_notes"],
    "additionalProperties": False,
}

RESULTS_SCHEMA = {
    "type": "object",
    "properties": {
        "answers": {
            "type": "object",
            "description": _(
                "How many answered online, how many notes the workshop tables wrote and how "
                "many people agreed with them."
            ),
            "properties": dict.fromkeys(TOTALS, COUNT),
            "required": TOTALS,
            "additionalProperties": False,
        },
        "themes": {
            "type": "array",
            "items": THEME_RESULT_SCHEMA,
            "description": _("The general questions first, then each theme asked about."),
        },
    },
    "required": ["answers", "themes"],
    "additionalProperties": False,
}
