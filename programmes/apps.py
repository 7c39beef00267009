from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Every installed app's `programme_plugins` module, as Wagtail finds `wagtail_hooks`.
        autodiscover_modules("programme_plugins")
