"""Take identifying metadata (GPS, camera, owner, XMP, IPTC, embedded thumbnails) out of
every stored image, as uploads are cleaned now, and delete the renditions of each image it
changes. A release runs it once by itself (a migration of `portal.media`); a second run
changes nothing. Run it again after restoring images from an older backup."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.images import get_image_model

from portal.base.caching import bump_content_version
from portal.media.stored import strip_stored_images


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        image_model = get_image_model()
        outcome = strip_stored_images(
            image_model, image_model.get_rendition_model(), report=self.stdout.write
        )
        if outcome.cleaned:
            # Cached pages name the deleted renditions.
            bump_content_version()
        self.stdout.write(
            f"{outcome.checked} images checked, {outcome.cleaned} cleaned, "
            f"{outcome.renditions_deleted} renditions deleted, "
            f"{len(outcome.failed)} could not be read."
        )
        if outcome.failed:
            raise CommandError(
                f"{len(outcome.failed)} images could not be read and keep their file as it "
                "is: replace each one's file in the admin."
            )
