"""Energy advice (energetsko svetovanje): independent advice on saving energy at home."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from programmes.plugins.choices import labels
from programmes.registry import ProgrammePlugin, register

ADVICE_TOPICS = [
    ("insulation", _("insulation")),
    ("heating", _("heating")),
    ("heat_pumps", _("heat pumps")),
    ("solar_power", _("solar power")),
    ("subsidies", _("subsidies and loans")),
    ("household_savings", _("household savings")),
    ("other", _("other")),
]


@register
class EnergyAdvice(ProgrammePlugin):
    key = "energy_advice"
    label = _("energy advice")
    description = _("Advice on insulation, heating, solar power and subsidies.")
    icon = "tasks"
    default_themes = ("energy",)
    template = "programmes/plugins/energy_advice.html"
    fields = [
        (
            "advice_topics",
            blocks.ListBlock(
                blocks.ChoiceBlock(choices=ADVICE_TOPICS, label=_("topic")),
                label=_("advice topics"),
            ),
        ),
        (
            "booking_url",
            blocks.URLBlock(
                required=False,
                label=_("appointment booking link"),
                help_text=_("Where residents book an appointment with the adviser."),
            ),
        ),
    ]

    def get_context(self, programme, details):
        context = super().get_context(programme, details)
        context["topics"] = labels(ADVICE_TOPICS, details["advice_topics"])
        return context
