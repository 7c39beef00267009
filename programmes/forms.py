"""The admin form of a programme: the common fields plus its type's own block fields."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks import BlockField
from wagtail.blocks.base import BlockWidget

from programmes import registry
from programmes.models import Theme


class DetailsWidget(BlockWidget):
    def value_from_datadict(self, data, files, name):
        # A block reads its form data without checks; a request with parts of it missing
        # or malformed (not sent by the admin's own editor, e.g. a number where a rich
        # text editor sends its JSON) is a form error, not a server error.
        try:
            return super().value_from_datadict(data, files, name)
        except (KeyError, ValueError, TypeError, AttributeError):
            return None

    def render_with_errors(self, name, value, attrs=None, errors=None, renderer=None):
        # What could not be read is shown as the type's empty fields, with the error.
        if value is None:
            value = self.block_def.get_default()
        return super().render_with_errors(name, value, attrs, errors, renderer)


class DetailsField(BlockField):
    def __init__(self, block, **kwargs):
        super().__init__(block=block, widget=DetailsWidget(block), **kwargs)

    def clean(self, value):
        if value is None:
            raise ValidationError(
                _(
                    "The details of this type were not sent completely. "
                    "Reload the page and try again."
                ),
                code="incomplete",
            )
        return super().clean(value)


class ProgrammeForm(WagtailAdminModelForm):
    """`details` becomes the type plugin's StructBlock; while the plugin is off the field
    is left out and the stored details are kept as they are.

    A project adds its own rules (e.g. which KS an editor may pick) by subclassing this
    form and naming the subclass as `base_form_class` of its `ProgrammeViewSet`.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.plugin = registry.get(self.instance.programme_type)
        if "details" not in self.fields:
            return
        if self.plugin is None:
            del self.fields["details"]
            return
        self.fields["details"] = DetailsField(
            self.plugin.block,
            label=self.plugin.label,
            help_text=_("What is particular to this type of programme."),
        )
        self.initial["details"] = self.plugin.to_python(self.instance.details)
        if self.instance._state.adding and "themes" in self.fields and not self.is_bound:
            self.initial["themes"] = list(
                Theme.objects.filter(key__in=self.plugin.default_themes).values_list(
                    "pk", flat=True
                )
            )

    def clean_details(self):
        return self.plugin.get_prep_value(self.cleaned_data["details"])
