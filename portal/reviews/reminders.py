"""The weekly mail to each editor whose pages are due for review: at most one per editor a
week (ISO week, Monday to Sunday), however often the command runs and on however many
hosts at once. The mail and the row that records it are written in one transaction, and
the row is unique per editor and week: a second run that gets there first wins, the other
sends nothing. Rows older than `REVIEW_REMINDER_KEEP_WEEKS` are removed (they name a user)."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from portal.base import clock
from portal.base.sites import absolute_url
from portal.communities.models import MANAGE_ALL_COMMUNITIES
from portal.reviews.models import ReviewReminder
from portal.reviews.panels import editors_pages_due


def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


def editors():
    """Active users with an e-mail address who edit a KS or every KS."""
    app_label, codename = MANAGE_ALL_COMMUNITIES.split(".")
    municipal = Q(groups__permissions__codename=codename) & Q(
        groups__permissions__content_type__app_label=app_label
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(Q(groups__community__isnull=False) | municipal | Q(is_superuser=True))
        .distinct()
        .order_by("pk")
    )


def send_reminders(today=None):
    """Queue this week's reminders; the number queued."""
    with translation.override(settings.LANGUAGE_CODE):
        return send_this_weeks(today or clock.today())


def send_this_weeks(today):
    week = monday_of(today)
    ReviewReminder.objects.filter(
        week__lt=week - datetime.timedelta(weeks=settings.REVIEW_REMINDER_KEEP_WEEKS)
    ).delete()
    sent = 0
    for user in editors():
        if ReviewReminder.objects.filter(user=user, week=week).exists():
            continue
        pages = editors_pages_due(user, on=today)
        if not pages:
            continue
        try:
            with transaction.atomic():
                ReviewReminder.objects.create(user=user, week=week, pages=len(pages))
                send_mail(*message(user, pages), None, [user.email])
        except IntegrityError:
            continue  # another run reminded this editor this week
        sent += 1
    return sent


def message(user, pages):
    context = {
        "user": user,
        "pages": [
            (page, absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk])))
            for page in pages
        ],
        "report_url": absolute_url(reverse("pages_due_for_review")),
    }
    subject = ngettext(
        "%(count)s page is due for review",
        "%(count)s pages are due for review",
        len(pages),
    ) % {"count": len(pages)}
    return subject, render_to_string("reviews/email/reminder.txt", context)
