"""What the admin does with an uploaded image before Wagtail keeps it.

`ImageForm` is Wagtail's image form (`WAGTAILIMAGES_IMAGE_FORM_BASE`), used for adding
an image, the multiple uploader and replacing an image's file. Its file field refuses an
image of more than `WAGTAILIMAGES_MAX_IMAGE_PIXELS` pixels from the file's header, before
anything decodes it (Wagtail's own check decodes the whole image first: an 11,000 ×
11,000 PNG of 15 KB takes 360 MB), and takes identifying metadata out of the upload in
place, so every later step (the multiple uploader's temporary file included) has the
cleaned file.
"""

import struct
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from portal.media import metadata

# What Pillow raises for a file that is not an image, or a damaged one.
UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)


def too_many_pixels(width, height, frames=1):
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    if width * height * frames <= limit:
        return None
    values = {
        "width": number_format(width, force_grouping=True),
        "height": number_format(height, force_grouping=True),
        "limit": number_format(limit, force_grouping=True),
    }
    message = ngettext(
        "This image is %(width)s × %(height)s pixels, more than the %(limit)s pixel an "
        "image may have. Make it smaller (a photo for the web needs about 2,000 pixels "
        "on its longer side) and upload it again.",
        "This image is %(width)s × %(height)s pixels, more than the %(limit)s pixels an "
        "image may have. Make it smaller (a photo for the web needs about 2,000 pixels "
        "on its longer side) and upload it again.",
        limit,
    )
    if frames > 1:
        message = ngettext(
            "This animation has %(frames)s frame of %(width)s × %(height)s pixels, more "
            "than the %(limit)s pixels it may have in all. Make it smaller or shorter and "
            "upload it again.",
            "This animation has %(frames)s frames of %(width)s × %(height)s pixels, more "
            "than the %(limit)s pixels it may have in all. Make it smaller or shorter and "
            "upload it again.",
            frames,
        )
        values["frames"] = number_format(frames, force_grouping=True)
    return ValidationError(message, code="file_too_many_pixels", params=values)


def check_pixels(upload):
    """Refuse an image with too many pixels, reading only its header."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow warns of a possible decompression bomb; the limit here is lower.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                error = too_many_pixels(*image.size, getattr(image, "n_frames", 1))
    except Image.DecompressionBombError:
        error = ValidationError(
            _(
                "This image has far more pixels than an image may have. Make it smaller and "
                "upload it again."
            ),
            code="file_too_many_pixels",
        )
    except UNREADABLE:
        error = None  # Wagtail's checks below say what is wrong with it
    finally:
        upload.seek(0)
    if error is not None:
        raise error


def strip_metadata_in_place(upload):
    upload.seek(0)
    try:
        cleaned = metadata.strip(upload.read())
    except metadata.MetadataError as error:
        raise ValidationError(
            _(
                "This image could not be read to the end, so the place and camera it was "
                "taken with cannot be removed from it. Save it again in an image editor (as "
                "JPEG or PNG) and upload it again."
            ),
            code="unreadable_metadata",
        ) from error
    if cleaned is not None:
        upload.seek(0)
        upload.truncate()
        upload.write(cleaned)
        upload.size = len(cleaned)
    upload.seek(0)


class ImageUploadField(WagtailImageField):
    def to_python(self, data):
        if isinstance(data, UploadedFile):
            check_pixels(data)
        try:
            return super().to_python(data)
        except UNREADABLE as error:
            # Wagtail reads the size of a damaged image outside its own error handling.
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            strip_metadata_in_place(value)
        return value


class ImageForm(BaseImageForm):
    """The admin's image form: the upload checked and stripped of metadata, and the
    image's description asked for as its alternative text, which public pages give it
    (never its title, often the file's name). Required for a new image; an image uploaded
    before may be saved without until someone writes one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            self.fields["file"] = ImageUploadField(
                label=field.label, required=field.required, widget=field.widget
            )
        description = self.fields.get("description")
        if description is not None:
            description.label = _("Alternative text")
            description.help_text = _(
                "What the picture shows, for people who cannot see it (screen readers, "
                'images that do not load), e.g. "Residents at the tables of the needs '
                'workshop in the Golnik community hall". Not the file name.'
            )
            description.required = self.instance.pk is None
