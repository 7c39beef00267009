from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmbedConfig(AppConfig):
    """The events widget other websites embed with one tag, and its page for webmasters."""

    name = "portal.embed"
    label = "embed"
    verbose_name = _("Events widget")
