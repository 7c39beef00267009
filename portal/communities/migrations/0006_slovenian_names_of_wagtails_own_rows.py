"""Wagtail's own migrations name things in English that editors see: the example workflow
and task "Moderators approval" (switched off by 0004) in the workflow reports' filters, the
root collection "Root" in every collection list, and the root page "Root" in the page
chooser. They get Slovenian names (issue 17)."""

from django.db import migrations

NAMES = [
    ("Workflow", "name", "Moderators approval", "Odobritev moderatorjev"),
    ("Task", "name", "Moderators approval", "Odobritev moderatorjev"),
    ("Collection", "name", "Root", "Skupna zbirka"),
    ("Page", "title", "Root", "Koren"),
]


def rename(forwards):
    def run(apps, schema_editor):
        for model, field, english, slovenian in NAMES:
            old, new = (english, slovenian) if forwards else (slovenian, english)
            manager = apps.get_model("wagtailcore", model).objects
            rows = manager.filter(**{field: old})
            if model in ("Collection", "Page"):
                rows = rows.filter(depth=1)
            changes = {field: new, "draft_title": new} if model == "Page" else {field: new}
            rows.update(**changes)

    return run


class Migration(migrations.Migration):
    dependencies = [("communities", "0005_communitypage_review_by")]

    operations = [migrations.RunPython(rename(True), rename(False))]
