from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammePagesConfig(AppConfig):
    name = "portal.programme_pages"
    label = "programme_pages"
    verbose_name = _("Programme pages")
