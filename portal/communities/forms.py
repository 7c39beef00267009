from django import forms
from django.utils.translation import gettext_lazy as _

from portal.base import names
from portal.base.forms import BaseModelForm, BasePageForm


class CommunityOwnedForm(BaseModelForm):
    """Offers only the editor's own KS; a KS editor cannot create municipality-wide rows."""

    def __init__(self, *args, **kwargs):
        from portal.communities.access import communities_for, manages_all_communities

        super().__init__(*args, **kwargs)
        field = self.fields.get("community")
        if field is None or self.for_user is None:
            return
        field.queryset = communities_for(self.for_user).order_by("title")
        if not manages_all_communities(self.for_user):
            field.required = True
            field.empty_label = None
            field.help_text = _("Your local community.")
        # A plain list of the editor's KS, not a chooser of the whole page tree.
        field.widget = forms.Select(choices=field.choices)


class CommunityPageForm(BasePageForm):
    """A KS page's form. The model refuses a title that passes for another KS's; a slug
    with a character nobody sees is refused here, naming it, since a slug that its field
    refuses never reaches the model."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].validators.append(names.validate_visible)
