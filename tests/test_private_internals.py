"""The private parts of Django and Wagtail the portal relies on (docs/private-internals.md),
each checked as the portal uses it: an upgrade that changes one fails here, naming it."""

import inspect
from pathlib import Path

import pytest
import wagtail
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection, transaction
from django.db.models import QuerySet
from django.db.models.fields.files import FieldFile
from django.test import RequestFactory
from django.urls import resolve, reverse
from treebeard.mp_tree import MP_Node
from wagtail.admin.ui.tables import Column
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Page, Site

pytestmark = pytest.mark.django_db


def source(function):
    return inspect.getsource(function)


def parameters(function):
    return list(inspect.signature(function).parameters)


def test_the_site_lookup_reads_the_raw_host_and_wagtail_reads_its_request_caches():
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    assert request._get_raw_host() == "localhost"
    assert "_get_raw_host()" in source(Site._find_for_request)
    assert "_wagtail_site" in source(Site.find_for_request)
    assert "_wagtail_cached_site_root_paths" in source(Page._get_site_root_paths)


def test_a_site_holds_its_root_page_in_the_fields_cache():
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    assert "root_page" in site._state.fields_cache


def test_querysets_iterate_through_their_iterable_class():
    queryset = Page.objects.all()
    clone = queryset._chain()
    assert clone is not queryset
    assert hasattr(clone, "_iterable_class")
    assert "_iterable_class" in source(QuerySet._fetch_all)


def test_the_local_memory_cache_stores_and_culls_through_its_private_methods():
    assert parameters(LocMemCache._set) == ["self", "key", "value", "timeout"]
    assert parameters(LocMemCache._delete) == ["self", "key"]
    assert parameters(LocMemCache._cull) == ["self"]
    for method in (LocMemCache.add, LocMemCache.set, LocMemCache.touch):
        assert "self._" in source(method)
    assert "self._delete(" in source(LocMemCache.delete)
    cache = LocMemCache("internals", {})
    for attribute in ("_cache", "_expire_info", "_cull_frequency"):
        assert hasattr(cache, attribute), attribute


def test_on_commit_callbacks_wait_in_the_connections_list():
    with transaction.atomic():
        transaction.on_commit(print)
        pending = connection.run_on_commit[-1]
        assert len(pending) == 3 and pending[1] is print
        connection.run_on_commit.pop()


def test_the_api_builds_its_serializers_through_a_class_method():
    assert parameters(BaseAPIViewSet._get_serializer_class) == [
        "router",
        "model",
        "fields_config",
        "show_details",
        "nested",
    ]


def test_a_new_file_is_not_yet_committed():
    from wagtail.images.models import Image

    file = FieldFile(None, Image._meta.get_field("file"), "x.png")
    assert file._committed is True
    assert "_committed" in source(FieldFile.save)


@pytest.mark.parametrize(
    "name, kwargs, view",
    [
        (
            "wagtail_bulk_action",
            {"app_label": "wagtailcore", "model_name": "page", "action": "delete"},
            "refuse_foreign_items",
        ),
        ("wagtailadmin_choose_page", {}, "BrowseView"),
        ("wagtailadmin_choose_page_child", {"parent_page_id": 1}, "BrowseView"),
        ("wagtailadmin_choose_page_search", {}, "SearchView"),
        ("wagtailadmin_choose_page_external_link", {}, "ExternalLinkView"),
        (
            "wagtailadmin_pages:move_confirm",
            {"page_to_move_id": 3, "destination_id": 2},
            "move_confirm",
        ),
        ("wagtailadmin_pages:workflow_preview", {"page_id": 3, "task_id": 1}, "workflow_preview"),
        ("wagtailadmin_reports:page_types_usage", {}, "PageTypesUsageView"),
    ],
)
def test_the_ks_boundary_answers_wagtails_admin_urls_first(name, kwargs, view):
    answered_by = resolve(reverse(name, kwargs=kwargs)).func
    answered_by = getattr(answered_by, "view_class", answered_by)
    assert answered_by.__module__.startswith("portal.communities."), (name, answered_by)
    assert answered_by.__name__ == view


def test_chooser_columns_build_each_cell_through_get_cell_context_data():
    assert parameters(Column.get_cell_context_data) == ["self", "instance", "parent_context"]


def test_treebeard_computes_tree_paths_with_get_path():
    assert parameters(MP_Node._get_path) == ["path", "depth", "newstep"]


def test_the_list_names_files_that_use_what_it_lists():
    """docs/private-internals.md stays true: each row's file uses the private names of its
    row (a name that is gone from the code is gone from the list)."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    rows = re.findall(
        r"^\| `([^`]+)`[^|]*\| (.+?) \|", (root / "docs/private-internals.md").read_text(), re.M
    )
    assert len(rows) >= 10
    for path, parts in rows:
        code = (root / path).read_text()
        for name in re.findall(r"\b(_[a-z][a-z_]+)\b", parts):
            assert name in code, (path, name)


def test_the_explorer_builds_its_add_button_in_a_property_named_add_button():
    from wagtail.admin.views.pages.listing import ExplorableIndexView

    assert "add_button" in vars(ExplorableIndexView) or any(
        "add_button" in vars(base) for base in ExplorableIndexView.__mro__
    )
    assert "icon_only=True" in source(ExplorableIndexView.add_button.func)


def wagtail_file(*parts):
    return Path(wagtail.__file__).parent.joinpath(*parts).read_text()


def test_the_add_forms_turn_autosave_off_in_wagtails_create_templates():
    """templates/wagtailadmin/pages/create.html and templates/wagtailsnippets/snippets/
    create.html set these context variables around Wagtail's `content` block."""
    admin = ("admin", "templates", "wagtailadmin")
    page_create = wagtail_file(*admin, "pages", "create.html")
    generic_form = wagtail_file(*admin, "generic", "form.html")
    generic_base = wagtail_file(*admin, "generic", "base.html")
    assert "{% block content %}" in page_create
    assert "{% block content %}" in generic_base
    for form in (page_create, generic_form):
        assert "{% if autosave_enabled %}w-autosave{% endif %}" in form
    header = wagtail_file(*admin, "shared", "headers", "slim_header.html")
    assert "{% if autosave_indicator %}" in header


def test_the_date_picker_keeps_itself_on_its_field_and_reads_single_separators():
    """static/js/admin-dates.js finds the picker's fields by this, and takes out what its
    parser cannot read."""
    picker = wagtail_file(
        "admin", "static", "wagtailadmin", "js", "vendor", "jquery.datetimepicker.js"
    )
    assert 'data("xdsoft_datetimepicker",' in picker
    assert r"separators:/[ \-+\/.:@]/g" in picker
