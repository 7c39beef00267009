from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpacesConfig(AppConfig):
    name = "portal.spaces"
    label = "spaces"
    verbose_name = _("Community spaces")

    def ready(self):
        # Its pages' query parameters are known to the page cache before the first request.
        import portal.spaces.views  # noqa: F401
