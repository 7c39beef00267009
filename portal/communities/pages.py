"""A local community (krajevna skupnost, KS): its page, and the names its editors group and
collection carry. (`portal.communities.models` adds what pages in a KS section know of it.)"""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Collection
from wagtail.search import index

from portal.base import names, subpages
from portal.base.models import RICH_TEXT_FEATURES, BasePage
from portal.base.serializers import Text

MANAGE_ALL_COMMUNITIES = "communities.manage_all_communities"


class KeepsAccessFields:
    """For pages with fields that say who may edit, publish or use them, which only
    municipal editors set: publishing or reverting to an older revision never rolls them
    back. Their `access_fields` keep the values of the page a revision is loaded onto:
    the live ones, or those of the municipal editor's form being published."""

    access_fields = ()

    def with_content_json(self, content):
        page = super().with_content_json(content)
        for field in self.access_fields:
            setattr(page, field, getattr(self, field))
        return page


class CommunityPage(subpages.Subpages, KeepsAccessFields, BasePage):
    """The home of one KS: everything under it belongs to that KS. A section page
    (`portal.base.subpages.SECTION`): apps add their routes below it, as the programmes
    at `programi/`."""

    count_label = ngettext_lazy("%(count)s local community", "%(count)s local communities", "count")

    body = RichTextField(_("about the community"), blank=True, features=RICH_TEXT_FEATURES)
    office_address = models.CharField(_("office address"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    office_hours = models.CharField(
        _("office hours"),
        max_length=200,
        blank=True,
        help_text=_("For example: Tuesdays 17.00–19.00."),
    )
    requires_approval = models.BooleanField(
        _("publishing needs municipal approval"),
        default=False,
        help_text=_(
            "When on, the editors of this KS submit pages for approval and the municipal "
            "editors publish them. When off, KS editors publish directly."
        ),
    )
    # Set by provisioning (portal.communities.provisioning), never edited by hand.
    editors_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("editors group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="community",
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection for images and documents"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="community",
    )

    folded_text_fields = ("title", "intro", "body")
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("office_address"),
                FieldPanel("email"),
                FieldPanel("phone"),
                FieldPanel("office_hours"),
            ],
            heading=_("KS office"),
        ),
    ]

    # What the API shows of a KS (its links and counts: `portal.api.communities`).
    api_fields = [
        APIField("name", serializer=Text(description=_("The KS's name, without “KS”."))),
        APIField("intro"),
        APIField("body"),
        APIField("office_address"),
        APIField("email"),
        APIField("phone"),
        APIField("office_hours"),
        APIField("image"),
    ]

    subpage_kind = subpages.SECTION
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "spaces.SpacePage",
        "events.EventCalendarPage",
        "news.NewsIndexPage",
        "base.ContentPage",
        "consultations.ConsultationPage",
    ]

    class Meta:
        verbose_name = _("local community (KS)")
        verbose_name_plural = _("local communities (KS)")
        permissions = [
            ("manage_all_communities", _("Can manage the content of every local community")),
        ]

    @property
    def name(self):
        """The KS's own name: "Golnik" for the page "KS Golnik"."""
        return community_name(self.title)

    def full_clean(self, *args, **kwargs):
        # One written form for what looks the same, before Wagtail makes a slug of it.
        self.title = names.normalise(self.title or "")
        self.slug = names.normalise(self.slug or "")
        super().full_clean(*args, **kwargs)

    def clean(self):
        errors = naming_errors(self.title, self.slug)
        if errors:
            raise ValidationError(errors)
        super().clean()
        own = names.key(self.name)
        others = CommunityPage.objects.exclude(pk=self.pk).only("title")
        if any(names.key(other.name) == own for other in others):
            raise ValidationError(
                {"title": _("A local community with this name already exists. Choose another.")}
            )

    settings_panels = [
        *BasePage.settings_panels,
        FieldPanel("requires_approval", permission=MANAGE_ALL_COMMUNITIES),
    ]

    # Who may edit and publish a KS. Only a municipal editor's form has
    # `requires_approval`; `signals.keep_rights_in_step_with_approval` applies it.
    access_fields = ("requires_approval", "editors_group_id", "collection_id")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        keep_names_in_step(self)


def naming_errors(title, slug):
    """{field: message} for a KS title or slug that could pass for another KS's: one
    with characters nobody sees, or a name mixing alphabets (a Cyrillic "о" in
    "Golnik"). Its names are NFKC-normalised before (`CommunityPage.full_clean`)."""
    errors = {}
    for field, text in (("title", title), ("slug", slug)):
        if message := names.invisible_characters_message(text):
            errors[field] = message
    if "title" not in errors and len(names.alphabets(community_name(title))) > 1:
        errors["title"] = _(
            "The name mixes letters of different alphabets (such as a Cyrillic “о” among "
            "Latin letters), so it can look like another name. Write it in one alphabet."
        )
    return errors


def community_name(title):
    """The KS's own name in its page title: "Golnik" for "KS Golnik"."""
    title = title.strip()
    return title[3:].strip() if title.upper().startswith("KS ") else title


def editors_group_name(community):
    return f"KS {community.name} – uredniki"


def collection_name(community):
    return f"KS {community.name}"


def keep_names_in_step(community):
    """After a KS is renamed, its group and collection carry the new name."""
    if community.editors_group_id:
        Group.objects.filter(pk=community.editors_group_id).exclude(
            name=editors_group_name(community)
        ).update(name=editors_group_name(community))
    if community.collection_id:
        Collection.objects.filter(pk=community.collection_id).exclude(
            name=collection_name(community)
        ).update(name=collection_name(community))
