"""Content a rich text field cannot read is a form error, never a server error.

Kept apart from the widget (`portal.base.richtext`), which imports Wagtail's admin: forms
imported while the models load use these.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# What a field's value is when the editor's content could not be read at all; Draftail's
# converter never writes an HTML comment, so no text an editor wrote is ever this.
MALFORMED = "<!-- not Draftail's content -->"


def refuse_malformed(value):
    if value == MALFORMED:
        raise ValidationError(
            _("The text did not arrive complete. Reload the page and try again."),
            code="incomplete",
        )


def check_rich_text_fields(form):
    """Each rich text field of `form` answers content it cannot read with a form error."""
    for field in form.fields.values():
        # The admin's rich text widget (portal.base.richtext), known by its switch.
        if getattr(field.widget, "standalone", None) is False:
            field.widget.standalone = True
            field.validators.append(refuse_malformed)
