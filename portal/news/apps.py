from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "portal.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        # Its pages' query parameters are known to the page cache before the first request.
        import portal.news.filters  # noqa: F401
