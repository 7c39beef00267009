"""Each news item's rich text body becomes one paragraph block of its new body of blocks.

Revisions (drafts, scheduled versions, history) are converted too, so that publishing or
reverting to one of them after the upgrade keeps its text. Going back joins the paragraph
blocks into one rich text; images, quotes, documents and videos are left out.
"""

import uuid

from django.db import migrations


def paragraph(html):
    return [{"type": "paragraph", "value": html, "id": str(uuid.uuid4())}] if html else []


def paragraphs_text(stream):
    return "".join(block["value"] for block in stream or [] if block.get("type") == "paragraph")


def news_revisions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="news", model="newspage").first()
    if content_type is None:
        return Revision.objects.none()
    return Revision.objects.filter(content_type=content_type)


def to_blocks(apps, schema_editor):
    NewsPage = apps.get_model("news", "NewsPage")
    for page in NewsPage.objects.only("body"):
        page.body_stream = paragraph(page.body)
        page.save(update_fields=["body_stream"])
    for revision in news_revisions(apps).iterator():
        body = revision.content.get("body")
        if isinstance(body, str):
            revision.content["body"] = paragraph(body)
            revision.save(update_fields=["content"])


def to_rich_text(apps, schema_editor):
    NewsPage = apps.get_model("news", "NewsPage")
    for page in NewsPage.objects.only("body_stream"):
        page.body = paragraphs_text(page.body_stream.raw_data)
        page.save(update_fields=["body"])
    for revision in news_revisions(apps).iterator():
        body = revision.content.get("body")
        if isinstance(body, list):
            revision.content["body"] = paragraphs_text(body)
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_themes_tags_and_a_body_of_blocks"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(to_blocks, to_rich_text)]
