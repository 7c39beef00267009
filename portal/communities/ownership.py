"""Models that belong to a KS: one abstract base, one policy, one viewset for them all.

A concrete subclass of `CommunityOwnedModel` gets the KS boundary everywhere in the
admin by being registered with `CommunityOwnedViewSet` (see `viewsets.py`); its
permission policy is registered when the app registry is ready (see `apps.py`), and
provisioning grants each KS group the model permissions the model lists in
`community_editor_actions`. A model of a reusable app that has a `community` foreign key
but cannot subclass `CommunityOwnedModel` (a programme) is declared KS-owned with
`declare_community_owned` instead, and then gets all of the same.
"""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.permissions import register_permission_policy

from portal.base.caching import affects_public_pages
from portal.communities.choosing import register_choice_rule, rows_of_own_community
from portal.communities.forms import CommunityOwnedForm
from portal.communities.permissions import CommunityOwnedPermissionPolicy


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
    # What a KS editor is told when a page or snippet of theirs may not refer to a row.
    refused_choice = _(
        "This belongs to another local community. Choose one of your own KS or of the "
        "whole municipality."
    )

    # Saving a row changes what the public pages show (so it renews the content version
    # every kept page depends on). A model whose rows change often and show only through
    # short-lived, uncached parts (sign-ups) says False.
    shown_on_public_pages = True

    base_form_class = CommunityOwnedForm

    class Meta:
        abstract = True


# Models declared KS-owned without subclassing CommunityOwnedModel: model -> editor actions.
_declared = {}


def declare_community_owned(
    model,
    editor_actions=CommunityOwnedModel.community_editor_actions,
    refused_choice=CommunityOwnedModel.refused_choice,
):
    """Make `model` (which has a `community` foreign key) KS-owned, giving a KS's editors
    `editor_actions` on their own KS's rows; `refused_choice` is what a KS editor is told
    when they refer to another KS's row. Call it from an `AppConfig.ready()`, before
    anything asks Wagtail for the model's permission policy."""
    _declared[model] = tuple(editor_actions)
    register_community_owned(model, refused_choice)


def community_owned_models():
    subclasses = [
        model
        for model in apps.get_models()
        if issubclass(model, CommunityOwnedModel) and not model._meta.proxy
    ]
    return [*subclasses, *(model for model in _declared if model not in subclasses)]


def community_editor_actions(model):
    """The model permissions a KS's editors get on their own KS's rows of `model`."""
    return _declared.get(model) or model.community_editor_actions


def register_community_owned_models():
    for model in community_owned_models():
        register_community_owned(model, model.refused_choice)


def register_community_owned(model, refused_choice):
    """A KS-owned model gets the KS permission policy, a KS editor may refer only to its
    rows of their own KS and of the municipality, and its changes refresh the cached
    public pages that list it."""
    register_permission_policy(model, CommunityOwnedPermissionPolicy(model))
    register_choice_rule(model, rows_of_own_community, refused_choice)
    if getattr(model, "shown_on_public_pages", True):
        affects_public_pages(model)
