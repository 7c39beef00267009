"""The dashboard's page panels, kept to the editor's KS: the pages waiting for municipal
approval and the editor's drafts; and Wagtail's own panels (pages in a workflow, pages to
review, recent edits, locked pages), which list pages by owner or by group whatever their
KS, shown to a KS editor without another KS's pages."""

from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.admin.views import home
from wagtail.models import DraftStateMixin, Page, WorkflowState, get_default_page_content_type

from portal.communities.access import (
    community_ids_for,
    in_own_sections,
    is_in_own_sections,
    manages_all_communities,
)
from portal.communities.ownership import community_owned_models

SHOWN = 8


def pages_in_sight(user, pages):
    """`pages` a user sees on the dashboard: a KS editor's, those of their own KS."""
    if manages_all_communities(user):
        return pages
    return pages.filter(in_own_sections(user))


def in_sight(user, obj):
    """Whether a page or a KS-owned snippet is the user's to see on the dashboard."""
    if manages_all_communities(user):
        return True
    if isinstance(obj, Page):
        return is_in_own_sections(user, obj)
    return getattr(obj, "community_id", None) in community_ids_for(user)


def in_moderation():
    """A filter for pages in a workflow still running."""
    return Exists(
        WorkflowState.objects.active().filter(
            base_content_type=get_default_page_content_type(),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
    )


class PagePanel(Component):
    def __init__(self, pages, count):
        self.pages = pages
        self.count = count

    def get_context_data(self, parent_context):
        return {"pages": self.pages, "count": self.count}


class AwaitingApprovalPanel(PagePanel):
    """Pages in moderation: a KS editor's KS's, waiting for the municipality; every KS's
    for a municipal editor, who approves them from the page's edit view."""

    name = "pages_awaiting_approval"
    order = 20
    template_name = "communities/admin/awaiting_approval_panel.html"

    @classmethod
    def for_user(cls, user):
        if not (manages_all_communities(user) or community_ids_for(user)):
            return None
        pages = pages_in_sight(user, Page.objects.filter(in_moderation())).order_by(
            "-latest_revision_created_at"
        )
        shown = list(pages[:SHOWN])
        if not shown:
            return None
        return cls(shown, len(shown) if len(shown) < SHOWN else pages.count())

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["reviews"] = manages_all_communities(parent_context["request"].user)
        return context


class DraftsPanel(Component):
    """The editor's pages with changes not yet published (never published among them):
    pages they own or changed last, within their KS, less those waiting for approval; and
    the drafts of KS-owned snippets (programmes) they changed last, of their KS. One query
    for the pages and one for each such snippet model."""

    name = "my_drafts"
    order = 130
    template_name = "communities/admin/drafts_panel.html"

    def __init__(self, pages, snippets, count):
        self.pages = pages
        self.snippets = snippets
        self.count = count

    @classmethod
    def for_user(cls, user):
        if not (manages_all_communities(user) or community_ids_for(user)):
            return None
        mine = Q(owner=user) | Q(latest_revision__user=user)
        pages = pages_in_sight(
            user,
            Page.objects.filter(mine, has_unpublished_changes=True).exclude(in_moderation()),
        ).order_by("-latest_revision_created_at")
        shown = list(pages[:SHOWN])
        count = len(shown) if len(shown) < SHOWN else pages.count()
        snippets = snippet_drafts(user)
        if not shown and not snippets:
            return None
        return cls(shown, snippets, count + len(snippets))

    def get_context_data(self, parent_context):
        return {"pages": self.pages, "snippets": self.snippets, "count": self.count}


def snippet_drafts(user):
    """(snippet, edit URL, kind) of the KS-owned snippets with unpublished changes that `user`
    changed last, within their KS."""
    found = []
    for model in community_owned_models():
        if not issubclass(model, DraftStateMixin) or not hasattr(model, "snippet_viewset"):
            continue
        drafts = model._default_manager.filter(
            has_unpublished_changes=True, latest_revision__user=user
        )
        if not manages_all_communities(user):
            drafts = drafts.filter(community__in=community_ids_for(user))
        edit = model.snippet_viewset.get_url_name("edit")
        kind = model._meta.verbose_name
        found += [(item, reverse(edit, args=[item.pk]), kind) for item in drafts[:SHOWN]]
    return found


# Wagtail's own panels, shown to a KS editor without other KS's pages.


class OwnObjectsInWorkflowPanel(home.UserObjectsInWorkflowModerationPanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["workflow_states"] = [
            state for state in context["workflow_states"] if in_sight(user, state.content_object)
        ]
        return context


class OwnObjectsToModeratePanel(home.WorkflowObjectsToModeratePanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["states"] = [state for state in context["states"] if in_sight(user, state["obj"])]
        return context


class OwnRecentEditsPanel(home.RecentEditsPanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["last_edits"] = [
            (date, page) for date, page in context["last_edits"] if in_sight(user, page)
        ]
        return context


class OwnLockedPagesPanel(home.LockedPagesPanel):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["locked_pages"] = pages_in_sight(user, context["locked_pages"])
        return context


BOUNDED = {
    panel.name: panel
    for panel in (
        OwnObjectsInWorkflowPanel,
        OwnObjectsToModeratePanel,
        OwnRecentEditsPanel,
        OwnLockedPagesPanel,
    )
}


def keep_to_own_ks(user, panels):
    """Replace Wagtail's page panels with their KS-bounded kin for a KS editor."""
    if manages_all_communities(user):
        return
    panels[:] = [
        BOUNDED[panel.name]()
        if type(panel).__module__ == home.__name__ and panel.name in BOUNDED
        else panel
        for panel in panels
    ]
