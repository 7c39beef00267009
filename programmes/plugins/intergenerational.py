"""Intergenerational meet-up (medgeneracijsko druženje): young and old learn from each other."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from programmes.plugins.choices import labels
from programmes.registry import ProgrammePlugin, register

AGE_GROUPS = [
    ("children", _("children")),
    ("youth", _("youth")),
    ("adults", _("adults")),
    ("seniors", _("seniors")),
]


class MentorBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=100, label=_("name"))
    offers = blocks.CharBlock(
        max_length=200,
        required=False,
        label=_("what they offer"),
        help_text=_("For example: knitting, smartphone basics, stories of old Kranj."),
    )

    class Meta:
        label = _("mentor")
        icon = "user"


@register
class Intergenerational(ProgrammePlugin):
    key = "intergenerational"
    label = _("intergenerational meet-up")
    description = _("Generations meet, learn from each other and spend time together.")
    icon = "group"
    template = "programmes/plugins/intergenerational.html"
    fields = [
        (
            "age_groups",
            blocks.ListBlock(
                blocks.ChoiceBlock(choices=AGE_GROUPS, label=_("age group")),
                label=_("age groups"),
                help_text=_("Who meets: add every generation that takes part."),
            ),
        ),
        ("mentors", blocks.ListBlock(MentorBlock(), label=_("mentors"))),
    ]

    def get_context(self, programme, details):
        context = super().get_context(programme, details)
        context["age_groups"] = labels(AGE_GROUPS, details["age_groups"])
        return context
