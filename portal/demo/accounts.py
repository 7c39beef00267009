"""Demo users and the groups that give them their editing rights.

Every demo user has the password `demo12345`. A user that already exists keeps its
password and details; only missing users, groups, collections and grants are created.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

PASSWORD = "demo12345"
MUNICIPAL_EDITORS = "Občinski uredniki"

MUNICIPAL_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "bulk_delete_page",
)
COMMUNITY_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
MUNICIPAL_MEDIA_ACTIONS = ("add", "change", "delete", "choose")
COMMUNITY_MEDIA_ACTIONS = ("add", "change", "choose")


def create_demo_accounts(home, communities, progress):
    """The superuser, the municipal editor and one representative per KS."""
    ensure_user(progress, "admin", "Skrbnik", "portala", superuser=True)
    municipal_editors = grant_municipal_editors(home, progress)
    ensure_user(
        progress,
        "obcina",
        "Urednica",
        "Mestne občine Kranj",
        staff=True,
        groups=[municipal_editors],
    )
    for community in communities:
        editors = grant_community_editors(community, progress)
        ensure_user(progress, f"ks-{community.slug}", "Urednik", community.title, groups=[editors])


def grant_municipal_editors(home, progress):
    """Municipal editors edit and publish the whole portal and all images and documents."""
    group = ensure_group(MUNICIPAL_EDITORS, progress)
    grants = [
        *grant_admin_access(group),
        *grant_page_permissions(group, home, MUNICIPAL_PAGE_PERMISSIONS),
        *grant_media_permissions(group, Collection.get_first_root_node(), MUNICIPAL_MEDIA_ACTIONS),
    ]
    report_grants(progress, group, grants)
    return group


def grant_community_editors(community, progress):
    """A KS's editors edit only their KS section and their own media collection.

    Kept in one function so that provisioning a new KS can take it over whole.
    """
    group = ensure_group(f"{community.title} – uredniki", progress)
    collection = ensure_collection(community.title, progress)
    grants = [
        *grant_admin_access(group),
        *grant_page_permissions(group, community, COMMUNITY_PAGE_PERMISSIONS),
        *grant_media_permissions(group, collection, COMMUNITY_MEDIA_ACTIONS),
    ]
    report_grants(progress, group, grants)
    return group


def ensure_user(progress, username, first_name, last_name, superuser=False, staff=False, groups=()):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        fields = {
            "email": f"{username}@example.org",
            "first_name": first_name,
            "last_name": last_name,
        }
        if superuser:
            user = User.objects.create_superuser(username, password=PASSWORD, **fields)
        else:
            user = User.objects.create_user(username, password=PASSWORD, is_staff=staff, **fields)
        progress.add("user", f"{username}  (password {PASSWORD})")
    else:
        progress.found("user", username)
    for group in groups:
        if not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
            progress.add("membership", f"{username} in {group.name}")
    return user


def ensure_group(name, progress):
    group, created = Group.objects.get_or_create(name=name)
    (progress.add if created else progress.found)("group", name)
    return group


def ensure_collection(name, progress):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
        progress.add("collection", name)
    else:
        progress.found("collection", name)
    return collection


# Each grant_* function returns one flag per permission: True where it was missing.


def grant_admin_access(group):
    permission = permission_objects("wagtailadmin", ["access_admin"])[0]
    if group.permissions.filter(pk=permission.pk).exists():
        return [False]
    group.permissions.add(permission)
    return [True]


def grant_page_permissions(group, page, codenames):
    """Grant the page permissions on `page` and everything below it."""
    return [
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)[1]
        for permission in permission_objects("wagtailcore", codenames)
    ]


def grant_media_permissions(group, collection, actions):
    """Grant e.g. add/change/choose on the images and the documents of `collection`."""
    permissions = [
        *permission_objects("wagtailimages", [f"{action}_image" for action in actions]),
        *permission_objects("wagtaildocs", [f"{action}_document" for action in actions]),
    ]
    return [
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )[1]
        for permission in permissions
    ]


def permission_objects(app_label, codenames):
    permissions = list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )
    if len(permissions) != len(codenames):
        missing = set(codenames) - {permission.codename for permission in permissions}
        raise LookupError(f"No permission {', '.join(sorted(missing))} in {app_label}.")
    return permissions


def report_grants(progress, group, grants):
    granted, kept = grants.count(True), grants.count(False)
    if granted:
        progress.add("permission", f"{granted} permissions for {group.name}", count=granted)
    if kept:
        progress.found("permission", f"{kept} permissions of {group.name}", count=kept)
