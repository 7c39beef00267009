"""Wagtail assigns its example "Moderators approval" workflow to the root page. On this
portal approval is decided per KS (see portal.communities.provisioning), so the example
assignment would make every KS editor's publish a moderation request."""

from django.db import migrations


def remove_default_root_workflow(apps, schema_editor):
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowPage.objects.filter(page__depth=1, workflow__name="Moderators approval").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0002_community_access"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(remove_default_root_workflow, migrations.RunPython.noop)]
