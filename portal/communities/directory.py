"""The live sections of the portal, worked out once per content version.

A section is a KS (its `CommunityPage` and the subtree under it) or the whole municipality
(the home page). Every page shows the KS menu, the home page shows a card per KS, and
listings label items with their KS. Working that out is a few queries and a URL per KS; it
only changes when content does, so it is kept in the cache under the current content
version (`portal.base.pagecache`), which every publish, move or delete renews.

The directory names no page type of a higher app: a page type says what it is to a
section with a class attribute, and the directory finds it among Wagtail's page models.

- `section_kind = MUNICIPALITY`: the root of the municipality's section (the home page).
- `section_kind = CALENDAR` or `NEWS` (or another kind): an index page a section has one
  of, found as a child of the section's root; `section.index_url(kind)` is its URL.
- `section_provisioning = Provisioned(title, slug)`: every KS gets one, made by
  `portal.communities.provisioning` when the KS is created.
"""

from dataclasses import dataclass, field

from wagtail.models import get_page_models

from portal.base.caching import kept
from portal.base.privacy import public
from portal.communities.pages import CommunityPage

MUNICIPALITY = "municipality"
CALENDAR = "calendar"
NEWS = "news"


@dataclass(frozen=True)
class Provisioned:
    """How provisioning makes a section's index page of a type: its title and slug, and
    where it goes among the others (lowest `order` first)."""

    title: str
    slug: str
    order: int = 0


@dataclass
class Section:
    community: object  # the live CommunityPage; None for the municipality's section
    url: str
    index_urls: dict = field(default_factory=dict)  # kind -> URL of its live index page

    def index_url(self, kind):
        """The URL of the section's live, public index page of `kind`, or None."""
        return self.index_urls.get(kind)

    @property
    def calendar_url(self):
        return self.index_url(CALENDAR)

    @property
    def news_url(self):
        return self.index_url(NEWS)


def kind_of(page_or_model):
    """What a page (or page type) is to a section (`section_kind`), or None."""
    return getattr(page_or_model, "section_kind", None)


def page_models_of_kind(kind):
    """The page types that declare `section_kind = kind`."""
    return [model for model in get_page_models() if kind_of(model) == kind]


def index_page_models():
    """The page types of a section's index pages: every declared kind but the root's."""
    return [model for model in get_page_models() if kind_of(model) not in (None, MUNICIPALITY)]


def provisioned_page_models():
    """The index page types every KS section gets, in the order they are made."""
    # Declared on the type itself: a subclass of a provisioned type is not made as well.
    models = [m for m in get_page_models() if m.__dict__.get("section_provisioning")]
    return sorted(models, key=lambda model: model.section_provisioning.order)


def sections():
    """The live KS sections, in tree order."""
    return kept("section-directory", build_sections, shared=True)


def build_sections():
    communities = list(
        public(CommunityPage.objects.live()).select_related("image").order_by("path")
    )
    urls = index_urls_under(communities)
    return [
        Section(
            community=community,
            url=community.get_url(),
            index_urls=urls.get(community.path, {}),
        )
        for community in communities
    ]


def index_urls_under(parents):
    """{parent's path: {kind: URL}} of the first live, public index page of each kind
    among each parent's children: a query per index page type."""
    depths = {parent.depth + 1 for parent in parents}
    found = {}
    if not depths:
        return found
    for model in index_page_models():
        # Newest path first, so the first child of a kind (by path) is the one kept.
        for page in public(model.objects.live()).filter(depth__in=depths).order_by("-path"):
            found.setdefault(page.path[: -model.steplen], {})[kind_of(model)] = page.get_url()
    return found


def section_of_community(pk):
    """The live KS section of the KS with this id, or None."""
    return sections_by("community", lambda section: section.community.pk).get(pk)


def section_of_slug(slug):
    """The live KS section of the KS with this slug, or None."""
    return sections_by("slug", lambda section: section.community.slug).get(slug)


def sections_by(name, key):
    """The live KS sections by `key(section)`: built once a content version in this process."""
    return kept("sections-by", lambda: {key(s): s for s in sections()}, name)


def section_for_path(path):
    """The live KS section a page with this tree path belongs to, or None."""
    return next((s for s in sections() if path.startswith(s.community.path)), None)


def municipal_section():
    """The municipality's section: the live page declared its root (the home page)
    nearest the tree's root, with its index pages; None if there is none."""
    return kept("municipal-section", build_municipal_section, shared=True)


def build_municipal_section():
    roots = [
        model.objects.live().order_by("path").first() for model in page_models_of_kind(MUNICIPALITY)
    ]
    roots = sorted((root for root in roots if root is not None), key=lambda root: root.path)
    if not roots:
        return None
    root = roots[0]
    return Section(
        community=None, url=root.get_url(), index_urls=index_urls_under([root]).get(root.path, {})
    )
