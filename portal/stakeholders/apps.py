from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    name = "portal.stakeholders"
    label = "stakeholders"
    verbose_name = _("Stakeholders")
