"""Pages published before review dates existed: due `PAGE_REVIEW_MONTHS` after they were
last published (so a page last published long ago is due now)."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import migrations
from django.utils import timezone

MODELS = [
    ("base", "contentpage"),
    ("communities", "communitypage"),
    ("events", "eventcalendarpage"),
    ("events", "eventpage"),
    ("home", "homepage"),
    ("news", "newsindexpage"),
    ("news", "newspage"),
    ("spaces", "spacepage"),
]


def set_review_dates(apps, schema_editor):
    months = settings.PAGE_REVIEW_MONTHS
    for app_label, model_name in MODELS:
        every = months.get(f"{app_label}.{model_name}", months.get("default"))
        if not every:
            continue
        model = apps.get_model(app_label, model_name)
        pages = model.objects.filter(live=True, review_by__isnull=True).exclude(
            last_published_at__isnull=True
        )
        for pk, published in pages.values_list("pk", "last_published_at"):
            review_by = timezone.localdate(published) + relativedelta(months=every)
            model.objects.filter(pk=pk).update(review_by=review_by)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0001_initial"),
        ("base", "0004_contentpage_review_by"),
        ("communities", "0005_communitypage_review_by"),
        ("events", "0005_eventcalendarpage_review_by_eventpage_review_by"),
        ("home", "0003_homepage_review_by"),
        ("news", "0006_newsindexpage_review_by_newspage_review_by"),
        ("spaces", "0006_spacepage_review_by"),
    ]

    operations = [migrations.RunPython(set_review_dates, migrations.RunPython.noop)]
