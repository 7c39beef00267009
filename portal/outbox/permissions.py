"""Who sees the outbox: users with its model permissions, which provisioning gives the
municipal editors (`portal.communities.provisioning`) and never a KS's editors; the
messages carry residents' personal data. "change" is sending a message again. No one adds
or deletes a message in the admin: the portal writes them, and the sender deletes them
after their retention."""

from wagtail.permission_policies import ModelPermissionPolicy


class OutboxPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
