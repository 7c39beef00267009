"""Images and documents the demo generates, kept in a KS's collection.

A file is found by its title within its collection. Only a missing one is rendered
(`render()` gives its bytes) and saved through Django's storage, so a second run neither
draws nor stores anything again.
"""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike


def ensure_image(collection, title, filename, render, progress, description=""):
    Image = get_image_model()
    image = Image.objects.filter(collection=collection, title=title).first()
    if image is not None:
        progress.found("image", f"{collection.name}: {title}")
        return image
    data = render()
    file = ImageFile(io.BytesIO(data), name=filename)
    image = Image(
        title=title,
        description=description,
        collection=collection,
        file=file,
        width=file.width,
        height=file.height,
        **file_metadata(data),
    )
    image.save()
    progress.add("image", f"{collection.name}: {title}")
    return image


def ensure_document(collection, title, filename, render, progress):
    Document = get_document_model()
    document = Document.objects.filter(collection=collection, title=title).first()
    if document is not None:
        progress.found("document", f"{collection.name}: {title}")
        return document
    data = render()
    document = Document(
        title=title,
        collection=collection,
        file=ContentFile(data, name=filename),
        **file_metadata(data),
    )
    document.save()
    progress.add("document", f"{collection.name}: {title}")
    return document


def file_metadata(data):
    """Size and hash as Wagtail's upload forms set them, so nothing fills them in later."""
    return {"file_size": len(data), "file_hash": hash_filelike(io.BytesIO(data))}
