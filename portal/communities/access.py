"""Which local communities a user may edit.

A KS representative edits the KS whose editors group they belong to; a user with the
`manage_all_communities` permission (the municipal editors, superusers) edits them all.
"""

from portal.communities.models import MANAGE_ALL_COMMUNITIES, CommunityPage


def manages_all_communities(user):
    return user.is_active and user.has_perm(MANAGE_ALL_COMMUNITIES)


def community_ids_for(user):
    """Primary keys of the KS pages whose content `user` edits (cached on the user)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if not hasattr(user, "_community_ids"):
        user._community_ids = frozenset(
            CommunityPage.objects.filter(editors_group__user=user).values_list("pk", flat=True)
        )
    return user._community_ids


def communities_for(user):
    """The KS pages whose content `user` may edit, for form choices and filters."""
    if manages_all_communities(user):
        return CommunityPage.objects.all()
    return CommunityPage.objects.filter(pk__in=community_ids_for(user))
