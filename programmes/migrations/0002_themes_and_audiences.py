from django.db import migrations

THEMES = ["spatial_planning", "food", "circular_economy", "energy"]
AUDIENCES = ["children", "youth", "adults", "seniors", "intergenerational"]


def seed(apps, schema_editor):
    """The four themes of "Dovolj za vse" and the five audiences, in display order."""
    for model_name, keys in (("Theme", THEMES), ("Audience", AUDIENCES)):
        model = apps.get_model("programmes", model_name)
        for key in keys:
            model.objects.get_or_create(key=key)


class Migration(migrations.Migration):
    dependencies = [("programmes", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
