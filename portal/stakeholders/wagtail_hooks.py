from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet

from portal.communities.viewsets import CommunityOwnedViewSet
from portal.stakeholders.models import Stakeholder


class StakeholderViewSet(CommunityOwnedViewSet):
    model = Stakeholder
    icon = "group"
    menu_label = _("Stakeholders")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "sector", "community"]
    list_filter = ["sector", "community"]
    list_export = ["name", "sector", "community", "contact_person", "email", "phone", "website"]
    copy_view_enabled = True


register_snippet(StakeholderViewSet)
