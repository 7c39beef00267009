"""Index pages whose children are all of one type (a KS's calendar holds events, its news
index news items) say so in the admin: exploring one shows "Dodaj dogodek" as a labelled
button instead of Wagtail's bare "+", and the index's row in its parent's listing carries
the same button. Each app declares its own with `child_type_admin` from its
`wagtail_hooks.py`."""

from django.urls import reverse
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.admin.widgets import HeaderButton, ListingButton


class LabelledAddIndexView(ExplorableIndexView):
    """Wagtail's explorer, its add button with words (Wagtail shows only the icon)."""

    @cached_property
    def add_button(self):
        if self.add_url:
            return HeaderButton(self.add_item_label, url=self.add_url, icon_name="plus")
        return None


def child_type_admin(parent_model, child_model, label):
    """Register the admin of `child_model`, the only child type of `parent_model`: the
    explorer of a `parent_model` page and its row in a listing say `label`."""

    class ChildTypeViewSet(PageViewSet):
        model = child_model
        index_view_class = type(
            f"{child_model.__name__}IndexView", (LabelledAddIndexView,), {"add_item_label": label}
        )

    name = f"{child_model._meta.app_label}_{child_model._meta.model_name}_pages"
    hooks.register("register_admin_viewset", lambda: ChildTypeViewSet(name))

    def add_child_button(page, user, next_url=None):
        if (
            page.specific_class is parent_model
            and page.permissions_for_user(user).can_add_subpage()
        ):
            app_label, model_name = child_model._meta.app_label, child_model._meta.model_name
            yield ListingButton(
                label,
                url=reverse("wagtailadmin_pages:add", args=[app_label, model_name, page.pk]),
                icon_name="plus",
                priority=5,
            )

    hooks.register("register_page_listing_buttons", add_child_button)
