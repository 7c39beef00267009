"""The content version moves into the database (decision 0018), starting from a new one."""

import uuid

from django.db import migrations, models


def create_the_row(apps, schema_editor):
    ContentVersion = apps.get_model("base", "ContentVersion")
    ContentVersion.objects.get_or_create(pk=1, defaults={"value": uuid.uuid4().hex})


class Migration(migrations.Migration):
    dependencies = [("base", "0002_settings_for_the_default_site")]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("value", models.CharField(max_length=32)),
            ],
            options={"verbose_name": "content version"},
        ),
        migrations.RunPython(create_the_row, migrations.RunPython.noop),
    ]
