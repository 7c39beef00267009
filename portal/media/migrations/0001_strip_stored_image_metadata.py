"""Uploads are cleaned of identifying metadata from now on; this cleans the images stored
before, once, at the release that brings it (docs/decisions/0020-uploaded-media.md)."""

from django.db import migrations
from wagtail.images import get_image_model_string

from portal.base.caching import bump_content_version
from portal.media.stored import strip_stored_images


def strip_stored(apps, schema_editor):
    image_model = apps.get_model(get_image_model_string())
    rendition_model = image_model._meta.get_field("renditions").related_model
    outcome = strip_stored_images(image_model, rendition_model, report=print)
    if outcome.cleaned:
        bump_content_version()  # cached pages name the deleted renditions


class Migration(migrations.Migration):
    dependencies = [("wagtailimages", "0027_image_description")]

    operations = [migrations.RunPython(strip_stored, migrations.RunPython.noop, elidable=True)]
