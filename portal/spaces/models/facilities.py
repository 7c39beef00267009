"""What a space offers: its rooms, its equipment, how accessible it is, its photos."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class Equipment(models.TextChoices):
    """The fixed set an editor ticks; anything else goes in the equipment notes."""

    PROJECTOR = "projector", _("projector")
    SCREEN = "screen", _("projection screen")
    TV = "tv", _("large screen (TV)")
    SOUND = "sound", _("sound system")
    MICROPHONE = "microphone", _("microphones")
    WIFI = "wifi", _("Wi-Fi")
    KITCHEN = "kitchen", _("kitchen")
    TEA_KITCHEN = "tea_kitchen", _("kitchenette")
    DISHWASHER = "dishwasher", _("dishwasher")
    TABLES = "tables", _("tables")
    CHAIRS = "chairs", _("chairs")
    FLIPCHART = "flipchart", _("flipchart")
    WHITEBOARD = "whiteboard", _("whiteboard")
    PIANO = "piano", _("piano")
    TOOLS = "tools", _("tools and workbench")
    GARDEN = "garden", _("garden or yard")


class Access(models.TextChoices):
    YES = "yes", _("yes")
    NO = "no", _("no")
    UNKNOWN = "unknown", _("not known")


# The accessibility facts a space records, in the order the page lists them, with the
# schema.org amenity each one becomes.
ACCESSIBILITY_FACTS = {
    "step_free_entrance": "Step-free entrance",
    "accessible_toilet": "Accessible toilet",
    "lift": "Lift",
    "induction_loop": "Induction loop",
    "disabled_parking": "Parking for disabled people",
}


def access_field(label, help_text):
    return models.CharField(
        label,
        max_length=10,
        choices=Access.choices,
        default=Access.UNKNOWN,
        help_text=help_text,
    )


class Room(Orderable):
    """One room (or hall, or yard) of a space: what a booking asks for."""

    page = ParentalKey("spaces.SpacePage", on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=100)
    area = models.DecimalField(
        _("area (m²)"),
        max_digits=7,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MaxValueValidator(100_000)],
    )
    seated_capacity = models.PositiveIntegerField(
        _("seated capacity"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100_000)],
        help_text=_("How many people can sit in it."),
    )
    standing_capacity = models.PositiveIntegerField(
        _("standing capacity"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100_000)],
        help_text=_("How many people can be in it standing, e.g. at a reception."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel(
            [FieldPanel("area"), FieldPanel("seated_capacity"), FieldPanel("standing_capacity")]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("room")
        verbose_name_plural = _("rooms")

    def __str__(self):
        return self.name

    @property
    def largest_capacity(self):
        return max(self.seated_capacity or 0, self.standing_capacity or 0) or None


class GalleryImage(Orderable):
    page = ParentalKey("spaces.SpacePage", on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the photo shows, for people who cannot see it. Leave empty to use the "
            "image's own description."
        ),
    )

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("alt_text")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    @property
    def alt(self):
        return self.alt_text or self.image.description or self.caption

    def clean(self):
        super().clean()
        if self.image_id and not (self.alt_text or self.image.description or self.caption):
            raise ValidationError(
                {
                    "alt_text": _(
                        "Describe what the photo shows: this image has no description of "
                        "its own and no caption."
                    )
                }
            )
