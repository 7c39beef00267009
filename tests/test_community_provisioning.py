"""Creating a KS sets up its whole section in one step, however it is created."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Collection, GroupPagePermission, Page, WorkflowPage
from wagtail.test.utils.form_data import nested_form_data, rich_text

from portal.communities.models import CommunityPage
from portal.communities.provisioning import (
    MUNICIPAL_EDITORS,
    add_community_editor,
    ensure_municipal_editors,
)
from portal.events.models import EventCalendarPage
from portal.news.models import NewsIndexPage
from tests import builders

pytestmark = pytest.mark.django_db


def page_permissions(community):
    return set(
        GroupPagePermission.objects.filter(
            group=community.editors_group, page=community
        ).values_list("permission__codename", flat=True)
    )


def assert_provisioned(community):
    community.refresh_from_db()
    assert community.editors_group.name == f"KS {community.name} – uredniki"
    assert community.collection.name == f"KS {community.name}"
    assert EventCalendarPage.objects.child_of(community).live().count() == 1
    assert NewsIndexPage.objects.child_of(community).live().count() == 1
    assert community.editors_group.permissions.filter(codename="access_admin").exists()
    images = set(
        community.editors_group.collection_permissions.filter(
            collection=community.collection
        ).values_list("permission__codename", flat=True)
    )
    assert {"add_image", "choose_image", "add_document", "choose_document"} <= images


def test_create_community_command_provisions_everything():
    out = io.StringIO()
    call_command("create_community", "--name", "Primskovo", stdout=out)
    community = CommunityPage.objects.get(slug="primskovo")
    assert community.title == "KS Primskovo"
    assert community.live
    assert_provisioned(community)
    assert page_permissions(community) == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    assert not WorkflowPage.objects.filter(page=community).exists()
    assert "KS Primskovo – uredniki" in out.getvalue()
    assert Group.objects.filter(name=MUNICIPAL_EDITORS).exists()


def test_running_create_community_again_changes_nothing():
    call_command(
        "create_community", "--name", "Primskovo", "--slug", "primskovo", stdout=io.StringIO()
    )
    before = (
        list(Page.objects.values_list("pk", "path", "latest_revision_id")),
        list(Group.objects.values_list("pk", "name")),
        list(Collection.objects.values_list("pk", "name")),
        GroupPagePermission.objects.count(),
        WorkflowPage.objects.count(),
    )
    call_command(
        "create_community", "--name", "Primskovo", "--slug", "primskovo", stdout=io.StringIO()
    )
    after = (
        list(Page.objects.values_list("pk", "path", "latest_revision_id")),
        list(Group.objects.values_list("pk", "name")),
        list(Collection.objects.values_list("pk", "name")),
        GroupPagePermission.objects.count(),
        WorkflowPage.objects.count(),
    )
    assert after == before


def test_create_community_with_approval_gives_editors_no_publish_right():
    call_command(
        "create_community", "--name", "Kokrica", "--requires-approval", stdout=io.StringIO()
    )
    community = CommunityPage.objects.get(slug="kokrica")
    assert "publish_page" not in page_permissions(community)
    workflow = WorkflowPage.objects.get(page=community).workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [MUNICIPAL_EDITORS]


def test_adding_a_ks_page_in_the_admin_provisions_it(client, admin_user):
    client.force_login(admin_user)
    home = builders.home_page()
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["communities", "communitypage", home.pk]),
        nested_form_data(
            {
                "title": "KS Orehek Drulovka",
                "slug": "orehek-drulovka",
                "intro": "Ob Savi.",
                "body": rich_text("<p>KS</p>"),
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302
    community = CommunityPage.objects.get(slug="orehek-drulovka")
    assert_provisioned(community)
    assert community.editors_group.name == "KS Orehek Drulovka – uredniki"


def test_a_second_ks_with_the_same_name_is_refused_with_a_message(client, admin_user):
    builders.community("KS Golnik")
    client.force_login(admin_user)
    home = builders.home_page()
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["communities", "communitypage", home.pk]),
        nested_form_data(
            {"title": "Golnik", "slug": "golnik-2", "body": rich_text(""), "action-publish": "1"}
        ),
    )
    assert response.status_code == 200
    assert "already exists" in str(response.context["form"].errors) or "že obstaja" in str(
        response.context["form"].errors
    )
    assert CommunityPage.objects.count() == 1


def test_renaming_a_ks_renames_its_group_and_collection():
    call_command("create_community", "--name", "Primskovo", stdout=io.StringIO())
    community = CommunityPage.objects.get(slug="primskovo")
    community.title = "KS Primskovo ob Kokri"
    community.save_revision().publish()
    community.refresh_from_db()
    assert community.editors_group.name == "KS Primskovo ob Kokri – uredniki"
    assert community.collection.name == "KS Primskovo ob Kokri"


def test_add_community_editor_creates_a_user_with_a_one_time_password():
    call_command("create_community", "--name", "Primskovo", stdout=io.StringIO())
    out = io.StringIO()
    call_command(
        "add_community_editor",
        "primskovo",
        "ana",
        "--email",
        "ana@example.org",
        "--no-input",
        stdout=out,
    )
    password = out.getvalue().split("One-time password for ana: ")[1].split()[0]
    user = get_user_model().objects.get(username="ana")
    assert user.check_password(password)
    assert user.groups.filter(name="KS Primskovo – uredniki").exists()
    assert user.email == "ana@example.org"


def test_add_community_editor_names_the_known_slugs_when_wrong():
    call_command("create_community", "--name", "Primskovo", stdout=io.StringIO())
    with pytest.raises(CommandError, match="primskovo"):
        call_command("add_community_editor", "nikjer", "ana", "--no-input")


def test_municipal_editor_switches_approval_on_and_off(client):
    call_command("create_community", "--name", "Primskovo", stdout=io.StringIO())
    community = CommunityPage.objects.get(slug="primskovo")
    municipal = get_user_model().objects.create_user("obcina", password="x")
    municipal.groups.add(ensure_municipal_editors())
    client.force_login(municipal)

    edit_url = reverse("wagtailadmin_pages:edit", args=[community.pk])
    data = edit_form(client, edit_url)
    data["requires_approval"] = "on"
    data["action-publish"] = "1"
    assert client.post(edit_url, data).status_code == 302
    community.refresh_from_db()
    assert community.requires_approval
    assert "publish_page" not in page_permissions(community)
    assert WorkflowPage.objects.filter(page=community).exists()

    data = edit_form(client, edit_url)
    data.pop("requires_approval", None)
    data["action-publish"] = "1"
    client.post(edit_url, data)
    community.refresh_from_db()
    assert not community.requires_approval
    assert "publish_page" in page_permissions(community)
    assert not WorkflowPage.objects.filter(page=community).exists()


def test_ks_editor_cannot_switch_approval_off_for_their_own_ks(client):
    call_command(
        "create_community", "--name", "Primskovo", "--requires-approval", stdout=io.StringIO()
    )
    community = CommunityPage.objects.get(slug="primskovo")
    editor = get_user_model().objects.create_user("ks-primskovo", password="x")
    add_community_editor(community, editor)
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[community.pk])
    data = edit_form(client, edit_url)
    assert "requires_approval" not in data
    data["requires_approval"] = ""  # forged: the field is not in their form
    client.post(edit_url, data)
    # Even when a municipal editor later publishes that draft, the setting stays.
    municipal = get_user_model().objects.create_user("obcina", password="x")
    municipal.groups.add(ensure_municipal_editors())
    community.refresh_from_db()
    community.get_latest_revision().publish(user=municipal)
    community.refresh_from_db()
    assert community.requires_approval
    assert "publish_page" not in page_permissions(community)


def edit_form(client, url):
    from wagtail.test.utils.form_data import querydict_from_html

    response = client.get(url)
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form").copy()


def test_a_failure_while_provisioning_leaves_no_half_made_ks(client, admin_user, monkeypatch):
    import portal.communities.provisioning as provisioning

    def broken(*args, **kwargs):
        raise RuntimeError("the collection store is down")

    monkeypatch.setattr(provisioning, "ensure_collection", broken)
    client.force_login(admin_user)
    home = builders.home_page()
    with pytest.raises(RuntimeError):
        client.post(
            reverse("wagtailadmin_pages:add", args=["communities", "communitypage", home.pk]),
            nested_form_data(
                {
                    "title": "KS Bitnje",
                    "slug": "bitnje",
                    "body": rich_text(""),
                    "action-publish": "1",
                }
            ),
        )
    assert not Page.objects.filter(slug="bitnje").exists()
    assert not Group.objects.filter(name__contains="Bitnje").exists()


def test_migrate_gives_existing_ks_the_rights_on_models_added_since(client):
    """A site provisioned before programmes existed: after `migrate`, its KS editors can
    manage programmes with no manual step."""
    call_command("create_community", "--name", "Primskovo", stdout=io.StringIO())
    community = CommunityPage.objects.get(slug="primskovo")
    group = community.editors_group
    programme_rights = group.permissions.filter(content_type__app_label="programmes")
    municipal = Group.objects.get(name=MUNICIPAL_EDITORS)
    assert programme_rights.exists()
    programme_rights_before = set(programme_rights.values_list("codename", flat=True))
    group.permissions.remove(*programme_rights)  # as a group made before programmes
    municipal.permissions.remove(
        *municipal.permissions.filter(content_type__app_label="programmes")
    )

    call_command("migrate", verbosity=0)

    assert set(programme_rights.values_list("codename", flat=True)) == programme_rights_before
    assert municipal.permissions.filter(codename="publish_programme").exists()
    user = get_user_model().objects.create_user("urednica", password="x" * 12)
    user.groups.add(group)
    client.force_login(user)
    assert client.get(reverse("wagtailsnippets_programmes_programme:list")).status_code == 200


def test_a_ks_saved_as_a_draft_keeps_its_section_pages_private_until_published(client, admin_user):
    """Provisioning makes the calendar and news index of a KS that is still a draft as
    drafts too: nobody reaches a draft KS through its section pages."""
    client.force_login(admin_user)
    home = builders.home_page()
    add_url = reverse("wagtailadmin_pages:add", args=["communities", "communitypage", home.pk])
    data = {"title": "KS Bitnje", "slug": "bitnje", "intro": "Ob Savi.", "body": rich_text("")}
    assert client.post(add_url, nested_form_data(data)).status_code == 302
    community = CommunityPage.objects.get(slug="bitnje")
    assert not community.live
    sections = [
        EventCalendarPage.objects.child_of(community),
        NewsIndexPage.objects.child_of(community),
    ]
    assert all(pages.count() == 1 for pages in sections)
    client.logout()
    for path in ("/bitnje/", "/bitnje/dogodki/", "/bitnje/novice/"):
        assert client.get(path).status_code == 404, path
    assert "bitnje" not in client.get("/sitemap.xml").content.decode()
    assert "Bitnje" not in client.get("/api/v2/pages/", {"limit": 100}).content.decode()

    client.force_login(admin_user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[community.pk])
    data = edit_form(client, edit_url)
    data["action-publish"] = "1"
    assert client.post(edit_url, data).status_code == 302
    client.logout()
    for path in ("/bitnje/", "/bitnje/dogodki/", "/bitnje/novice/"):
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize(
    ("arguments", "reason"),
    [
        (["--name", "Gol\u200bnik"], "--name: Vsebuje 1 znak, ki se ne vidi: U.200B ZERO WIDTH"),
        (["--name", "Primskovo", "--slug", "prim\u2066skovo"], "--slug: Vsebuje 1 znak"),
        (["--name", "G\u043elnik"], "--name: Ime meša črke različnih pisav"),
        (["--name", "ＧＯＬＮＩＫ", "--slug", "golnik-2"], "s tem imenom že obstaja"),
    ],
)
def test_create_community_refuses_a_name_that_passes_for_another(arguments, reason):
    call_command("create_community", "--name", "Golnik", stdout=io.StringIO())
    before = list(Page.objects.values_list("pk", "title", "slug"))
    with pytest.raises(CommandError, match=reason):
        call_command("create_community", *arguments, stdout=io.StringIO())
    assert list(Page.objects.values_list("pk", "title", "slug")) == before
    assert (
        not Group.objects.exclude(name__in=["KS Golnik – uredniki", MUNICIPAL_EDITORS])
        .filter(name__startswith="KS")
        .exists()
    )


def test_create_community_writes_the_name_in_its_plain_form():
    call_command(
        "create_community", "--name", "Ｐｒｉｍｓｋｏｖｏ\u00a0ob Kokri", stdout=io.StringIO()
    )
    community = CommunityPage.objects.get(slug="primskovo-ob-kokri")
    assert community.title == "KS Primskovo ob Kokri"
    assert community.editors_group.name == "KS Primskovo ob Kokri – uredniki"


def portal_groups():
    return {MUNICIPAL_EDITORS, *CommunityPage.objects.values_list("editors_group__name", flat=True)}


def groups_granting_anything():
    """Every group that gives its members a right: on a page, a collection, a model, or
    the approval of a workflow task."""
    from wagtail.models import GroupApprovalTask, GroupCollectionPermission

    return {
        *GroupPagePermission.objects.values_list("group__name", flat=True),
        *GroupCollectionPermission.objects.values_list("group__name", flat=True),
        *Group.objects.filter(permissions__isnull=False).values_list("name", flat=True),
        *GroupApprovalTask.objects.filter(active=True).values_list("groups__name", flat=True),
    } - {None}


def test_after_migrate_only_the_portals_groups_grant_rights():
    """Wagtail's example groups "Editors" and "Moderators" had rights on the whole tree
    and every collection; a user put in one would have edited every KS."""
    from wagtail.models import GroupCollectionPermission

    call_command("create_community", "--name", "Primskovo", stdout=io.StringIO())
    root_page, root_collection = Page.get_first_root_node(), Collection.get_first_root_node()
    on_root = GroupPagePermission.objects.filter(page=root_page)
    assert set(on_root.values_list("group__name", flat=True)) == {MUNICIPAL_EDITORS}
    on_all_media = GroupCollectionPermission.objects.filter(collection=root_collection)
    assert set(on_all_media.values_list("group__name", flat=True)) == {MUNICIPAL_EDITORS}
    assert groups_granting_anything() == portal_groups()
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_the_migration_takes_wagtails_example_groups_from_an_upgraded_site():
    """A site migrated before 0004 with someone in the example groups: they and their
    rights go; the example workflow, assigned nowhere, is switched off."""
    import importlib

    from django.apps import apps
    from wagtail.models import (
        GroupApprovalTask,
        GroupCollectionPermission,
        Workflow,
        WorkflowTask,
    )

    migration = importlib.import_module(
        "portal.communities.migrations.0004_remove_wagtail_example_groups"
    )
    call_command("create_community", "--name", "Primskovo", stdout=io.StringIO())
    root_page, root_collection = Page.get_first_root_node(), Collection.get_first_root_node()
    moderators = Group.objects.create(name="Moderators")
    editors = Group.objects.create(name="Editors")
    for group in (moderators, editors):
        for action in ("add", "change", "publish"):
            GroupPagePermission.objects.create(
                group=group, page=root_page, permission=page_permission(action)
            )
        GroupCollectionPermission.objects.create(
            group=group, collection=root_collection, permission=page_permission("add", "image")
        )
    task = GroupApprovalTask.objects.create(name="Moderators approval")
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name="Moderators approval")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    user = get_user_model().objects.create_user("nekdo", password="x")
    user.groups.add(editors, moderators)
    assert Page.objects.get(slug="primskovo").permissions_for_user(user).can_publish()

    migration.remove_wagtail_example_groups(apps, None)

    assert groups_granting_anything() == portal_groups()
    user = get_user_model().objects.get(pk=user.pk)
    assert not user.groups.exists()
    assert not Page.objects.get(slug="primskovo").permissions_for_user(user).can_edit()
    workflow.refresh_from_db()
    task.refresh_from_db()
    assert not workflow.active and not task.active


def page_permission(action, model="page"):
    from django.contrib.auth.models import Permission

    app = "wagtailcore" if model == "page" else f"wagtail{model}s"
    return Permission.objects.get(content_type__app_label=app, codename=f"{action}_{model}")
