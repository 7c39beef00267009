"""The admin forms of pages and snippets, kept to what the editor may choose.

`ChoiceBoundaryMixin` is in the base form of every page (`BoundedPageForm`, set as
`BasePage.base_form_class` when the app is ready) and of every snippet of a KS
(`CommunityOwnedForm`), so a new page type or snippet is bounded without anyone
remembering to; `tests/test_community_boundary.py` fails for a form that is not.
"""

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.blocks import BlockField, ListBlock, StreamBlock, StructBlock, StructValue
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.fields import RichTextField
from wagtail.rich_text import extract_references_from_rich_text

from portal.base import names
from portal.base.richtext_checks import check_rich_text_fields
from portal.communities.access import manages_all_communities
from portal.communities.choosing import choosable, refusal_for, refused


class ChoiceBoundaryMixin:
    """Every reference the form can make, to what the editor may choose
    (`portal.communities.choosing`):

    - fields that pick a row (a space, a programme, a stakeholder, an image, ...), in the
      form and in its inline rows, offer and accept only those; a forged value is refused
      on the field with the rule's reason;
    - StreamField and other block fields (at any depth, plugin blocks included) and rich
      text may not embed or link anything else: the reason is shown on the block or field.

    What the object already refers to stays allowed. Draft saves, publishing, submitting
    for moderation and previews all validate this form, so none of them lets a reference
    through.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form in (self, *self.inline_forms()):
            check_rich_text_fields(form)
        if self.for_user is None:
            return
        for form in (self, *self.inline_forms()):
            bound_row_choices(form, self.for_user)

    def inline_forms(self):
        return [form for formset in self.formsets.values() for form in formset.forms]

    def clean(self):
        cleaned_data = super().clean()
        if self.for_user is not None:
            refuse_foreign_content(self, self.for_user)
            for form in self.inline_forms():
                if form.is_valid() and not form.cleaned_data.get("DELETE"):
                    refuse_foreign_content(form, self.for_user)
        return cleaned_data


class BoundedPageForm(ChoiceBoundaryMixin, WagtailAdminPageForm):
    pass


class BoundedModelForm(ChoiceBoundaryMixin, WagtailAdminModelForm):
    pass


class CommunityOwnedForm(BoundedModelForm):
    """Offers only the editor's own KS; a KS editor cannot create municipality-wide rows."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("community")
        if field is None or self.for_user is None:
            return
        field.queryset = field.queryset.order_by("title")
        if not manages_all_communities(self.for_user):
            field.required = True
            field.empty_label = None
            field.help_text = _("Your local community.")
        # A plain list of the editor's KS, not a chooser of the whole page tree.
        field.widget = forms.Select(choices=field.choices)


class CommunityPageForm(BoundedPageForm):
    """A KS page's form. The model refuses a title that passes for another KS's; a slug
    with a character nobody sees is refused here, naming it, since a slug that its field
    refuses never reaches the model."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].validators.append(names.validate_visible)


# --- Fields that pick rows ----------------------------------------------------------------


def bound_row_choices(form, user):
    """Narrow each model choice field of `form` to the rows `user` may choose, plus those
    the object already has; a refused value is answered with the rule's reason."""
    for name, field in form.fields.items():
        queryset = getattr(field, "queryset", None)
        if queryset is None:
            continue
        allowed = choosable(user, queryset.model)
        if allowed is None:
            continue
        kept = [getattr(value, "pk", value) for value in as_list(form, field, name)]
        field.queryset = queryset.filter(pk__in=allowed.values("pk")) | queryset.filter(
            pk__in=[pk for pk in kept if pk is not None]
        )
        field.error_messages = {
            **field.error_messages,
            "invalid_choice": refusal_for(queryset.model),
            "invalid_pk_value": refusal_for(queryset.model),
        }


def as_list(form, field, name):
    """The field's saved value as a list: one row, several (a list or a queryset of
    many-to-many rows), or none."""
    initial = form.get_initial_for_field(field, name)
    if initial is None or initial == "":
        return []
    if isinstance(field, forms.ModelMultipleChoiceField):
        return list(initial)
    return [initial]


# --- Blocks and rich text -----------------------------------------------------------------


def refuse_foreign_content(form, user):
    """Add an error to each block field or rich text field of `form` that embeds or links
    something `user` may not choose."""
    for name, field in form.fields.items():
        references_of = content_references(form, name, field)
        if references_of is None or name not in form.cleaned_data:
            continue
        references = references_of(form.cleaned_data[name])
        if not references:
            continue
        kept = references_of(form.get_initial_for_field(field, name))
        refusals = refused(
            user,
            [(model, pk) for model, pk, _path in references],
            [(model, pk) for model, pk, _path in kept],
        )
        paths = [
            (path.split(".") if path else [], refusals[model, str(pk)])
            for model, pk, path in references
            if (model, str(pk)) in refusals
        ]
        if not paths:
            continue
        if isinstance(field, BlockField):
            value = native_value(field.block, form.cleaned_data[name])
            form.add_error(name, block_error(field.block, value, paths))
        else:
            form.add_error(name, unique_messages(message for _path, message in paths))


def content_references(form, name, field):
    """How to read the references out of a value of this field, as (model, pk, content
    path) tuples, or None for a field that can hold none."""
    if isinstance(field, BlockField):
        block = field.block

        def from_blocks(value):
            value = native_value(block, value)
            if value is None:
                return []
            # Gives each new block its id, as saving does, so a refusal can point at it.
            block.get_prep_value(value)
            return [(model, pk, path) for model, pk, _at, path in block.extract_references(value)]

        return from_blocks
    try:
        model_field = form._meta.model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if isinstance(model_field, RichTextField):

        def from_rich_text(value):
            found = extract_references_from_rich_text(force_str(value or ""))
            return [(model, pk, path) for model, pk, _at, path in found]

        return from_rich_text
    return None


def native_value(block, value):
    """A block field's value as blocks hold it: a form's cleaned value may be stored as
    JSON already (a programme type's details)."""
    if isinstance(value, dict | list) and not isinstance(value, StructValue):
        return block.to_python(value)
    return value


def block_error(block, value, paths):
    """The error for `block`, placed on the children that `paths` [(content path
    elements, message)] lead to, at any depth, where Wagtail's block editor shows it."""
    here = [message for path, message in paths if not path]
    deeper = {}
    for path, message in paths:
        if path:
            deeper.setdefault(path[0], []).append((path[1:], message))
    error_class, children = CONTAINERS.get(type_of(block), (None, None))
    if error_class is None:
        return ValidationError(unique_messages(message for _path, message in paths))
    by_key = children(block, value) if deeper else {}
    block_errors = {}
    for key, items in deeper.items():
        if key in by_key:
            position, child_block, child_value = by_key[key]
            block_errors[position] = block_error(child_block, child_value, items)
        else:  # a path Wagtail gave that the value no longer has: say it on this block
            here.extend(message for _path, message in items)
    return error_class(block_errors=block_errors, non_block_errors=unique_messages(here))


def type_of(block):
    for container in CONTAINERS:
        if isinstance(block, container):
            return container
    return None


# Block containers: their error class, and their children by the key of a content path
# (a child's id in streams and lists, its name in structs) -> (position, block, value).
CONTAINERS = {
    StreamBlock: (
        StreamBlockValidationError,
        lambda block, value: {
            child.id: (index, child.block, child.value) for index, child in enumerate(value)
        },
    ),
    StructBlock: (
        StructBlockValidationError,
        lambda block, value: {
            name: (name, child, value.get(name)) for name, child in block.child_blocks.items()
        },
    ),
    ListBlock: (
        ListBlockValidationError,
        lambda block, value: {
            child.id: (index, block.child_block, child.value)
            for index, child in enumerate(value.bound_blocks)
        },
    ),
}


def unique_messages(messages):
    return list(dict.fromkeys(str(message) for message in messages))
