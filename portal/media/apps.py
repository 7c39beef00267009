from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    """Uploaded images and documents: metadata taken out of images, the pixel limit, which
    collections are private, and serving the files under MEDIA_URL."""

    name = "portal.media"
    label = "portal_media"
    verbose_name = _("Uploaded media")

    def ready(self):
        from django.db.models.signals import pre_save
        from wagtail.images import get_image_model
        from wagtail.models import Collection, CollectionViewRestriction, UploadedFile

        from portal.base.caching import affects_public_pages
        from portal.media.signals import strip_new_image_file

        pre_save.connect(strip_new_image_file, sender=get_image_model())
        # The multiple uploader keeps a file whose image still needs its alternative text
        # as an `UploadedFile`, and makes the image from it with the file already stored:
        # cleaned here, when it is first stored, it is never kept with its metadata.
        pre_save.connect(strip_new_image_file, sender=UploadedFile)
        # Which collections are private changes what the API lists and which original
        # image files are served to everyone.
        affects_public_pages(CollectionViewRestriction)
        affects_public_pages(Collection)
