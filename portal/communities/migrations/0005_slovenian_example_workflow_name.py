"""Wagtail's own migrations create the example workflow and task "Moderators approval"
(switched off by 0004); editors see their names in the workflow reports' filters, so the
names are Slovenian (issue 17)."""

from django.db import migrations

ENGLISH, SLOVENIAN = "Moderators approval", "Odobritev moderatorjev"


def rename(old, new):
    def run(apps, schema_editor):
        for model in ("Workflow", "Task"):
            apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)

    return run


class Migration(migrations.Migration):
    dependencies = [("communities", "0004_remove_wagtail_example_groups")]

    operations = [migrations.RunPython(rename(ENGLISH, SLOVENIAN), rename(SLOVENIAN, ENGLISH))]
