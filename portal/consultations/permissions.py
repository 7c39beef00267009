"""Who may see consultation responses in the admin: the editors of the consultation's KS
and the municipality's, within the KS boundary; no one adds one there yet (residents
answer through the public form)."""

from portal.communities.permissions import CommunityOwnedPermissionPolicy


class ResponsePermissionPolicy(CommunityOwnedPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
