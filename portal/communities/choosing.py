"""What an editor may choose: the objects a page or snippet of theirs may refer to.

A KS editor's page or snippet may refer to (pick in a field, put in a block, embed or link
in rich text) only what a rule for the referred model allows: pages of their own KS or
published ones, images and documents of the collections they may choose from, rows of
their own KS or of the whole municipality, and so on. One rule per model, looked up from
the most specific class up (`SpacePage` has its own; any other page falls back to `Page`'s);
a model without a rule is not bounded (themes, audiences). Municipal editors may choose
anything. `portal.communities.forms.ChoiceBoundaryMixin` applies the rules to every admin
form, and `portal.communities.page_chooser` to the page chooser.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.utils.registry import ObjectTypeRegistry

from portal.communities.access import (
    communities_for,
    in_own_sections,
    manages_all_communities,
    outside_every_section,
)
from portal.communities.models import CommunityPage


@dataclass(frozen=True)
class ChoiceRule:
    # (user, model) -> the rows of `model` a KS editor may choose
    choosable: object
    # What the editor is told when a choice outside them is refused.
    refusal: str


_rules = ObjectTypeRegistry()


def register_choice_rule(model, choosable, refusal):
    """`choosable(user, model)` gives the rows of `model` (or of a subclass) that a KS
    editor may refer to; `refusal` says why another one is refused and what to do."""
    _rules.register(model, ChoiceRule(choosable, refusal))


def rule_for(model):
    return _rules.get_by_type(model)


def choosable(user, model):
    """The rows of `model` that `user` may refer to, or None when any row will do."""
    rule = rule_for(model)
    if rule is None or manages_all_communities(user):
        return None
    return rule.choosable(user, model)


MISSING = _(
    "This link or embed points to something that does not exist (any more). Choose it "
    "again with the editor's button."
)


def refused(user, references, kept=()):
    """Of `references` [(model, pk)], those `user` may not refer to, as a dict
    {(model, pk as text): why}. What the object already refers to (`kept`) stays allowed, so
    editing a page never fails on a choice a municipal editor made. A reference to nothing
    (a key no database holds, or not a key at all: a forged request) is refused for every
    editor, municipal ones too: saved, it would break the page that shows it."""
    kept = {(model, str(pk)) for model, pk in kept}
    asked = defaultdict(set)
    for model, pk in references:
        if (model, str(pk)) not in kept:
            asked[model].add(str(pk))
    found = {}
    for model, pks in asked.items():
        valid = {pk for pk in pks if is_valid_pk(model, pk)}
        existing = {
            str(pk)
            for pk in model._default_manager.filter(pk__in=valid).values_list("pk", flat=True)
        }
        found |= {(model, pk): MISSING for pk in pks - existing}
        allowed = choosable(user, model)
        if allowed is None:
            continue
        allowed_pks = {
            str(pk) for pk in allowed.filter(pk__in=existing).values_list("pk", flat=True)
        }
        found |= {(model, pk): refusal_for(model) for pk in existing - allowed_pks}
    return found


def is_valid_pk(model, pk):
    """A forged reference (`id="x"`, or a number no database holds) is refused, never a
    server error."""
    field = model._meta.pk
    while field.is_relation:  # a page type's key is its page's
        field = field.target_field
    try:
        field.clean(pk, None)
    except ValidationError:
        return False
    return True


def refusal_for(model):
    return rule_for(model).refusal


# --- The rules of the KS boundary itself -------------------------------------------------


def visible_pages(user, model):
    """Pages of the editor's own KS, and published public pages anywhere: what a link may
    point to (never another KS's draft or private page)."""
    public = Page.objects.live().public().values("pk")
    return model._default_manager.filter(in_own_sections(user) | Q(pk__in=public))


def pages_held_by_own_community(user, model, open_to_all=None):
    """Pages that stand for something a KS holds (a space): the editor's own KS's, and
    published ones of the municipality outside every KS section or that the municipality
    opened to all (the boolean field `open_to_all`)."""
    shared = outside_every_section()
    if open_to_all:
        shared |= Q(**{open_to_all: True})
    return model._default_manager.filter(in_own_sections(user) | (Q(live=True) & shared))


def own_communities(user, model):
    return communities_for(user)


def choosable_in_collections(user, model):
    """Images and documents of the collections the editor may choose from (their KS's,
    and any other the municipality gives their group the "choose" permission on)."""
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, ["choose"])


def rows_of_own_community(user, model):
    """Rows of the editor's own KS and of the whole municipality."""
    return policy_registry.get_by_type(model).instances_user_can_choose(user)


def register_boundary_rules():
    register_choice_rule(
        Page,
        visible_pages,
        _(
            "This links to a page you may not choose: a draft or a private page of another "
            "local community. Link to a published page or to a page of your own KS."
        ),
    )
    register_choice_rule(
        CommunityPage,
        own_communities,
        _("You may choose only the local community you edit."),
    )
    register_choice_rule(
        get_image_model(),
        choosable_in_collections,
        _(
            "This image is in a collection you may not use (another local community's). "
            "Choose an image from your own collection, or upload it there."
        ),
    )
    register_choice_rule(
        get_document_model(),
        choosable_in_collections,
        _(
            "This document is in a collection you may not use (another local community's). "
            "Choose a document from your own collection, or upload it there."
        ),
    )
