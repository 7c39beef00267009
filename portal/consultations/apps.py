from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "portal.consultations"
    label = "consultations"
    verbose_name = _("Consultations")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.permissions import register_permission_policy

        from portal.base import retention as retention_policies
        from portal.base.caching import bump_content_version
        from portal.consultations import retention
        from portal.consultations.models import Offer, Response
        from portal.consultations.permissions import (
            OfferPermissionPolicy,
            ResponsePermissionPolicy,
        )

        # Replaces the KS policy that `portal.communities` registered for every KS-owned
        # model: responses come from the public form, never from the admin's add view.
        register_permission_policy(Response, ResponsePermissionPolicy(Response), exact_class=True)
        register_permission_policy(Offer, OfferPermissionPolicy(Offer))
        # An answer is not public content: it must not renew the content version (and with
        # it every kept page) each time a resident answers.
        for signal in (post_save, post_delete):
            signal.disconnect(bump_content_version, sender=Response)
        # Residents' personal data goes CONSULTATION_RETENTION_MONTHS after a consultation
        # closes, the prize draw's addresses CONSULTATION_DRAW_ENTRY_RETENTION_DAYS after.
        retention_policies.register(retention.policy)
        retention_policies.register(retention.draw_entries)
