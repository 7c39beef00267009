"""The admin dashboard's warning about mail that did not go out: messages given up, and
messages waiting long past their time (no sender is running). Shown only to users who may
see the outbox, and only when there is something to say."""

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.permissions import policy_registry

from portal.base import clock
from portal.outbox.models import OutboxMessage

Status = OutboxMessage.Status
# A message still waiting this long after its time means no sender runs.
OVERDUE = datetime.timedelta(minutes=15)


class OutboxPanel(Component):
    name = "outbox"
    order = 50
    template_name = "outbox/admin/panel.html"

    def __init__(self, failed, overdue):
        self.failed = failed
        self.overdue = overdue

    @classmethod
    def for_user(cls, user):
        """The panel, or None when the user may not see the outbox or all is well."""
        if not policy_registry.get_by_type(OutboxMessage).user_has_permission(user, "view"):
            return None
        counts = OutboxMessage.objects.aggregate(
            failed=Count("pk", filter=Q(status=Status.FAILED)),
            overdue=Count(
                "pk",
                filter=Q(status=Status.QUEUED, next_attempt_at__lt=clock.now() - OVERDUE),
            ),
        )
        if not any(counts.values()):
            return None
        return cls(**counts)

    def get_context_data(self, parent_context):
        index = reverse("outbox:index")
        return {
            "failed": self.failed,
            "overdue": self.overdue,
            "failed_url": f"{index}?status={Status.FAILED}",
            "waiting_url": f"{index}?status={Status.QUEUED}",
        }
