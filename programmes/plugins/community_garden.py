"""Community garden (skupnostni vrt): plots that neighbours tend together."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from programmes.plugins.choices import MONTH_CHOICES, label
from programmes.registry import ProgrammePlugin, register


@register
class CommunityGarden(ProgrammePlugin):
    key = "community_garden"
    label = _("community garden")
    description = _("Garden plots that residents tend, with a season and a way to apply.")
    icon = "pick"
    default_themes = ("food",)
    template = "programmes/plugins/community_garden.html"
    fields = [
        (
            "plots_total",
            blocks.IntegerBlock(min_value=0, label=_("plots in total")),
        ),
        (
            "plots_free",
            blocks.IntegerBlock(
                min_value=0, label=_("free plots"), help_text=_("How many plots are still free.")
            ),
        ),
        (
            "how_to_apply",
            blocks.RichTextBlock(
                required=False,
                features=["bold", "italic", "link", "ol", "ul"],
                label=_("how to apply for a plot"),
            ),
        ),
        (
            "season_start",
            blocks.ChoiceBlock(choices=MONTH_CHOICES, required=False, label=_("season starts in")),
        ),
        (
            "season_end",
            blocks.ChoiceBlock(choices=MONTH_CHOICES, required=False, label=_("season ends in")),
        ),
    ]

    def clean(self, value):
        total, free = value.get("plots_total"), value.get("plots_free")
        if total is not None and free is not None and free > total:
            raise ValidationError(
                {
                    "plots_free": ValidationError(
                        _("There cannot be more free plots than plots in total.")
                    )
                }
            )

    def get_context(self, programme, details):
        context = super().get_context(programme, details)
        context["season_start"] = label(MONTH_CHOICES, details["season_start"])
        context["season_end"] = label(MONTH_CHOICES, details["season_end"])
        return context
