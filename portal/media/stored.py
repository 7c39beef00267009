"""Identifying metadata taken out of images stored before uploads were cleaned.

Each original that has any is written anew under a new name (so no cache or CDN keeps
serving the old file under its old address), the old file removed, and the image's
renditions deleted with their files: they are made again, from the cleaned original, when
next shown. Images already clean are not touched, so a second run changes nothing.

Works with the image and rendition models of a migration's state as well as the real
ones (`portal/media/migrations/0001_strip_stored_image_metadata.py`).
"""

import os
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from wagtail.utils.file import hash_filelike

from portal.media import metadata


@dataclass
class Outcome:
    checked: int = 0
    cleaned: int = 0
    renditions_deleted: int = 0
    failed: list = field(default_factory=list)


def strip_stored_images(image_model, rendition_model, report=lambda line: None):
    outcome = Outcome()
    file_field = image_model._meta.get_field("file")
    storage = file_field.storage
    for image in image_model.objects.order_by("pk").iterator(chunk_size=200):
        outcome.checked += 1
        try:
            with storage.open(image.file.name, "rb") as stored:
                cleaned = metadata.strip(stored.read())
        except (OSError, metadata.MetadataError) as error:
            outcome.failed.append((image.pk, image.file.name, str(error)))
            report(f"  image {image.pk} ({image.file.name}) left as it is: {error}")
            continue
        if cleaned is None:
            continue
        old_name = image.file.name
        new_name = storage.save(new_name_for(storage, old_name, file_field), ContentFile(cleaned))
        image_model.objects.filter(pk=image.pk).update(
            file=new_name,
            file_size=len(cleaned),
            file_hash=hash_filelike(ContentFile(cleaned)),
        )
        if new_name != old_name:
            storage.delete(old_name)
        outcome.renditions_deleted += delete_renditions(rendition_model, image.pk)
        outcome.cleaned += 1
        report(f"  image {image.pk}: {os.path.basename(old_name)} cleaned")
    return outcome


def new_name_for(storage, old_name, file_field):
    """The old name with a random suffix, within the column's length."""
    root, ext = os.path.splitext(old_name)
    suffix_length = 8  # "_" and seven random characters
    root = root[: file_field.max_length - len(ext) - suffix_length]
    return storage.get_alternative_name(root, ext)


def delete_renditions(rendition_model, image_pk):
    storage = rendition_model._meta.get_field("file").storage
    renditions = list(rendition_model.objects.filter(image_id=image_pk))
    for rendition in renditions:
        storage.delete(rendition.file.name)
    rendition_model.objects.filter(pk__in=[r.pk for r in renditions]).delete()
    return len(renditions)
