"""Programmes in Wagtail's API: the type and the type's own fields (`details`).

`Programme.api_fields` names these serializer fields; a plugin's `api_fields` chooses
which of its fields `details` carries. Each field says its own OpenAPI schema
(`openapi_schema`), the plugin's is made from its blocks (`details_schema`), so a new
type is described without a line here.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.fields import Field
from wagtail import blocks

from programmes import registry


def attach_details(programmes):
    """Each programme with `api_details`: its type's fields as the API shows them, read
    in bulk (a document or image chooser costs one query a type, not one a programme)."""
    programmes = list(programmes)
    by_type = {}
    for programme in programmes:
        if programme.plugin is not None:
            by_type.setdefault(programme.programme_type, []).append(programme)
    for key, group in by_type.items():
        plugin = registry.get(key)
        values = plugin.block.bulk_to_python(
            [plugin.block.with_defaults(stored(p.details)) for p in group]
        )
        for programme, value in zip(group, values, strict=True):
            programme.api_details = plugin.api_representation(value)
    return programmes


CHOICE_SCHEMA = {
    "type": "object",
    "properties": {"key": {"type": "string"}, "label": {"type": "string"}},
    "required": ["key", "label"],
    "additionalProperties": False,
}


def choice_label(field, value):
    """The label of `value` among a model field's choices (the value itself if it is not
    one): what `get_FOO_display()` gives, without hashing every lazy label on each call."""
    return dict(field.flatchoices).get(value, value)


class ChoiceField(Field):
    """A field with choices, as its stable key and its (translated) label."""

    openapi_schema = CHOICE_SCHEMA

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, instance):
        value = getattr(instance, self.field_name)
        return {
            "key": value,
            "label": str(choice_label(instance._meta.get_field(self.field_name), value)),
        }


class TermsField(Field):
    """Themes or audiences (prefetched) as keys and labels."""

    openapi_schema = {"type": "array", "items": CHOICE_SCHEMA}

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return getattr(instance, self.field_name).all()

    def to_representation(self, terms):
        return [{"key": term.key, "label": str(term.label)} for term in terms]


class ProgrammeTypeField(Field):
    """The programme's type: its key and its label."""

    openapi_schema = CHOICE_SCHEMA

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, programme):
        return programme

    def to_representation(self, programme):
        return {"key": programme.programme_type, "label": str(programme.type_label)}


class DetailsField(Field):
    """The fields the programme's type brings, as the type's `api_fields` choose them."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    @property
    def openapi_schema(self):
        schemas = [details_schema(plugin) for plugin in registry.active()]
        return {
            "description": _("The fields of the programme's type (see `programme_type`)."),
            "anyOf": schemas or [{"type": "object"}],
        }

    def get_attribute(self, programme):
        return programme

    def to_representation(self, programme):
        if not hasattr(programme, "api_details"):
            attach_details([programme])
        return getattr(programme, "api_details", {})


def stored(details):
    return details if isinstance(details, dict) else {}


def details_schema(plugin):
    """The JSON schema of a plugin's `details` in the API, from its blocks."""
    properties = {
        name: block_schema(block)
        for name, block in plugin.block.child_blocks.items()
        if plugin.api_fields is None or name in plugin.api_fields
    }
    return {
        "type": "object",
        "title": plugin.key,
        "description": str(plugin.label),
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def block_schema(block):
    """The JSON schema of a block's value as `ProgrammePlugin.api_representation` gives it."""
    label = str(block.label or block.name or "")
    if isinstance(block, blocks.ListBlock):
        schema = {"type": "array", "items": block_schema(block.child_block)}
    elif isinstance(block, blocks.StructBlock):
        properties = {name: block_schema(child) for name, child in block.child_blocks.items()}
        schema = {
            "type": "object",
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
        }
    elif isinstance(block, blocks.BooleanBlock):
        schema = {"type": ["boolean", "null"]}
    elif isinstance(block, blocks.IntegerBlock):
        schema = {"type": ["integer", "null"]}
    elif isinstance(block, blocks.FloatBlock):
        schema = {"type": ["number", "null"]}
    elif isinstance(block, blocks.DecimalBlock):
        # As text, so no digit is lost on the way: "12.50".
        schema = {"type": ["string", "null"], "pattern": r"^-?\d+(\.\d+)?$"}
    elif isinstance(block, blocks.DateTimeBlock):
        schema = {"anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}]}
    elif isinstance(block, blocks.DateBlock):
        schema = {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]}
    elif isinstance(block, blocks.TimeBlock):
        # ISO 8601 local time ("17:30:00"), in the portal's time zone.
        schema = {"type": ["string", "null"]}
    elif isinstance(block, blocks.ChooserBlock):
        # A chosen page, image, document or snippet: its id.
        schema = {"type": ["integer", "null"]}
    elif isinstance(block, blocks.MultipleChoiceBlock):
        schema = {"type": ["array", "null"], "items": {"enum": choice_values(block)}}
    elif isinstance(block, blocks.ChoiceBlock):
        schema = {
            "anyOf": [{"type": "string", "enum": [*choice_values(block), ""]}, {"type": "null"}]
        }
    elif isinstance(block, blocks.FieldBlock):
        schema = {"type": ["string", "null"]}
    else:
        schema = {}
    return {**schema, "description": label} if label else schema


def choice_values(block):
    return [str(value) for value, _label in block.field.choices if value != ""]
