"""Admin views that Wagtail opens for any page id, kept to what the editor may see.

Wagtail's move confirmation names the page and the destination before it checks the move
is allowed (it checks only when the move is posted), and its workflow preview names the
page in its "not awaiting moderation" message whoever asks. Its page types report names
the page of each type edited last, anywhere in the tree. Here each first asks whether the
editor may see what it would name (`portal.communities.admin_urls` routes the URLs here).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from rest_framework.authentication import SessionAuthentication
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.models import Page, Task

from portal.communities.access import in_own_sections, manages_all_communities
from portal.communities.choosing import choosable

wagtail_move_confirm = page_viewset_registry.as_view(
    "move_confirm", page_id_kwarg="page_to_move_id"
)
wagtail_workflow_preview = page_viewset_registry.as_view(
    "workflow_preview", page_id_kwarg="page_id"
)


def move_confirm(request, page_to_move_id, destination_id):
    """The confirmation only for a move the editor may make."""
    page = get_object_or_404(Page, id=page_to_move_id)
    destination = get_object_or_404(Page, id=destination_id)
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
    return wagtail_move_confirm(
        request, page_to_move_id=page_to_move_id, destination_id=destination_id
    )


def workflow_preview(request, page_id, task_id):
    """The preview (or Wagtail's message that there is nothing to preview) only for a page
    the editor edits, or whose task they act on."""
    page = get_object_or_404(Page, id=page_id)
    task = get_object_or_404(Task, id=task_id).specific
    editable = page.permissions_for_user(request.user).can_edit()
    if not editable and not task.get_actions(page, request.user):
        raise Http404
    return wagtail_workflow_preview(request, page_id=page_id, task_id=task_id)


class PageTypesUsageView(PageTypesUsageReportView):
    """For a KS editor, the pages of each type in their own KS: how many, and which one
    was edited last."""

    def get_queryset(self):
        page_types = super().get_queryset()
        user = self.request.user
        if manages_all_communities(user):
            return page_types
        own = Page.objects.filter(in_own_sections(user))
        last_edited = own.filter(content_type=OuterRef("pk")).order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        # Replaces Wagtail's figures, which count every page of the site.
        return page_types.annotate(
            count=Count("pages", filter=Q(pages__in=own)),
            last_edited_page_id=Subquery(last_edited.values("pk")[:1]),
        ).order_by("-count", "app_label", "model")


class ChoosableMediaMixin:
    """The admin API's listing and items of images or documents: those the editor may
    choose, as in the choosers."""

    def get_queryset(self):
        files = super().get_queryset()
        allowed = choosable(self.request.user, self.model)
        return files if allowed is None else files.filter(pk__in=allowed.values("pk"))


class ImagesAdminAPIViewSet(ChoosableMediaMixin, ImagesAdminAPIViewSet):
    authentication_classes = [SessionAuthentication]


class DocumentsAdminAPIViewSet(ChoosableMediaMixin, DocumentsAdminAPIViewSet):
    authentication_classes = [SessionAuthentication]
