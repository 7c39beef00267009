import django.core.serializers.json
from django.db import migrations, models

# The live registry: plugins are registered when the apps are ready, before migrating.
from programmes import registry


def keep_type_labels(apps, schema_editor):
    """Each programme keeps its type's label, so the admin can name the type once its
    plugin is uninstalled. Types whose plugin is already gone keep their key."""
    Programme = apps.get_model("programmes", "Programme")
    types = Programme.objects.values_list("programme_type", flat=True).distinct()
    for key in list(types):
        plugin = registry.get_registered(key)
        if plugin is not None:
            Programme.objects.filter(programme_type=key).update(
                programme_type_label=plugin.stored_label()[:200]
            )


class Migration(migrations.Migration):

    dependencies = [
        ('programmes', '0002_themes_and_audiences'),
    ]

    operations = [
        migrations.AddField(
            model_name='programme',
            name='programme_type_label',
            field=models.CharField(blank=True, editable=False, max_length=200, verbose_name='programme type label'),
        ),
        # Only how Django encodes the JSON changes: the column and its data stay as they are.
        migrations.AlterField(
            model_name='programme',
            name='details',
            field=models.JSONField(blank=True, default=dict, encoder=django.core.serializers.json.DjangoJSONEncoder, verbose_name='details'),
        ),
        migrations.RunPython(keep_type_labels, migrations.RunPython.noop),
    ]
