from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "portal.communities"
    label = "communities"
    verbose_name = _("Local communities (KS)")

    def ready(self):
        from portal.communities import signals  # noqa: F401
        from portal.communities.ownership import register_community_owned_models

        # Before anything asks Wagtail for these models' policies.
        register_community_owned_models()
