"""The questions of a consultation, as StreamField blocks. Each question names the theme it
belongs to (one of the four "Dovolj za vse" themes, or none for general questions); its
block id is what its answers are stored under (`Answer.question_id`), so reordering or
rewording a question keeps its answers."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from programmes.models import Theme

THEME_CHOICES = [("", _("General (no theme)")), *Theme.Key.choices]

# What a resident may offer: stored as one flag each on `Offer`, so they count cheaply.
OFFER_KINDS = [
    ("skills", _("knowledge and skills")),
    ("time", _("time (volunteering)")),
    ("space", _("a space")),
    ("tools", _("tools or equipment")),
    ("money", _("money (a donation)")),
]


class QuestionBlock(blocks.StructBlock):
    theme = blocks.ChoiceBlock(label=_("theme"), choices=THEME_CHOICES, required=False, default="")
    question = blocks.CharBlock(label=_("question"), max_length=300)
    help_text = blocks.CharBlock(label=_("hint"), required=False, max_length=300)
    required = blocks.BooleanBlock(label=_("an answer is required"), required=False)

    # What the answer is, for the public form and the counting (`portal.consultations.forms`).
    kind = ""


class ChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(
        blocks.CharBlock(label=_("option"), max_length=200), label=_("options"), min_num=2
    )


class SingleChoiceBlock(ChoiceQuestionBlock):
    kind = "single"

    class Meta:
        label = _("Single choice")
        icon = "radio-full"


class MultipleChoiceBlock(ChoiceQuestionBlock):
    kind = "multiple"

    class Meta:
        label = _("Multiple choice")
        icon = "tick-inverse"


class ScaleBlock(QuestionBlock):
    kind = "scale"
    low_label = blocks.CharBlock(
        label=_("meaning of 1"), required=False, max_length=60, default="sploh ne"
    )
    high_label = blocks.CharBlock(
        label=_("meaning of 5"), required=False, max_length=60, default="zelo"
    )

    class Meta:
        label = _("Scale from 1 to 5")
        icon = "order"


class ShortTextBlock(QuestionBlock):
    kind = "short"

    class Meta:
        label = _("Short text")
        icon = "pilcrow"


class LongTextBlock(QuestionBlock):
    kind = "long"

    class Meta:
        label = _("Long text")
        icon = "doc-full"


class OfferBlock(QuestionBlock):
    """ "What could you offer?": kinds of help, a description, contact details and the
    consent to be contacted by the KS."""

    kind = "offer"

    class Meta:
        label = _("Offer")
        icon = "group"


class QuestionsBlock(blocks.StreamBlock):
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    scale = ScaleBlock()
    short_text = ShortTextBlock()
    long_text = LongTextBlock()
    offer = OfferBlock()
