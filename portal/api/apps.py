from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The headless API: Wagtail API v2 endpoints, their OpenAPI description, CORS and
    HTTP caching."""

    name = "portal.api"
    label = "portal_api"
    verbose_name = _("API")

    def ready(self):
        from wagtail.models import Collection, CollectionViewRestriction

        from portal.base.pagecache import affects_public_pages

        # Which collections the API leaves out changes its answers.
        affects_public_pages(CollectionViewRestriction)
        affects_public_pages(Collection)
