"""The dashboard's list of the editor's pages due for review (their KS's; a municipal
editor's: the municipality's own, outside every KS section)."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from portal.communities.access import manages_all_communities, outside_every_section
from portal.reviews.dates import may_review, pages_due

SHOWN = 5


def editors_pages_due(user, on=None):
    """The pages a reminder or the dashboard names for `user`."""
    if manages_all_communities(user):
        return pages_due(on=on, scope=outside_every_section())
    return pages_due(user, on=on)


class ReviewPanel(Component):
    name = "pages_due_for_review"
    order = 120
    template_name = "reviews/admin/panel.html"

    def __init__(self, pages):
        self.pages = pages

    @classmethod
    def for_user(cls, user):
        if not may_review(user):
            return None
        pages = editors_pages_due(user)
        return cls(pages) if pages else None

    def get_context_data(self, parent_context):
        return {
            "pages": self.pages[:SHOWN],
            "count": len(self.pages),
            "report_url": reverse("pages_due_for_review"),
        }
