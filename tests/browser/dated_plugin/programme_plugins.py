from wagtail import blocks

from programmes.registry import ProgrammePlugin, register


@register
class Fair(ProgrammePlugin):
    key = "fair"
    label = "fair"
    template = "programme_test_app/market.html"
    fields = [
        ("first_day", blocks.DateBlock(required=False, label="first day")),
        ("opens_at", blocks.TimeBlock(required=False, label="opens at")),
        ("applications_close", blocks.DateTimeBlock(required=False, label="applications close")),
    ]
