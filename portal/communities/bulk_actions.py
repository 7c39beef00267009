"""Bulk actions that refuse outright when any chosen item is not the user's.

Wagtail's bulk actions skip items the user may not touch but still answer with a page
that lists them by title, which would show a KS editor the titles of another KS's drafts.
The portal routes the bulk action URL through `refuse_foreign_items` first.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.functional import classproperty
from wagtail.admin.views.bulk_action.dispatcher import index as wagtail_bulk_action
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction

from portal.communities.ownership import community_owned_models
from portal.communities.viewsets import editable_instances


def refuse_foreign_items(request, app_label, model_name, action):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    _, context = action_class(request, model).get_actionable_objects()
    if context.get("items_with_no_access"):
        raise PermissionDenied
    return wagtail_bulk_action(request, app_label, model_name, action)


class DeleteCommunityOwnedBulkAction(DeleteBulkAction):
    """ "Select all" in a KS-owned snippet listing means all of the user's own rows."""

    @classproperty
    def models(cls):
        return community_owned_models()

    def get_all_objects_in_listing_query(self, parent_id):
        return editable_instances(self.request.user, self.model).values_list("pk", flat=True)
