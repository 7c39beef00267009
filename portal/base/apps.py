from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class BaseConfig(AppConfig):
    name = "portal.base"
    label = "base"
    verbose_name = _("Shared page building blocks")

    def ready(self):
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import PageViewRestriction, Site

        from portal.base import checks  # noqa: F401  (registers the deploy check)
        from portal.base.caching import affects_public_pages, connect_page_signals
        from portal.base.models import SiteSettings
        from portal.base.sites import follow_public_origin

        connect_page_signals()
        for model in (
            get_image_model(),
            get_document_model(),
            Site,
            SiteSettings,
            PageViewRestriction,
        ):
            affects_public_pages(model)
        # After every `migrate` (the release step), the default Site follows PORTAL_BASE_URL.
        post_migrate.connect(follow_public_origin, sender=self)
