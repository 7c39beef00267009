from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_eventpage_location_several_places"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventpage",
            name="contact_name",
            field=models.CharField(
                blank=True,
                help_text=(
                    "Whom to ask about the event or register with. Left empty, the page shows "
                    "the contact of the programme or of the organiser."
                ),
                max_length=200,
                verbose_name="contact person",
            ),
        ),
        migrations.AddField(
            model_name="eventpage",
            name="contact_email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="contact e-mail"),
        ),
        migrations.AddField(
            model_name="eventpage",
            name="contact_phone",
            field=models.CharField(blank=True, max_length=50, verbose_name="contact phone"),
        ),
    ]
