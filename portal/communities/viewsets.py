"""Admin screens for models that belong to a KS, bounded to the editor's own KS.

Wagtail's generic views check model permissions and fetch objects by primary key alone,
so the boundary is added to every view class the viewset builds (edit, delete, copy,
history, usage, revisions, preview, lock, unpublish, workflow, inspect, ...): a row of
another KS is simply not found. Listings, exports and choosers get bounded querysets,
forms offer only the editor's own KS, and exported files carry no formulas.
"""

from functools import cache

from django.contrib.admin.utils import unquote
from django.http import Http404
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.base.spreadsheets import SafeSpreadsheetExportMixin

# Any of these model permissions lets a user reach a row's admin views at all.
ANY_ACTION = ["add", "change", "delete", "view", "publish", "lock", "unlock"]


def editable_instances(user, model):
    return policy_registry.get_by_type(model).instances_user_has_any_permission_for(
        user, ANY_ACTION
    )


class CommunityBoundaryMixin:
    """For a view that works on one row (its URL has `pk`): 404 unless the row is the
    user's to edit."""

    def dispatch(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not self.is_editable(request.user, unquote(str(pk))):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def is_editable(self, user, pk):
        return editable_instances(user, self.model).filter(pk=pk).exists()


class CommunityChooserMixin:
    """For chooser views: only rows of the user's KS and the municipality's."""

    def chooser_queryset(self):
        policy = policy_registry.get_by_type(self.model_class)
        return policy.instances_user_can_choose(self.request.user)

    def get_object_list(self):
        return self.chooser_queryset()

    def get_object(self, pk):
        try:
            return self.chooser_queryset().get(pk=pk)
        except self.model_class.DoesNotExist as error:
            raise Http404 from error

    def get_objects(self, pks):
        return self.chooser_queryset().filter(pk__in=pks)


@cache
def with_mixin(mixin, view_class):
    return type(view_class.__name__, (mixin, view_class), {})


class CommunityOwnedChooserViewSet(SnippetChooserViewSet):
    def construct_view(self, view_class, **kwargs):
        return super().construct_view(with_mixin(CommunityChooserMixin, view_class), **kwargs)


class CommunityOwnedViewSet(SnippetViewSet):
    """A SnippetViewSet for a model with a `community` field, kept to the editor's KS."""

    chooser_viewset_class = CommunityOwnedChooserViewSet

    def construct_view(self, view_class, **kwargs):
        if issubclass(view_class, SpreadsheetExportMixin):
            view_class = with_mixin(SafeSpreadsheetExportMixin, view_class)
        return super().construct_view(with_mixin(CommunityBoundaryMixin, view_class), **kwargs)

    def get_queryset(self, request):
        return editable_instances(request.user, self.model)
