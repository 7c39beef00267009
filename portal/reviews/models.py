"""Which editor was reminded of their pages due for review in which week: one mail a week
each, however often and on however many hosts `send_review_reminders` runs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewReminder(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("editor"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    week = models.DateField(_("week (its Monday)"))
    pages = models.PositiveIntegerField(_("pages listed"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")
        constraints = [
            models.UniqueConstraint(fields=["user", "week"], name="one_review_reminder_a_week")
        ]

    def __str__(self):
        return f"{self.user} {self.week}"
