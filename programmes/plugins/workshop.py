"""Participatory workshop (delavnica): residents decide together, e.g. in carousel rounds."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from programmes.plugins.choices import label
from programmes.registry import ProgrammePlugin, register

METHODS = [
    ("carousel", _("carousel")),
    ("world_cafe", _("world café")),
    ("open_space", _("open space")),
    ("other", _("other")),
]


@register
class Workshop(ProgrammePlugin):
    key = "workshop"
    label = _("participatory workshop")
    description = _("Moderated workshops where residents say what they need and plan together.")
    icon = "comment"
    default_themes = ("spatial_planning",)
    template = "programmes/plugins/workshop.html"
    fields = [
        ("method", blocks.ChoiceBlock(choices=METHODS, label=_("method"))),
        (
            "facilitator",
            blocks.CharBlock(
                max_length=200,
                required=False,
                label=_("facilitator"),
                help_text=_("Who moderates the workshop."),
            ),
        ),
        (
            "outcomes",
            blocks.RichTextBlock(
                required=False,
                features=["bold", "italic", "link", "ol", "ul"],
                label=_("outcomes"),
                help_text=_("What the workshop found or decided."),
            ),
        ),
        (
            "report",
            DocumentChooserBlock(
                required=False, label=_("report"), help_text=_("The written report, if any.")
            ),
        ),
    ]

    def get_context(self, programme, details):
        context = super().get_context(programme, details)
        context["method"] = label(METHODS, details["method"])
        return context
