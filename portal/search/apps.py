from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "portal.search"
    label = "sitesearch"
    verbose_name = _("Site search")

    def ready(self):
        # Its pages' query parameters are known to the page cache before the first request.
        import portal.search.views  # noqa: F401
