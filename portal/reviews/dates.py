"""Review dates: by when a page should be read again (`BasePage.review_by`).

Publishing is a review: it sets the date `PAGE_REVIEW_MONTHS` months ahead for page types
that are reviewed, when the page has none or it has passed; a date the editor set in the
future is kept. Events and news are dated by nature and are not reviewed by default.
"""

from dateutil.relativedelta import relativedelta
from django.apps import apps
from django.conf import settings

from portal.base import clock
from portal.base.models import BasePage
from portal.communities.access import (
    community_ids_for,
    in_own_sections,
    manages_all_communities,
)


def review_months(model):
    """Months from publishing to review for pages of `model` (None: not reviewed)."""
    months = settings.PAGE_REVIEW_MONTHS
    return months.get(model._meta.label_lower, months.get("default"))


def set_review_date_on_publish(sender, instance, revision=None, **kwargs):
    months = review_months(type(instance))
    today = clock.today()
    if not months or not isinstance(instance, BasePage):
        return
    if instance.review_by and instance.review_by > today:
        return
    instance.review_by = today + relativedelta(months=months)
    type(instance).objects.filter(pk=instance.pk).update(review_by=instance.review_by)
    # The next edit starts from the latest revision: it shows (and keeps) the date too.
    latest = instance.latest_revision
    if latest is not None:
        latest.content["review_by"] = instance.review_by.isoformat()
        latest.save(update_fields=["content"])


def reviewed_page_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, BasePage) and not model._meta.abstract
    ]


def may_review(user):
    """KS representatives (their own KS's pages) and municipal editors (every page)."""
    return manages_all_communities(user) or bool(community_ids_for(user))


def pages_due(user=None, on=None, scope=None):
    """Live pages whose review date is `on` (today) or before, in review-date order, each
    knowing its `review_by`: in the KS sections `user` edits (a municipal editor's: all),
    or matching `scope` (a Q on pages) when given."""
    Page = apps.get_model("wagtailcore", "Page")
    on = on or clock.today()
    due = {}
    for model in reviewed_page_models():
        due.update(
            model.objects.filter(live=True, review_by__lte=on).values_list("pk", "review_by")
        )
    pages = Page.objects.filter(pk__in=due)
    if scope is not None:
        pages = pages.filter(scope)
    elif user is not None and not manages_all_communities(user):
        pages = pages.filter(in_own_sections(user))
    pages = list(pages.specific().select_related("locale"))
    for page in pages:
        page.review_by = due[page.pk]
    return sorted(pages, key=lambda page: (page.review_by, page.title))
