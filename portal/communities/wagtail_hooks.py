from wagtail import hooks

from portal.communities.admin_views import DocumentsAdminAPIViewSet, ImagesAdminAPIViewSet
from portal.communities.bulk_actions import DeleteCommunityOwnedBulkAction
from portal.communities.models import CommunityPage
from portal.communities.page_chooser import chooser_pages
from portal.communities.panels import AwaitingApprovalPanel, DraftsPanel, keep_to_own_ks
from portal.communities.provisioning import provision_community


@hooks.register("after_create_page")
def provision_new_community(request, page):
    """A KS page created in the admin gets its section pages, group, collection and
    workflow in the same request (requests are atomic, see settings)."""
    if isinstance(page, CommunityPage):
        provision_community(page, user=request.user)


@hooks.register("construct_page_chooser_queryset")
def keep_page_choosers_to_what_the_editor_may_choose(pages, request):
    """A KS editor may link to any public page, but sees drafts and private pages only
    of their own KS; a space chooser offers only the spaces they may hold events in."""
    return chooser_pages(pages, request)


def keep_admin_api_files_to_what_the_editor_may_choose(router):
    router.register_endpoint("images", ImagesAdminAPIViewSet)
    router.register_endpoint("documents", DocumentsAdminAPIViewSet)


# After Wagtail's own image and document endpoints (order 0), which these replace.
hooks.register("construct_admin_api", keep_admin_api_files_to_what_the_editor_may_choose, order=100)


# After Wagtail's own snippet bulk delete (order 0), so this one wins for KS-owned models.
hooks.register("register_bulk_action", DeleteCommunityOwnedBulkAction, order=100)


@hooks.register("construct_homepage_panels")
def show_page_panels(request, panels):
    """Pages waiting for approval and the editor's drafts; Wagtail's own page panels kept
    to a KS editor's KS."""
    keep_to_own_ks(request.user, panels)
    for panel_class in (AwaitingApprovalPanel, DraftsPanel):
        panel = panel_class.for_user(request.user)
        if panel is not None:
            panels.append(panel)
