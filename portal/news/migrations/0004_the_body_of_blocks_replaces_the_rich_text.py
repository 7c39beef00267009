import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):
    """The old rich text body goes; the body of blocks takes its name. The first step
    gives the old column a default, so that going back can add it again to existing rows
    (0003 then fills it in)."""

    dependencies = [("news", "0003_news_body_into_a_paragraph_block")]

    operations = [
        migrations.AlterField(
            model_name="newspage",
            name="body",
            field=wagtail.fields.RichTextField(blank=True, default="", verbose_name="body"),
        ),
        migrations.RemoveField(model_name="newspage", name="body"),
        migrations.RenameField(model_name="newspage", old_name="body_stream", new_name="body"),
    ]
