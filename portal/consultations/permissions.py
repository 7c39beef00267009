"""Who may see consultation responses in the admin: the editors of the consultation's KS
and the municipality's, within the KS boundary; no one adds one there (residents answer
through the public form, volunteers enter workshop notes through their own form) and no
one changes what a resident answered."""

from portal.communities.permissions import SentByResidentsPermissionPolicy


class ResponsePermissionPolicy(SentByResidentsPermissionPolicy):
    def user_has_permission(self, user, action):
        if action == "change":
            return False
        return super().user_has_permission(user, action)
