from django.db.models import Q
from wagtail import hooks

from portal.communities.access import communities_for, manages_all_communities
from portal.communities.bulk_actions import DeleteCommunityOwnedBulkAction
from portal.communities.models import CommunityPage
from portal.communities.provisioning import provision_community


@hooks.register("after_create_page")
def provision_new_community(request, page):
    """A KS page created in the admin gets its section pages, group, collection and
    workflow in the same request (requests are atomic, see settings)."""
    if isinstance(page, CommunityPage):
        provision_community(page, user=request.user)


@hooks.register("construct_page_chooser_queryset")
def keep_other_communities_drafts_out_of_choosers(pages, request):
    """A KS editor may link to any public page, but sees drafts and private pages only
    of their own KS."""
    user = request.user
    if manages_all_communities(user):
        return pages
    own_sections = Q(pk__in=[])
    for community in communities_for(user):
        own_sections |= Q(path__startswith=community.path)
    return pages.filter(own_sections | Q(pk__in=pages.live().public().values("pk")))


# After Wagtail's own snippet bulk delete (order 0), so this one wins for KS-owned models.
hooks.register("register_bulk_action", DeleteCommunityOwnedBulkAction, order=100)
