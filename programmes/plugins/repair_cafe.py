"""Repair café (popravljalnica): neighbours mend what would be thrown away."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from programmes.plugins.choices import labels
from programmes.registry import ProgrammePlugin, register

REPAIR_CATEGORIES = [
    ("electrical", _("electrical appliances")),
    ("textiles", _("textiles and clothes")),
    ("bicycles", _("bicycles")),
    ("furniture", _("furniture")),
    ("electronics", _("electronics")),
    ("toys", _("toys")),
    ("other", _("other")),
]


@register
class RepairCafe(ProgrammePlugin):
    key = "repair_cafe"
    label = _("repair café")
    description = _("Volunteers help residents mend appliances, clothes, bicycles and more.")
    icon = "cogs"
    default_themes = ("circular_economy",)
    template = "programmes/plugins/repair_cafe.html"
    fields = [
        (
            "repair_categories",
            blocks.ListBlock(
                blocks.ChoiceBlock(choices=REPAIR_CATEGORIES, label=_("category")),
                label=_("what gets repaired"),
            ),
        ),
        (
            "tools_available",
            blocks.ListBlock(
                blocks.CharBlock(max_length=100, label=_("tool")),
                label=_("tools available"),
                help_text=_("For example: soldering iron, sewing machine, bicycle stand."),
            ),
        ),
        (
            "volunteers_needed",
            blocks.BooleanBlock(
                required=False,
                label=_("volunteers needed"),
                help_text=_("Tick if the repair café is looking for more volunteers."),
            ),
        ),
        (
            "volunteer_skills",
            blocks.CharBlock(
                required=False,
                max_length=200,
                label=_("skills wanted"),
                help_text=_("Which skills the volunteers should bring, e.g. sewing, electrics."),
            ),
        ),
    ]

    def get_context(self, programme, details):
        context = super().get_context(programme, details)
        context["categories"] = labels(REPAIR_CATEGORIES, details["repair_categories"])
        return context
