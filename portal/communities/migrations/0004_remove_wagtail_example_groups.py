"""Wagtail's migrations create two example groups, "Editors" and "Moderators", with rights
on the whole page tree (from the root page) and on every collection, and an example
workflow, "Moderators approval", whose one task belongs to "Moderators". On this portal
only the municipal editors' group and each KS's editors group grant anything
(`portal.communities.provisioning`): anyone put in an example group would edit every KS.

The groups are deleted, and with them their page and collection permissions, their model
permissions and their members' memberships. Nothing of the portal uses them, and the
Wagtail migrations that name them have run before this one (see the dependencies); later
ones could only look them up by name and find nothing. The example workflow, assigned
nowhere since 0003, and its task are switched off, since a task without a group waits for
a superuser: the municipal approval workflow is the portal's own (decision 0021).
"""

from django.db import migrations

EXAMPLE_GROUPS = ["Editors", "Moderators"]
EXAMPLE_WORKFLOW = "Moderators approval"


def remove_wagtail_example_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")

    Group.objects.filter(name__in=EXAMPLE_GROUPS).delete()
    unused = (
        Workflow.objects.filter(name=EXAMPLE_WORKFLOW)
        .exclude(pk__in=WorkflowPage.objects.values("workflow"))
        .exclude(pk__in=WorkflowContentType.objects.values("workflow"))
        .exclude(pk__in=WorkflowState.objects.filter(status="in_progress").values("workflow"))
    )
    Task.objects.filter(name=EXAMPLE_WORKFLOW, workflow_tasks__workflow__in=unused).update(
        active=False
    )
    unused.update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0003_no_default_workflow_on_root"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunPython(remove_wagtail_example_groups, migrations.RunPython.noop),
    ]
