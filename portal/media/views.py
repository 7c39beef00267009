"""Uploaded files under MEDIA_URL, served by the portal itself (a single host needs no
other web server; why: docs/decisions/0020-uploaded-media.md).

Only images (by their file name's extension, so nothing else is ever sent as a page or
a script) are served here: renditions (`images/`) to everyone, and originals
(`original_images/`) to everyone unless their collection is private, when only to those
its view restrictions let through. Documents are served only through `/dokumenti/`,
which checks their collection; the multiple uploader's unfinished uploads and anything
else under MEDIA_ROOT are never served. No directory listings, no paths out of
MEDIA_ROOT.
"""

import mimetypes
import os
from datetime import UTC, datetime

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import condition, require_safe
from wagtail.images import get_image_model

from portal.media.privacy import may_view, restricted_collection_ids

RENDITIONS, ORIGINALS = "images", "original_images"
IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp", "image/avif"}
# Renditions and originals change their file name when their image's file changes.
PUBLIC_CACHE = {RENDITIONS: "public, max-age=604800", ORIGINALS: "public, max-age=86400"}
PRIVATE_CACHE = "private, no-cache"


@require_safe
def serve(request, path):
    parts = path.split("/")
    content_type, _ = mimetypes.guess_type(path)
    # Each part a plain name: "images/../original_images/…" must not pass as a rendition.
    plain = all(part not in ("", ".", "..") and "\x00" not in part for part in parts)
    if not plain or parts[0] not in PUBLIC_CACHE or content_type not in IMAGE_TYPES:
        raise Http404
    folder = parts[0]
    try:
        full_path = default_storage.path(path)
    except (NotImplementedError, SuspiciousFileOperation) as error:
        raise Http404 from error
    if not os.path.isfile(full_path):
        raise Http404
    cache_control = PUBLIC_CACHE[folder]
    if folder == ORIGINALS and (restricted := restricted_collection_ids()):
        image = (
            get_image_model()
            .objects.filter(file=path, collection__in=restricted)
            .select_related("collection")
            .first()
        )
        if image is not None:
            if not may_view(request, image.collection):
                raise Http404
            cache_control = PRIVATE_CACHE

    @condition(last_modified_func=lambda request: modified_at(full_path))
    def respond(request):
        return file_response(full_path, content_type, cache_control)

    return respond(request)


def modified_at(full_path):
    return datetime.fromtimestamp(os.path.getmtime(full_path), tz=UTC)


def file_response(full_path, content_type, cache_control):
    response = FileResponse(
        open(full_path, "rb"),  # noqa: SIM115  (FileResponse closes it)
        content_type=content_type,
    )
    response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    return response
