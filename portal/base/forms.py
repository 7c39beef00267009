"""Admin forms shared by the portal's pages and snippets."""

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.permissions import policy_registry


class ChoosableMediaMixin:
    """Image and document fields accept only what the editor may choose in a chooser
    (their own collections), plus the value already saved, so a forged form cannot
    borrow another KS's files."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is None:
            return
        for name, field in self.fields.items():
            model = getattr(field, "queryset", None) is not None and field.queryset.model
            if not model or not issubclass(model, AbstractImage | AbstractDocument):
                continue
            policy = policy_registry.get_by_type(model)
            choosable = policy.instances_user_has_any_permission_for(self.for_user, ["choose"])
            current = getattr(self.instance, f"{name}_id", None)
            field.queryset = model.objects.filter(
                pk__in=choosable.values("pk")
            ) | model.objects.filter(pk=current)


class BasePageForm(ChoosableMediaMixin, WagtailAdminPageForm):
    pass


class BaseModelForm(ChoosableMediaMixin, WagtailAdminModelForm):
    pass
