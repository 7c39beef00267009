import django_filters
from django import forms
from django.core.exceptions import ValidationError
from wagtail import blocks

from programmes.registry import ProgrammePlugin, register
from programmes.views import DetailsColumn


class IntegerFilter(django_filters.NumberFilter):
    # Whole numbers: JSON lookups take no Decimal.
    field_class = forms.IntegerField


@register
class BikeKitchen(ProgrammePlugin):
    key = "bike_kitchen"
    label = "bike kitchen"
    description = "Residents fix their bicycles with shared tools."
    icon = "cogs"
    default_themes = ("spatial_planning", "circular_economy")
    template = "programme_test_app/bike_kitchen.html"
    fields = [
        ("stands", blocks.IntegerBlock(min_value=1, max_value=20, label="repair stands")),
        ("mechanic", blocks.CharBlock(required=False, label="mechanic on duty")),
        ("parts", blocks.ListBlock(blocks.CharBlock(label="part"), label="spare parts")),
    ]
    api_fields = ["stands", "parts"]
    list_columns = [DetailsColumn("stands", "bike_kitchen", label="stands")]
    list_filters = {
        "stands": IntegerFilter(
            field_name="details__stands", lookup_expr="gte", label="at least this many stands"
        )
    }

    def clean(self, value):
        if value["stands"] and value["stands"] > 5 and not value["mechanic"]:
            raise ValidationError({"mechanic": "More than five stands need a mechanic on duty."})
