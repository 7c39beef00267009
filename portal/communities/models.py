"""What pages in a KS section know of their KS, from the directory of sections
(`portal.communities.directory`); the KS page itself is `portal.communities.pages`."""

from django.utils.functional import cached_property

from portal.communities.directory import section_for_path, sections
from portal.communities.pages import (
    MANAGE_ALL_COMMUNITIES,
    CommunityPage,
    KeepsAccessFields,
    community_name,
    naming_errors,
)

__all__ = [
    "MANAGE_ALL_COMMUNITIES",
    "CommunityOwned",
    "CommunityPage",
    "KeepsAccessFields",
    "SectionIndex",
    "attach_communities",
    "community_name",
    "naming_errors",
]


class CommunityOwned:
    """For pages that live in a KS section: `page.community` is that KS (or None)."""

    @cached_property
    def community(self):
        section = section_for_path(self.path)
        if section is not None:
            return section.community
        # A KS that is not live (a preview under a draft section) is not in the directory.
        return CommunityPage.objects.ancestor_of(self).first()


class SectionIndex:
    """For a section's index pages (its calendar, its news): `page.heading`, the name the
    page goes by in the browser's tab and in its h1, names the KS too ("Dogodki – KS
    Golnik"), as every KS's calendar is titled "Dogodki". A title that names its KS
    already, and the municipality's index pages, stay as they are. (From the directory of
    live sections: no query.)"""

    @property
    def heading(self):
        section = section_for_path(self.path)
        if section is None or section.community.title in self.title:
            return self.title
        return f"{self.title} – {section.community.title}"


def attach_communities(pages):
    """Set `.community` on each page from the directory of sections, without a query."""
    pages = list(pages)
    known = sections()
    for page in pages:
        page.community = next(
            (s.community for s in known if page.path.startswith(s.community.path)), None
        )
    return pages
