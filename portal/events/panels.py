"""The event editor's warning of clashes (`portal.events.clashes`): the dates and what
they run into, and the "Publish anyway" tick, shown only when there is a clash."""

from wagtail.admin.panels import FieldPanel


class ClashesPanel(FieldPanel):
    class BoundPanel(FieldPanel.BoundPanel):
        template_name = "events/admin/clashes_panel.html"

        def is_shown(self):
            return super().is_shown() and bool(getattr(self.form, "clashes", None))

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["clashes"] = self.form.clashes
            return context
