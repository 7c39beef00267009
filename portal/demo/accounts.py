"""Demo users, and the groups they join to get their editing rights.

Every demo user has the password `demo12345`. A user that already exists keeps its
password and details; only missing users and memberships are created. The groups and
their rights are the ones provisioning gives every KS and the municipal editors
(`portal.communities.provisioning`).
"""

from django.contrib.auth import get_user_model

from portal.communities.provisioning import add_community_editor, ensure_municipal_editors

PASSWORD = "demo12345"


def create_demo_accounts(communities, progress):
    """The superuser, the municipal editor and one representative per KS."""
    ensure_user(progress, "admin", "Skrbnik", "portala", superuser=True)
    obcina = ensure_user(progress, "obcina", "Urednica", "Mestne občine Kranj", staff=True)
    municipal_editors = ensure_municipal_editors()
    if not is_member(progress, obcina, municipal_editors):
        obcina.groups.add(municipal_editors)
    for community in communities:
        user = ensure_user(progress, f"ks-{community.slug}", "Urednik", community.title)
        if not is_member(progress, user, community.editors_group):
            add_community_editor(community, user)


def ensure_user(progress, username, first_name, last_name, superuser=False, staff=False):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is not None:
        progress.found("user", username)
        return user
    fields = {"email": f"{username}@example.org", "first_name": first_name, "last_name": last_name}
    if superuser:
        user = User.objects.create_superuser(username, password=PASSWORD, **fields)
    else:
        user = User.objects.create_user(username, password=PASSWORD, is_staff=staff, **fields)
    progress.add("user", f"{username}  (password {PASSWORD})")
    return user


def is_member(progress, user, group):
    """Whether `user` is in `group`; reported as there, or as a membership to add."""
    member = user.groups.filter(pk=group.pk).exists()
    (progress.found if member else progress.add)("membership", f"{user.username} in {group.name}")
    return member
