"""Admin screens for programmes: a type chooser before the form, and listing columns and
filters that plugins extend.

A project registers `ProgrammeViewSet` (or its subclass, named by
`settings.PROGRAMMES_VIEWSET`) through `programmes.wagtail_hooks`; it sets
`base_form_class` to a subclass of `ProgrammeForm` to add its own form rules.
"""

import copy
from functools import cache
from urllib.parse import urlencode

import django_filters
from django.contrib import messages
from django.forms import CheckboxSelectMultiple
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, PublishingPanel
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    IndexView,
    PreviewOnCreateView,
    SnippetViewSet,
)

from programmes import registry
from programmes.forms import ProgrammeForm
from programmes.models import Audience, Programme, Theme

TYPE_PARAMETER = "type"


class TypeColumn(Column):
    """The programme's type, marked when its plugin is turned off or not installed."""

    def get_value(self, instance):
        if registry.get_registered(instance.programme_type) is None:
            return format_lazy("{} ({})", instance.type_label, _("not installed"))
        if instance.plugin is None:
            return format_lazy("{} ({})", instance.type_label, _("turned off"))
        return instance.type_label


class DetailsColumn(Column):
    """A listing column showing one of a plugin's fields, on that plugin's programmes only.

    For a plugin's `list_columns`: `DetailsColumn("plots_free", "community_garden",
    label=_("free plots"))`.
    """

    def __init__(self, name, plugin_key, **kwargs):
        self.plugin_key = plugin_key
        super().__init__(f"{plugin_key}__{name}", accessor=self.value_of(name), **kwargs)

    def value_of(self, name):
        def value(instance):
            if instance.programme_type != self.plugin_key:
                return None
            return instance.details.get(name)

        return value


def plugin_filters(plugins):
    """The listing filters of `plugins`, named `<plugin key>__<filter name>`."""
    filters = {}
    for plugin in plugins:
        for name, declared in plugin.list_filters.items():
            declared = copy.deepcopy(declared)
            declared.label = format_lazy("{}: {}", plugin.label, declared.label or name)
            filters[f"{plugin.key}__{name}"] = declared
    return filters


def type_choices(programmes):
    """Every installed type, and the types of `programmes` (those the editor may list)
    whose plugin is gone, by the label they kept, so those can be found and tidied up."""
    choices = {plugin.key: plugin.label for plugin in registry.registered()}
    kept = (
        programmes.exclude(programme_type__in=choices)
        .order_by("programme_type")
        .values_list("programme_type", "programme_type_label")
        .distinct()
    )
    for key, label in kept:
        choices.setdefault(key, format_lazy("{} ({})", label or key, _("not installed")))
    return list(choices.items())


class TypeKeyField(django_filters.fields.ChoiceField):
    """Any type key is a valid filter: one that no programme has lists nothing."""

    def valid_value(self, value):
        return registry.is_key(value)


class TypeFilter(django_filters.ChoiceFilter):
    field_class = TypeKeyField


class ProgrammeFilterSet(WagtailFilterSet):
    programme_type = TypeFilter(label=_("type"), choices=())
    status = django_filters.ChoiceFilter(label=_("status"), choices=Programme.Status.choices)
    themes = django_filters.ModelMultipleChoiceFilter(
        label=_("themes"), queryset=Theme.objects.all(), widget=CheckboxSelectMultiple
    )
    audiences = django_filters.ModelMultipleChoiceFilter(
        label=_("audience"), queryset=Audience.objects.all(), widget=CheckboxSelectMultiple
    )
    community = django_filters.ModelChoiceFilter(
        label=_("local community"),
        queryset=lambda request: Programme._meta.get_field(
            "community"
        ).related_model._default_manager.order_by("title"),
        null_label=_("whole municipality"),
    )

    # Filter name -> plugin key, for the filters that plugins add.
    plugin_filter_types = {}

    class Meta:
        model = Programme
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["programme_type"].extra["choices"] = type_choices(self.queryset)

    def filter_queryset(self, queryset):
        # A plugin's filter narrows the listing to its own programmes.
        for name, value in self.form.cleaned_data.items():
            if name in self.plugin_filter_types and value not in EMPTY_VALUES:
                queryset = queryset.filter(programme_type=self.plugin_filter_types[name])
        return super().filter_queryset(queryset)


@cache
def filterset_for(active_keys):
    """The listing filters with those of the active plugins (a class per set of keys)."""
    plugins = [registry.get_registered(key) for key in active_keys]
    filters = plugin_filters(plugins)
    return type(
        "ProgrammeFilterSet",
        (ProgrammeFilterSet,),
        {
            **filters,
            "plugin_filter_types": {name: name.split("__", 1)[0] for name in filters},
        },
    )


class ProgrammeIndexView(IndexView):
    @cached_property
    def filterset_class(self):
        return filterset_for(tuple(registry.active_keys()))

    def get_filterset_kwargs(self):
        # The programmes this editor may list: the type filter names only their types.
        return {**super().get_filterset_kwargs(), "queryset": self.get_base_queryset()}

    @cached_property
    def columns(self):
        return [
            *super().columns,
            *(column for plugin in registry.active() for column in plugin.list_columns),
        ]


class ProgrammeCreateView(CreateView):
    """First the type chooser (the active plugins), then the form for `?type=<key>`."""

    choose_type_template_name = "programmes/admin/choose_type.html"

    def setup(self, request, *args, **kwargs):
        self.requested_type = request.GET.get(TYPE_PARAMETER, "")
        self.plugin = registry.get(self.requested_type)
        super().setup(request, *args, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        if self.plugin is None and (self.requested_type or request.method == "POST"):
            messages.error(
                request,
                gettext(
                    "There is no programme type “%(type)s”, or it is turned off. "
                    "Choose one of the types below."
                )
                % {"type": self.requested_type[:50]},
            )
            return redirect(reverse_add(self))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.plugin is None:
            return self.choose_type(request)
        return super().get(request, *args, **kwargs)

    def choose_type(self, request):
        add_url = reverse_add(self)
        return TemplateResponse(
            request,
            self.choose_type_template_name,
            {
                "header_title": self.get_page_title(),
                "breadcrumbs_items": self.get_breadcrumbs_items(),
                "header_icon": self.header_icon,
                "choices": [
                    (plugin, f"{add_url}?{urlencode({TYPE_PARAMETER: plugin.key})}")
                    for plugin in registry.active()
                ],
            },
        )

    def get_page_subtitle(self):
        if self.plugin is not None:
            return self.plugin.label
        return super().get_page_subtitle()

    def get_initial_form_instance(self):
        return Programme(programme_type=self.plugin.key)

    def get_add_url(self):
        return with_type(super().get_add_url(), self.plugin)

    def get_preview_url(self):
        return with_type(super().get_preview_url(), self.plugin)


def reverse_add(view):
    """The add view's own URL: the type chooser."""
    return reverse(view.add_url_name)


def with_type(url, plugin):
    if url is None or plugin is None:
        return url
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{urlencode({TYPE_PARAMETER: plugin.key})}"


class ProgrammeEditView(EditView):
    def get(self, request, *args, **kwargs):
        if registry.get_registered(self.object.programme_type) is None:
            messages.warning(
                request,
                gettext(
                    "The programme type “%(type)s” is not installed: the programme is hidden "
                    "from the public, and its type's details are kept but cannot be edited "
                    "until the type's plugin is installed again."
                )
                % {"type": self.object.type_label},
            )
        elif self.object.plugin is None:
            messages.warning(
                request,
                gettext(
                    "The programme type “%(type)s” is turned off: the programme is hidden "
                    "from the public, and its type's details are kept but cannot be edited "
                    "until the type is turned on again."
                )
                % {"type": self.object.type_label},
            )
        return super().get(request, *args, **kwargs)


class ProgrammePreviewOnCreateView(PreviewOnCreateView):
    def get_object(self):
        plugin = registry.get(self.request.GET.get(TYPE_PARAMETER, ""))
        return Programme(programme_type=plugin.key if plugin else "")


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "clipboard-list"
    menu_label = _("Programmes")
    menu_order = 220
    add_to_admin_menu = True
    base_form_class = ProgrammeForm
    index_view_class = ProgrammeIndexView
    add_view_class = ProgrammeCreateView
    edit_view_class = ProgrammeEditView
    preview_on_add_view_class = ProgrammePreviewOnCreateView
    copy_view_enabled = False
    list_display = [
        "title",
        TypeColumn("programme_type", label=_("type"), sort_key="programme_type"),
        "community",
        Column("status", label=_("status"), accessor="get_status_display", sort_key="status"),
        LiveStatusTagColumn(),
    ]
    list_export = ["title", "programme_type", "community", "status", "live"]
    search_fields = None  # the model's search_fields, through Wagtail search

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("details"),
        FieldPanel("description"),
        FieldPanel("status"),
        FieldPanel("community"),
        FieldPanel("space"),
        FieldPanel("organisers", widget=CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=CheckboxSelectMultiple),
                FieldPanel("audiences", widget=CheckboxSelectMultiple),
            ],
            heading=_("Themes and audience"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_free"),
                FieldPanel("price"),
                FieldPanel("registration"),
                FieldPanel("registration_url"),
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("How to join"),
        ),
        FieldPanel("image"),
        FieldPanel("slug"),
        # Go-live and expiry times, set in the status side panel like a page's.
        PublishingPanel(),
    ]

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=self.base_form_class).bind_to_model(
            self.model
        )
