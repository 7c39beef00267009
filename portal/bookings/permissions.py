"""Who may do what with booking requests in the admin: the KS boundary of every KS-owned
model, and no one adds a request there (residents ask through the public form)."""

from portal.communities.permissions import CommunityOwnedPermissionPolicy


class BookingRequestPermissionPolicy(CommunityOwnedPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
