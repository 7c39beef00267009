"""The KS boundary for models that belong to a KS (stakeholders, programmes, ...).

Model permissions (add, change, delete, publish, ...) still come from groups; on top of
them a user acts only on rows of the KS they edit. Rows with no KS belong to the
municipality: KS editors may pick them in a chooser, nothing more.
"""

from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from portal.communities.access import community_ids_for, manages_all_communities


class CommunityOwnedPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and self.within_boundary(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        if manages_all_communities(user):
            return instances
        return instances.filter(community__in=community_ids_for(user))

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.users_with_any_permission(actions)
        editors_of_all = users.filter(
            Q(is_superuser=True)
            | Q(groups__permissions__codename="manage_all_communities")
            | Q(user_permissions__codename="manage_all_communities")
        )
        if instance.community_id is None:
            return editors_of_all.distinct()
        return (
            editors_of_all | users.filter(groups__community__pk=instance.community_id)
        ).distinct()

    def instances_user_can_choose(self, user):
        """Rows a user may pick in a chooser: their own KS's and the municipality's."""
        instances = self.model._default_manager.all()
        if manages_all_communities(user):
            return instances
        return instances.filter(
            Q(community__in=community_ids_for(user)) | Q(community__isnull=True)
        )

    @staticmethod
    def within_boundary(user, instance):
        return manages_all_communities(user) or instance.community_id in community_ids_for(user)


class SentByResidentsPermissionPolicy(CommunityOwnedPermissionPolicy):
    """KS-owned rows that residents send through a public form (booking requests,
    consultation answers): the KS boundary, and no one adds one in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
