from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "portal.outbox"
    label = "outbox"
    verbose_name = _("Outgoing mail")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from portal.outbox.models import OutboxMessage
        from portal.outbox.permissions import OutboxPermissionPolicy

        # Before anything asks Wagtail for the model's policy.
        register_permission_policy(OutboxMessage, OutboxPermissionPolicy(OutboxMessage))
