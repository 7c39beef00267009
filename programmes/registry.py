"""The registry of programme types, in the spirit of `wagtail.hooks`.

A programme type is a `ProgrammePlugin` subclass in any installed app's
`programme_plugins` module, registered with `@register`. `settings.PROGRAMME_PLUGINS`
(a list of keys; None for all) limits which registered types are active: programmes of an
inactive type keep their data but are hidden from the public and from the add menu.
"""

import json
import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.forms.utils import ErrorList
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

# How long a type key may be (`Programme.programme_type`), and what it may not hold:
# control characters (PostgreSQL refuses NUL in text).
KEY_MAX_LENGTH = 50
KEY_PATTERN = r"^[^\u0000-\u001f\u007f]+$"


def is_key(text):
    """Whether `text` could be a type's key: a filter for one that no programme has finds
    nothing (its plugin may be gone), where other text is an error."""
    return len(text) <= KEY_MAX_LENGTH and re.fullmatch(KEY_PATTERN, text) is not None


def json_value(data):
    """`data` as plain JSON values: dates, times and date-times as ISO text, decimals as
    text (what a StreamField stores); what is read back from the database is the same."""
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


class ProgrammePlugin:
    """One programme type. Subclass it, set the attributes, and `register` it."""

    key = None  # stored on each programme: never change it once programmes use it
    label = None  # gettext_lazy
    description = ""  # one line for the type chooser
    icon = "clipboard-list"  # a Wagtail admin icon name
    default_themes = ()  # Theme keys ticked on a new programme of this type
    fields = ()  # [(name, Block)]: the type's own structured fields
    template = None  # renders the type's section of the public programme page
    api_fields = None  # names of `fields` the API exposes; None for all
    list_columns = ()  # extra `wagtail.admin.ui.tables.Column`s in the admin listing
    list_filters = {}  # name -> django_filters filter, applied to this type's programmes

    def clean(self, value):
        """Check the fields together; raise ValidationError (a dict names the fields)."""

    def get_context(self, programme, details):
        """What the plugin's template gets; override to add labels and the like."""
        return {"programme": programme, "plugin": self, "details": details}

    @cached_property
    def block(self):
        return DetailsBlock(self)

    def to_python(self, data):
        """The block value of a programme's stored `details` (missing fields get defaults):
        dates as `date`, decimals as `Decimal`, chosen pages and images as instances."""
        return self.block.to_python(data if isinstance(data, dict) else {})

    def get_prep_value(self, value):
        """The JSON stored in `details` for a block value, exactly as it is read back."""
        return json_value(self.block.get_prep_value(value))

    def api_representation(self, value):
        """What the API shows of a block value: the `api_fields`, as JSON values."""
        data = self.block.get_api_representation(value)
        if self.api_fields is not None:
            data = {name: data[name] for name in self.api_fields if name in data}
        return json_value(data)

    def stored_label(self):
        """The label in the site's language, as programmes keep it for when the plugin is
        gone."""
        with translation.override(settings.LANGUAGE_CODE):
            return str(self.label)

    def __repr__(self):
        return f"<{type(self).__name__} {self.key!r}>"


class DetailsBlock(blocks.StructBlock):
    """A plugin's fields as one StructBlock that also runs the plugin's own `clean`."""

    def __init__(self, plugin, **kwargs):
        self.plugin = plugin
        super().__init__(local_blocks=list(plugin.fields), **kwargs)

    def to_python(self, value):
        return super().to_python(self.with_defaults(value))

    def with_defaults(self, value):
        """A list missing from stored details (a new programme, a field added later) is
        empty, not one blank item as a ListBlock's default would be."""
        return {
            **{
                name: []
                for name, block in self.child_blocks.items()
                if isinstance(block, blocks.ListBlock)
            },
            **value,
        }

    def clean(self, value):
        value = super().clean(value)
        try:
            self.plugin.clean(value)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                raise StructBlockValidationError(
                    block_errors={
                        name: ErrorList(errors) for name, errors in error.error_dict.items()
                    }
                ) from error
            raise StructBlockValidationError(
                non_block_errors=ErrorList(error.error_list)
            ) from error
        self.check_storable(value)
        return value

    def check_storable(self, value):
        """A field whose block gives no JSON (a custom block of the plugin) is an error on
        that field, not on the whole form."""
        errors = {}
        for name, block in self.child_blocks.items():
            try:
                json_value(block.get_prep_value(value.get(name)))
            except (TypeError, ValueError):
                errors[name] = ErrorList(
                    [
                        ValidationError(
                            _(
                                "This value cannot be saved: the programme type does not "
                                "say how to store it. Tell the portal's administrators."
                            ),
                            code="not_storable",
                        )
                    ]
                )
        if errors:
            raise StructBlockValidationError(block_errors=errors)

    def deconstruct(self):
        # Never serialised into migrations: `details` is a JSONField.
        return ("programmes.registry.DetailsBlock", (), {})


_plugins = {}


def register(plugin_class):
    """Register a ProgrammePlugin subclass; usable as a class decorator."""
    key = plugin_class.key
    if not key or not plugin_class.label:
        raise ImproperlyConfigured(f"{plugin_class.__name__} needs a key and a label.")
    if not is_key(key):
        raise ImproperlyConfigured(
            f"{plugin_class.__name__}'s key {key!r} must be at most {KEY_MAX_LENGTH} "
            "characters, none of them a control character."
        )
    if key in _plugins:
        raise ImproperlyConfigured(
            f"Programme type {key!r} is registered twice: by "
            f"{type(_plugins[key]).__qualname__} and {plugin_class.__qualname__}."
        )
    _plugins[key] = plugin_class()
    return plugin_class


def unregister(key):
    _plugins.pop(key, None)


def registered():
    """Every registered plugin, in registration order."""
    return list(_plugins.values())


def get_registered(key):
    return _plugins.get(key)


def active_keys():
    keys = getattr(settings, "PROGRAMME_PLUGINS", None)
    if keys is None:
        return list(_plugins)
    return [key for key in keys if key in _plugins]


def active():
    """The active plugins: all registered ones, or those `PROGRAMME_PLUGINS` lists."""
    return [_plugins[key] for key in active_keys()]


def get(key):
    """The active plugin of type `key`, or None."""
    return _plugins[key] if key in active_keys() else None
