"""What a consultation's answers add up to: counts per option, scale value, theme and kind
of offer, online and from the workshops told apart, and the free-text answers an editor
approved for publication; and what came of them ("Kaj smo naredili", `outcomes_of`).
Nothing personal: the public results page and the API read only this.

A workshop note counts as many times as the people at the table who agreed with it
(`Response.people_count`); an online answer counts once. Eight queries: seven a
`GROUP BY` whatever the number of answers, one a row per answer typed in from the paper of
a workshop.
"""

from collections import defaultdict
from dataclasses import asdict, dataclass, field

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.consultations.answers import Answer, Offer, Response
from portal.consultations.blocks import OFFER_KINDS
from programmes.models import Programme

ONLINE = Response.Source.ONLINE
WORKSHOP = Response.Source.WORKSHOP
NOTE_TYPES = Answer.NoteType


@dataclass
class Count_:
    """A bar: its label and how many said it, online and at the workshops."""

    key: str
    label: str
    online: int = 0
    workshop: int = 0

    @property
    def total(self):
        return self.online + self.workshop

    def add(self, source, count):
        if source == WORKSHOP:
            self.workshop += count
        else:
            self.online += count

    def as_dict(self):
        return {**asdict(self), "label": str(self.label), "total": self.total}


@dataclass
class QuestionResult:
    id: str
    kind: str
    question: str
    theme: str
    bars: list = field(default_factory=list)  # of Count_, for choices, the scale, offers
    answered: int = 0  # how many answered it (people, workshop notes weighted)
    texts: list = field(default_factory=list)  # approved free text only

    @property
    def counted(self):
        """Whether it has bars to draw (choices, the scale, offers), not texts only."""
        return self.kind in ("single", "multiple", "scale", "offer")

    @property
    def most(self):
        return max((bar.total for bar in self.bars), default=0)

    @property
    def mean(self):
        """The scale's average, one decimal, or None."""
        if self.kind != "scale":
            return None
        people = sum(bar.total for bar in self.bars)
        if not people:
            return None
        return round(sum(int(bar.key) * bar.total for bar in self.bars) / people, 1)

    def as_dict(self):
        return {
            "id": self.id,
            "kind": self.kind,
            "question": self.question,
            "theme": self.theme or None,
            "answered": self.answered,
            "counts": [bar.as_dict() for bar in self.bars],
            "mean": self.mean,
            "approved_texts": list(self.texts),
        }


@dataclass
class ThemeResult:
    key: str  # "" for the general questions
    label: str
    notes: list = field(default_factory=list)  # of Count_: workshop notes per type
    questions: list = field(default_factory=list)  # of QuestionResult
    texts: list = field(default_factory=list)  # approved workshop notes: (type label, text)

    @property
    def most(self):
        return max((bar.total for bar in self.notes), default=0)

    @property
    def total(self):
        """Everything said about the theme: workshop notes and online answers."""
        return sum(bar.total for bar in self.notes) + sum(q.answered for q in self.questions)

    def as_dict(self):
        return {
            "key": self.key or None,
            "label": str(self.label),
            "total": self.total,
            "workshop_notes": [bar.as_dict() for bar in self.notes],
            "questions": [question.as_dict() for question in self.questions],
            "approved_notes": [{"type": str(kind), "text": text} for kind, text in self.texts],
        }


@dataclass
class Results:
    online: int  # online answers (people)
    workshop_notes: int  # notes from the workshop tables
    workshop_people: int  # the people who agreed with them, counted once per note
    themes: list  # of ThemeResult, general questions first, then the asked themes in order

    @property
    def total(self):
        return self.online + self.workshop_notes

    @property
    def is_empty(self):
        return not self.total

    def question(self, question_id):
        for theme in self.themes:
            for question in theme.questions:
                if question.id == question_id:
                    return question
        return None

    def as_dict(self):
        return {
            "answers": {
                "online": self.online,
                "workshop_notes": self.workshop_notes,
                "workshop_people": self.workshop_people,
                "total": self.total,
            },
            "themes": [theme.as_dict() for theme in self.themes],
        }


def results_of(consultation):
    """The consultation's `Results`."""
    responses = Response.objects.filter(consultation=consultation)
    totals = responses.aggregate(
        online=Count("pk", filter=Q(source=ONLINE)),
        workshop_notes=Count("pk", filter=Q(source=WORKSHOP)),
        workshop_people=Sum("people_count", filter=Q(source=WORKSHOP)),
    )
    answers = Answer.objects.filter(response__consultation=consultation)
    by_option = defaultdict(int)
    for row in (
        answers.exclude(question_id="")
        .exclude(option="")
        .values("question_id", "option", "response__source")
        .annotate(people=Sum("response__people_count"))
    ):
        by_option[row["question_id"], row["option"], row["response__source"]] += row["people"]
    by_value = defaultdict(int)
    for row in (
        answers.exclude(question_id="")
        .filter(value__isnull=False)
        .values("question_id", "value", "response__source")
        .annotate(people=Sum("response__people_count"))
    ):
        by_value[row["question_id"], str(row["value"]), row["response__source"]] += row["people"]
    answered = defaultdict(int)
    for row in (
        answers.exclude(question_id="")
        .values("question_id")
        .annotate(people=Count("response", distinct=True, filter=Q(response__source=ONLINE)))
    ):
        answered[row["question_id"]] += row["people"]
    # A questionnaire from a workshop counts its people, once however many options it ticked:
    # a row per (question, questionnaire), and only few are typed in from paper.
    for question_id, _response, people in (
        answers.exclude(question_id="")
        .filter(response__source=WORKSHOP)
        .values_list("question_id", "response_id", "response__people_count")
        .order_by()
        .distinct()
    ):
        answered[question_id] += people
    by_note = defaultdict(int)
    for row in (
        answers.filter(question_id="")
        .values("theme", "note_type")
        .annotate(people=Sum("response__people_count"))
    ):
        by_note[row["theme"], row["note_type"]] += row["people"]
    approved = defaultdict(list)
    for question_id, theme, note_type, text in (
        answers.filter(approved_for_publication=True)
        .exclude(text="")
        .order_by("response__submitted_at", "pk")
        .values_list("question_id", "theme", "note_type", "text")
    ):
        approved[question_id or ("note", theme)].append((note_type, text))
    offers = Offer.objects.filter(response__consultation=consultation)
    by_offer = {
        row["question_id"]: row
        for row in offers.values("question_id").annotate(
            offered=Count("pk"),
            **{kind: Count("pk", filter=Q(**{kind: True})) for kind, _label in OFFER_KINDS},
        )
    }

    themes = {"": ThemeResult("", _("General questions"))}
    for theme in consultation.asked_themes():
        themes[theme.key] = ThemeResult(theme.key, theme.label)
    note_labels = dict(NOTE_TYPES.choices)
    for key, theme in themes.items():
        if key:
            for note_type, label in NOTE_TYPES.choices:
                bar = Count_(note_type, label)
                bar.workshop = by_note.get((key, note_type), 0)
                theme.notes.append(bar)
        theme.texts = [
            (note_labels.get(kind, ""), text) for kind, text in approved.get(("note", key), [])
        ]
    for block in consultation.questions:
        value = block.value
        key = value.get("theme") or ""
        theme = themes.get(key)
        if theme is None:  # a theme no longer asked about: its questions go to the general
            theme = themes[""]
        result = QuestionResult(
            id=block.id,
            kind=block.block.kind,
            question=value["question"],
            theme=key,
            answered=answered.get(block.id, 0),
            texts=[text for _kind, text in approved.get(block.id, [])],
        )
        if result.kind in ("single", "multiple"):
            for option in value["options"]:
                bar = Count_(option, option)
                for source in (ONLINE, WORKSHOP):
                    bar.add(source, by_option.get((block.id, option, source), 0))
                result.bars.append(bar)
        elif result.kind == "scale":
            for number in range(1, 6):
                label = str(number)
                if number == 1 and value.get("low_label"):
                    label = f"1 ({value['low_label']})"
                if number == 5 and value.get("high_label"):
                    label = f"5 ({value['high_label']})"
                bar = Count_(str(number), label)
                for source in (ONLINE, WORKSHOP):
                    bar.add(source, by_value.get((block.id, str(number), source), 0))
                result.bars.append(bar)
        elif result.kind == "offer":
            row = by_offer.get(block.id, {})
            result.answered = row.get("offered", 0)
            for kind, label in OFFER_KINDS:
                result.bars.append(Count_(kind, label, online=row.get(kind, 0)))
        theme.questions.append(result)
    ordered = [theme for key, theme in themes.items() if key or theme.questions]
    return Results(
        online=totals["online"],
        workshop_notes=totals["workshop_notes"],
        workshop_people=totals["workshop_people"] or 0,
        themes=ordered,
    )


@dataclass
class Outcome:
    """One thing that came of the answers: a live page or a public programme, and how."""

    page: Page | None = None
    programme: Programme | None = None
    note: str = ""
    from_offer: bool = False  # a programme made from a resident's offer

    @property
    def title(self):
        return (self.page or self.programme).title


def outcomes_of(consultation):
    """ "Kaj smo naredili": the public programmes made from the consultation's offers, then
    the items an editor listed (`ConsultationPage.outcomes`) whose page is live and public
    or whose programme is public; drafts and unpublished ones are left out. At most four
    queries."""
    rows = list(consultation.outcomes.select_related("page", "programme"))
    listed_programmes = {row.programme_id for row in rows if row.programme_id}
    from_offers = (
        Programme.objects.public()
        .filter(consultation_offers__response__consultation=consultation)
        .exclude(pk__in=listed_programmes)
        .distinct()
        .order_by("title")
    )
    page_ids = [row.page_id for row in rows if row.page_id]
    live_pages = set(
        Page.objects.live().public().filter(pk__in=page_ids).values_list("pk", flat=True)
        if page_ids
        else ()
    )
    public_programmes = set(
        Programme.objects.public().filter(pk__in=listed_programmes).values_list("pk", flat=True)
        if listed_programmes
        else ()
    )
    outcomes = [Outcome(programme=programme, from_offer=True) for programme in from_offers]
    for row in rows:
        page = row.page if row.page_id in live_pages else None
        programme = row.programme if row.programme_id in public_programmes else None
        if page or programme:
            outcomes.append(
                Outcome(page=page, programme=None if page else programme, note=row.note)
            )
    return outcomes
