"""Programmes: recurring activities run by stakeholders, each of a plugin-provided type.

The KS, the space and the organisers are models of the host project, named by settings
(`PROGRAMMES_COMMUNITY_MODEL`, `PROGRAMMES_SPACE_MODEL`, `PROGRAMMES_ORGANISER_MODEL`),
so this package imports nothing from the project that uses it.
"""

from anyascii import anyascii
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.module_loading import import_string
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from programmes import registry
from programmes.api import ChoiceField, DetailsField, ProgrammeTypeField, TermsField, choice_label

TYPE_LABEL_MAX_LENGTH = 200
DESCRIPTION_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class Term(models.Model):
    """A fixed term (a theme, an audience) whose label comes from the choices of its
    `key`, so it is translated like the rest of the interface."""

    class Meta:
        abstract = True
        ordering = ["pk"]

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        return choice_label(self._meta.get_field("key"), self.key)


class Theme(Term):
    """A theme of the "Dovolj za vse" programme. Rows come from a data migration."""

    class Key(models.TextChoices):
        SPATIAL_PLANNING = "spatial_planning", _("sustainable spatial planning and mobility")
        FOOD = "food", _("food self-sufficiency and organic farming")
        CIRCULAR_ECONOMY = (
            "circular_economy",
            _("local circular economy and sustainable consumption"),
        )
        ENERGY = "energy", _("energy efficiency and local renewable energy")

    key = models.CharField(_("key"), max_length=40, choices=Key.choices, unique=True)

    class Meta(Term.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class Audience(Term):
    """Who a programme is for. Rows come from a data migration."""

    class Key(models.TextChoices):
        CHILDREN = "children", _("children")
        YOUTH = "youth", _("youth")
        ADULTS = "adults", _("adults")
        SENIORS = "seniors", _("seniors")
        INTERGENERATIONAL = "intergenerational", _("intergenerational")

    key = models.CharField(_("key"), max_length=40, choices=Key.choices, unique=True)

    class Meta(Term.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class ProgrammeQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        """What the public sees: live programmes of an active type."""
        return self.filter(live=True, programme_type__in=registry.active_keys())

    def of_community(self, community):
        """A KS's programmes; None: the municipality-wide ones."""
        if community is None:
            return self.filter(community__isnull=True)
        return self.filter(community=community)

    def of_types(self, keys):
        return self.filter(programme_type__in=keys)

    def with_themes(self, keys):
        return self.filter(themes__key__in=keys).distinct()

    def for_audiences(self, keys):
        return self.filter(audiences__key__in=keys).distinct()

    # What a listing shows of each programme besides its own fields.
    LISTED_FOREIGN_KEYS = ("community", "space", "image")
    LISTED_MANY = ("themes", "audiences", "organisers")

    def for_listing(self):
        """What a listing shows of each programme, in a constant number of queries."""
        return self.select_related(*self.LISTED_FOREIGN_KEYS).prefetch_related(*self.LISTED_MANY)


class Programme(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    count_label = ngettext_lazy("%(count)s programme", "%(count)s programmes", "count")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        RUNNING = "running", _("running")
        PAUSED = "paused", _("paused")
        ENDED = "ended", _("ended")

    class Registration(models.TextChoices):
        NOT_NEEDED = "not_needed", _("no registration needed")
        NEEDED = "needed", _("registration needed")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        blank=True,
        allow_unicode=False,
        help_text=_(
            "The last part of the programme's address. Leave empty to make it from the title."
        ),
    )
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences for listings.")
    )
    description = RichTextField(_("description"), blank=True, features=DESCRIPTION_FEATURES)
    # The plugin key; not a choice at database level, so a plugin can come and go.
    programme_type = models.CharField(
        _("programme type"), max_length=registry.KEY_MAX_LENGTH, editable=False
    )
    # The type's label when last saved, in the site's language: what the admin shows once
    # the plugin is uninstalled and no longer says it.
    programme_type_label = models.CharField(
        _("programme type label"), max_length=TYPE_LABEL_MAX_LENGTH, blank=True, editable=False
    )
    # The plugin's block value as JSON (`plugin.get_prep_value`); kept as it is while the
    # plugin is off. The encoder, as a StreamField's, also stores dates, times and
    # decimals that code puts here directly.
    details = models.JSONField(_("details"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    community = models.ForeignKey(
        settings.PROGRAMMES_COMMUNITY_MODEL,
        verbose_name=_("local community"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Leave empty for the whole municipality."),
    )
    space = models.ForeignKey(
        settings.PROGRAMMES_SPACE_MODEL,
        verbose_name=_("usual space"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programmes",
        help_text=_("Where the programme usually runs."),
    )
    organisers = ParentalManyToManyField(
        settings.PROGRAMMES_ORGANISER_MODEL,
        verbose_name=_("organisers"),
        blank=True,
        related_name="programmes",
    )
    themes = ParentalManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="programmes"
    )
    audiences = ParentalManyToManyField(
        Audience, verbose_name=_("audience"), blank=True, related_name="programmes"
    )
    is_free = models.BooleanField(_("free of charge"), default=True)
    price = models.CharField(
        _("price"), max_length=200, blank=True, help_text=_("For example: 5 € per meeting.")
    )
    registration = models.CharField(
        _("registration"),
        max_length=20,
        choices=Registration.choices,
        default=Registration.NOT_NEEDED,
    )
    registration_url = models.URLField(
        _("registration link"), blank=True, help_text=_("A form where people sign up, if any.")
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="programme")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="programme",
        for_concrete_model=False,
    )

    objects = ProgrammeQuerySet.as_manager()

    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("folded_search_text"),
        # Accent-free words whose beginnings a search finds ("popravljalnic").
        index.AutocompleteField("folded_search_text"),
        index.FilterField("community"),
        index.FilterField("programme_type"),
        index.FilterField("live"),
        index.FilterField("status"),
    ]

    # What Wagtail's API shows of a programme; the project adds its own relations (KS,
    # space, organisers) in its endpoint.
    api_fields = [
        APIField("title"),
        APIField("slug"),
        APIField("programme_type", serializer=ProgrammeTypeField()),
        APIField("summary"),
        APIField("description"),
        APIField("details", serializer=DetailsField()),
        APIField("status", serializer=ChoiceField()),
        APIField("themes", serializer=TermsField()),
        APIField("audiences", serializer=TermsField()),
        APIField("is_free"),
        APIField("price"),
        APIField("registration", serializer=ChoiceField()),
        APIField("registration_url"),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("contact_phone"),
        APIField("image"),
    ]

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "slug"],
                name="programme_slug_unique_per_community",
                violation_error_message=_(
                    "This local community already has a programme with this slug. Choose another."
                ),
            ),
            models.UniqueConstraint(
                fields=["slug"],
                condition=Q(community__isnull=True),
                name="programme_slug_unique_municipality_wide",
                violation_error_message=_(
                    "A municipality-wide programme with this slug already exists. Choose another."
                ),
            ),
        ]
        indexes = [models.Index(fields=["programme_type", "live"])]

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    @property
    def plugin(self):
        """The active plugin of this programme's type, or None while it is turned off."""
        return registry.get(self.programme_type)

    @property
    def type_label(self):
        """The type's label: the installed plugin's (translated), else the one kept."""
        plugin = registry.get_registered(self.programme_type)
        if plugin is not None:
            return plugin.label
        return self.programme_type_label or self.programme_type

    def save(self, *args, **kwargs):
        plugin = registry.get_registered(self.programme_type)
        if plugin is not None:
            self.programme_type_label = plugin.stored_label()[:TYPE_LABEL_MAX_LENGTH]
        super().save(*args, **kwargs)

    def folded_search_text(self):
        """Accent-free text, so "strazisce" finds "Stražišče" on PostgreSQL too; with the
        names of its KS and space, so "popravljalnica golnik" finds Golnik's."""
        return " ".join(
            anyascii(strip_tags(str(text or "")))
            for text in (self.title, self.summary, self.description, self.community, self.space)
        )

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = self.available_slug(slugify(anyascii(self.title))[:90] or "program")
        if not self.is_free and not self.price:
            raise ValidationError(
                {"price": _("Say what taking part costs, or tick “free of charge”.")}
            )
        if self.registration == self.Registration.NEEDED and not (
            self.registration_url or self.contact_email or self.contact_phone
        ):
            raise ValidationError(
                {
                    "registration": _(
                        "Registration is needed: give a registration link or a contact "
                        "e-mail or phone, so people know how to sign up."
                    )
                }
            )

    def available_slug(self, base):
        siblings = Programme.objects.exclude(pk=self.pk).of_community(self.community_id)
        taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug

    def get_url(self, request=None):
        """The public URL, from the project's `PROGRAMMES_URL_RESOLVER`; None without one."""
        path = getattr(settings, "PROGRAMMES_URL_RESOLVER", None)
        if not path:
            return None
        return import_string(path)(self, request=request)

    def get_absolute_url(self):
        return self.get_url()

    def get_preview_template(self, request, mode_name):
        return "programmes/programme_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["programme"] = self
        return context
