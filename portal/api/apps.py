from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The headless API: Wagtail API v2 endpoints, their OpenAPI description, CORS and
    HTTP caching."""

    name = "portal.api"
    label = "portal_api"
    verbose_name = _("API")
