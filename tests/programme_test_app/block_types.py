"""A programme type with a field of every kind of block a plugin may use (a neighbourhood
market), registered only by the tests that need it (tests/test_programme_block_types.py)."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from programmes.registry import ProgrammePlugin

MARKET_KINDS = [("farmers", "farmers' market"), ("flea", "flea market")]
DAYS = [("fri", "Friday"), ("sat", "Saturday"), ("sun", "Sunday")]


class Market(ProgrammePlugin):
    key = "market"
    label = "neighbourhood market"
    template = "programme_test_app/market.html"
    fields = [
        ("first_day", blocks.DateBlock(required=False, label="first market day")),
        ("opens_at", blocks.TimeBlock(required=False, label="opens at")),
        ("applications_close", blocks.DateTimeBlock(required=False, label="applications close")),
        (
            "stall_fee",
            blocks.DecimalBlock(
                required=False, max_digits=6, decimal_places=2, label="stall fee in euros"
            ),
        ),
        ("stalls", blocks.IntegerBlock(required=False, min_value=1, label="stalls")),
        ("area", blocks.FloatBlock(required=False, label="area in square metres")),
        ("kind", blocks.ChoiceBlock(choices=MARKET_KINDS, required=False, label="kind")),
        ("days", blocks.MultipleChoiceBlock(choices=DAYS, required=False, label="days")),
        ("website", blocks.URLBlock(required=False, label="website")),
        ("email", blocks.EmailBlock(required=False, label="e-mail")),
        ("venue_page", blocks.PageChooserBlock(required=False, label="page of the venue")),
        ("poster", ImageChooserBlock(required=False, label="poster")),
        ("rules", DocumentChooserBlock(required=False, label="market rules")),
        ("products", blocks.ListBlock(blocks.CharBlock(label="product"), label="products")),
        ("notes", blocks.RichTextBlock(required=False, features=["bold"], label="notes")),
        ("directions", blocks.TextBlock(required=False, label="how to get there")),
        ("covered", blocks.BooleanBlock(required=False, label="under a roof")),
        (
            "manager",
            blocks.StructBlock(
                [
                    ("name", blocks.CharBlock(required=False, label="name")),
                    ("phone", blocks.CharBlock(required=False, label="phone")),
                ],
                label="market manager",
            ),
        ),
    ]
