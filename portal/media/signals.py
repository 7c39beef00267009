"""Every new image file is cleaned of identifying metadata before it is stored, however
the image was made: the admin's forms (which have cleaned it already: nothing to do),
the demo loader, a shell or another app's code; and a file the multiple uploader keeps
(`UploadedFile`) until its image's required fields are filled in."""

from django.core.files.base import ContentFile
from wagtail.utils.file import hash_filelike

from portal.media import metadata


def strip_new_image_file(sender, instance, **kwargs):
    file = instance.file
    # Django's FileField stores a file at save time only while it is not yet committed;
    # a committed one is in the storage already (cleaned when it was stored).
    if not file or file._committed:
        return
    content = file.file
    content.seek(0)
    cleaned = metadata.strip(content.read())
    content.seek(0)
    if cleaned is None:
        return
    file.file = ContentFile(cleaned, name=file.name)
    if hasattr(instance, "file_hash"):  # an image, not an upload waiting for its fields
        instance.file_size = len(cleaned)
        instance.file_hash = hash_filelike(file.file)
        file.file.seek(0)
