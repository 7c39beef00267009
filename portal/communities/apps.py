from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunitiesConfig(AppConfig):
    name = "portal.communities"
    label = "communities"
    verbose_name = _("Local communities (KS)")

    def ready(self):
        from django.db.models.signals import post_migrate

        from portal.base.models import BasePage
        from portal.communities import signals  # noqa: F401
        from portal.communities.choosing import register_boundary_rules
        from portal.communities.forms import BoundedPageForm, CommunityPageForm
        from portal.communities.models import CommunityPage
        from portal.communities.ownership import register_community_owned_models
        from portal.communities.provisioning import keep_rights_in_step

        # Before anything asks Wagtail for these models' policies.
        register_community_owned_models()
        register_boundary_rules()
        # Every page type's admin form keeps its editor to what they may choose, as
        # Wagtail's own admin sets `Page.base_form_class`.
        BasePage.base_form_class = BoundedPageForm
        CommunityPage.base_form_class = CommunityPageForm
        post_migrate.connect(keep_rights_in_step, dispatch_uid="communities-keep-rights")
