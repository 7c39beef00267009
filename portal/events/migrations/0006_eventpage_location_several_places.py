from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_eventcalendarpage_review_by_eventpage_review_by"),
    ]

    operations = [
        migrations.AlterField(
            model_name="eventpage",
            name="location",
            field=models.CharField(
                blank=True,
                help_text=(
                    "Place and address, if not in a community space. Several places: "
                    "separate them with semicolons."
                ),
                max_length=200,
                verbose_name="other location",
            ),
        ),
    ]
