"""Models that belong to a KS: one abstract base, one policy, one viewset for them all.

A concrete subclass of `CommunityOwnedModel` gets the KS boundary everywhere in the
admin by being registered with `CommunityOwnedViewSet` (see `viewsets.py`); its
permission policy is registered when the app registry is ready (see `apps.py`), and
provisioning grants each KS group the model permissions the model lists in
`community_editor_actions`.
"""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.communities.forms import CommunityOwnedForm


class CommunityOwnedModel(models.Model):
    community = models.ForeignKey(
        "communities.CommunityPage",
        verbose_name=_("local community"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Leave empty for the whole municipality."),
    )

    # The model permissions a KS's editors get on their own KS's rows.
    community_editor_actions = ("add", "change", "delete")

    base_form_class = CommunityOwnedForm

    class Meta:
        abstract = True


def community_owned_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, CommunityOwnedModel) and not model._meta.proxy
    ]


def register_community_owned_models():
    """Each KS-owned model gets the KS permission policy, and its changes refresh the
    cached public pages that list it."""
    from wagtail.permissions import register_permission_policy

    from portal.base.pagecache import affects_public_pages
    from portal.communities.permissions import CommunityOwnedPermissionPolicy

    for model in community_owned_models():
        register_permission_policy(model, CommunityOwnedPermissionPolicy(model))
        affects_public_pages(model)
