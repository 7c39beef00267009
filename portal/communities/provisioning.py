"""Everything a KS section needs to run, created in one step and kept in step.

`provision_community(page)` is idempotent: it creates what is missing and changes
nothing that is already right. It is called when a KS page is created in the admin,
by `manage.py create_community`, by the municipal "KS settings" screen and by the demo
loader, so there is one code path for all of them.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.coreutils import find_available_slug
from wagtail.models import (
    Collection,
    DraftStateMixin,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowTask,
)

from portal.communities.directory import provisioned_page_models
from portal.communities.ownership import community_editor_actions, community_owned_models
from portal.communities.pages import CommunityPage, collection_name, editors_group_name

MUNICIPAL_EDITORS = "Občinski uredniki"
APPROVAL_WORKFLOW = "Odobritev občinskih urednikov"
APPROVAL_TASK = "Odobritev občinskih urednikov"

COMMUNITY_PAGE_ACTIONS = ("add", "change", "lock", "unlock")
MUNICIPAL_PAGE_ACTIONS = ("add", "change", "publish", "lock", "unlock", "bulk_delete")
COMMUNITY_MEDIA_ACTIONS = ("add", "change", "delete", "choose")


@transaction.atomic
def provision_community(community, user=None):
    """Give `community` its calendar, news index, editors group, collection and workflow."""
    ensure_municipal_editors()
    ensure_section_pages(community, user)
    group = (
        community.editors_group
        if community.editors_group_id
        else Group.objects.get_or_create(name=editors_group_name(community))[0]
    )
    collection = community.collection if community.collection_id else ensure_collection(community)
    if (community.editors_group_id, community.collection_id) != (group.pk, collection.pk):
        # A plain update: no revision, and no later revision can undo it (see the model).
        CommunityPage.objects.filter(pk=community.pk).update(
            editors_group=group, collection=collection
        )
        community.editors_group, community.collection = group, collection
    grant_community_rights(community, group, collection)
    apply_approval_setting(community)
    return community


def ensure_section_pages(community, user=None):
    """The index pages every KS section has (those whose type declares
    `section_provisioning`: its calendar, its news; `portal.communities.directory`).

    A live KS gets its section pages published; a draft KS gets them as drafts, which
    go live with it (`publish_section_pages`): a live page under a draft is served."""
    for model in provisioned_page_models():
        if not model.objects.child_of(community).exists():
            made = model.section_provisioning
            page = model(
                title=made.title,
                slug=find_available_slug(community, made.slug),
                live=community.live,
            )
            community.add_child(instance=page)
            revision = page.save_revision(user=user, log_action=True)
            if community.live:
                revision.publish(user=user)


def publish_section_pages(community):
    """When a KS goes live, the section pages provisioning made while it was a draft go
    live with it; one an editor has since unpublished stays as it is."""
    for model in provisioned_page_models():
        drafts = model.objects.child_of(community).filter(
            live=False, first_published_at__isnull=True
        )
        for page in drafts:
            page.get_latest_revision().publish()


def ensure_collection(community):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=collection_name(community)).first()
    return existing or root.add_child(name=collection_name(community))


def grant_community_rights(community, group, collection):
    group.permissions.add(admin_access(), *owned_model_permissions(editor_actions=True))
    for permission in page_permissions(COMMUNITY_PAGE_ACTIONS):
        GroupPagePermission.objects.get_or_create(
            group=group, page=community, permission=permission
        )
    for permission in media_permissions(COMMUNITY_MEDIA_ACTIONS):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def apply_approval_setting(community):
    """With approval on, KS editors submit and the municipal editors publish; with it
    off, KS editors publish themselves and no workflow stands in their way.

    The same holds for the KS's snippets with drafts (programmes): its editors get their
    publish permission only without approval. A snippet's workflow is set per model,
    not per KS, so the approval workflow always stands on those models: editors who may
    publish simply publish, the others submit."""
    publish = page_permissions(["publish"])[0]
    group = community.editors_group
    if community.requires_approval:
        GroupPagePermission.objects.filter(group=group, page=community, permission=publish).delete()
        WorkflowPage.objects.update_or_create(
            page=community, defaults={"workflow": approval_workflow()}
        )
        group.permissions.remove(*snippet_publish_permissions())
    else:
        GroupPagePermission.objects.get_or_create(group=group, page=community, permission=publish)
        WorkflowPage.objects.filter(page=community).delete()
        group.permissions.add(*snippet_publish_permissions())
    ensure_snippet_workflows()


def ensure_snippet_workflows():
    """KS-owned snippets with a workflow go through the municipal approval workflow."""
    for model in community_owned_models():
        if issubclass(model, WorkflowMixin):
            WorkflowContentType.objects.get_or_create(
                content_type=ContentType.objects.get_for_model(model),
                defaults={"workflow": approval_workflow()},
            )


def approval_workflow():
    workflow, _ = Workflow.objects.get_or_create(name=APPROVAL_WORKFLOW)
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK)
        task.groups.set([ensure_municipal_editors()])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def ensure_municipal_editors():
    """The municipal editors group: the whole tree, every collection, every KS's rows,
    and the outgoing mail (residents' personal data, so never a KS's editors)."""
    group, _ = Group.objects.get_or_create(name=MUNICIPAL_EDITORS)
    group.permissions.add(
        admin_access(),
        permission("communities", "manage_all_communities"),
        *owned_model_permissions(editor_actions=False),
        permission("outbox", "view_outboxmessage"),
        permission("outbox", "change_outboxmessage"),
    )
    root_page = Page.get_first_root_node()
    for perm in page_permissions(MUNICIPAL_PAGE_ACTIONS):
        GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=perm)
    root_collection = Collection.get_first_root_node()
    for perm in media_permissions(COMMUNITY_MEDIA_ACTIONS):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=perm
        )
    return group


def keep_rights_in_step(sender, plan=None, **kwargs):
    """After `migrate`, every provisioned KS and the municipal editors get the rights on
    models that arrived since they were provisioned (programmes, say), so an upgraded
    site needs no manual step. Runs once, after the last app's permissions exist."""
    from django.apps import apps

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1]:  # Django signals each app with models, in order
        return
    if any(backwards for _, backwards in plan or []):
        return  # unapplying migrations: the models may no longer match
    communities = CommunityPage.objects.filter(editors_group__isnull=False).select_related(
        "editors_group", "collection"
    )
    if not communities.exists():
        return
    ensure_municipal_editors()
    for community in communities:
        grant_community_rights(community, community.editors_group, community.collection)
        apply_approval_setting(community)


def add_community_editor(community, user):
    """Make `user` an editor of `community` (provisioning it first if needed)."""
    if not community.editors_group_id:
        provision_community(community)
    user.groups.add(community.editors_group)
    return user


# --- Permission lookups -----------------------------------------------------------------


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def admin_access():
    return permission("wagtailadmin", "access_admin")


def page_permissions(actions):
    return [permission("wagtailcore", f"{action}_page") for action in actions]


def media_permissions(actions):
    return [
        *(permission("wagtailimages", f"{action}_image") for action in actions),
        *(permission("wagtaildocs", f"{action}_document") for action in actions),
    ]


def snippet_publish_permissions():
    """The publish permissions of KS-owned snippets with drafts (publish_programme)."""
    return [
        permission(model._meta.app_label, f"publish_{model._meta.model_name}")
        for model in community_owned_models()
        if issubclass(model, DraftStateMixin)
    ]


def owned_model_permissions(editor_actions):
    """Model permissions on every KS-owned model: the KS editors' share, or all of them."""
    permissions = []
    for model in community_owned_models():
        content_type = ContentType.objects.get_for_model(model)
        codenames = (
            [f"{action}_{model._meta.model_name}" for action in community_editor_actions(model)]
            if editor_actions
            else None
        )
        found = Permission.objects.filter(content_type=content_type)
        if codenames is not None:
            found = found.filter(codename__in=codenames)
        permissions.extend(found)
    return permissions
