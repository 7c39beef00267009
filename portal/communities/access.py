"""Which local communities a user may edit, and which pages lie in them.

A KS representative edits the KS whose editors group they belong to; a user with the
`manage_all_communities` permission (the municipal editors, superusers) edits them all.
"""

from django.db.models import Q

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


def own_section_paths(user):
    """Tree paths of the KS pages whose content `user` edits (cached on the user)."""
    if not hasattr(user, "_community_paths"):
        user._community_paths = tuple(
            CommunityPage.objects.filter(pk__in=community_ids_for(user)).values_list(
                "path", flat=True
            )
        )
    return user._community_paths


def in_own_sections(user):
    """A filter for pages in the sections of the KS that `user` edits (none: no page)."""
    return any_path_under(own_section_paths(user), default=Q(pk__in=[]))


def is_in_own_sections(user, page):
    return any(page.path.startswith(path) for path in own_section_paths(user))


def outside_every_section():
    """A filter for pages in no KS section: the municipality's own."""
    return ~any_path_under(CommunityPage.objects.values_list("path", flat=True), default=Q())


def any_path_under(paths, default):
    found = None
    for path in paths:
        found = Q(path__startswith=path) if found is None else found | Q(path__startswith=path)
    return default if found is None else found
