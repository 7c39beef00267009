"""Pytest fixtures and a check for authors of programme plugins.

Load it from the plugin's top-level `conftest.py` (after pytest-django has set Django up):

    pytest_plugins = ["programmes.testing"]

Fixtures: `programme_community`, a live local community (of the project's
`PROGRAMMES_COMMUNITY_MODEL`), and `make_programme`, which makes a published programme of
a type. The admin client is pytest-django's `admin_client`. `assert_plugin_round_trips`
checks a type end to end: its admin form as the browser posts it, the edit form, the
public page and the API.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from wagtail import blocks
from wagtail.blocks.base import get_error_json_data
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import querydict_from_html

from programmes import registry
from programmes.models import Programme

# The editor form of a snippet, and the block field of a programme's type in it.
EDITOR_FORM_ID = "w-editor-form"
DETAILS_FIELD = "details"
# Where Wagtail's API router (conventionally named "wagtailapi") serves one programme.
API_DETAIL_URL_NAME = "wagtailapi:programmes:detail"


@pytest.fixture
def programme_community(db):
    """A live local community of the project's community model, under the default
    site's home page. A project whose community is not a page overrides this fixture."""
    model = apps.get_model(settings.PROGRAMMES_COMMUNITY_MODEL)
    if not issubclass(model, Page):
        pytest.fail(
            f"{model.__name__} is not a page: define the `programme_community` fixture in "
            "your conftest.py to make one."
        )
    home = Site.objects.get(is_default_site=True).root_page
    community = model(title="KS Preskusna", slug="preskusna")
    home.add_child(instance=community)
    community.save_revision().publish()
    community.refresh_from_db()
    return community


@pytest.fixture
def make_programme(db):
    """`make_programme(type_key, values, **fields)`: a published programme of the type
    with the block values `values` (a dict, missing fields get their defaults), saved as
    the admin saves it; `publish=False` leaves it a draft."""

    def make(type_key, values=None, *, publish=True, **fields):
        plugin = active_plugin(type_key)
        fields.setdefault("title", f"{plugin.stored_label().capitalize()} za preskus")
        fields.setdefault("summary", "Program za preskus vrste programa.")
        # Through the block value, so fields left out get their defaults.
        value = plugin.to_python(plugin.get_prep_value(values or {}))
        programme = Programme(
            programme_type=type_key, details=plugin.get_prep_value(value), **fields
        )
        programme.full_clean()
        programme.save()
        revision = programme.save_revision()
        if publish:
            revision.publish()
        programme.refresh_from_db()
        return programme

    return make


def assert_plugin_round_trips(
    client, type_key, values, *, community=None, api_url_name=API_DETAIL_URL_NAME, **fields
):
    """Checks that the block values `values` of the type `type_key` (a dict of its fields:
    dates as `date`, decimals as `Decimal`, chosen pages or images as instances) are kept
    all the way, and returns the programme:

    - an editor (`client`, logged in to the admin) adds and publishes a programme of the
      type with them, posting the form as the browser's block editor does;
    - what is read back is equal, of the same Python type;
    - the edit form shows them with no error, and saving it unchanged keeps them;
    - the public page shows the type's section;
    - the API (`api_url_name`; None to leave it out) gives the type's `api_fields`.
    """
    plugin = active_plugin(type_key)
    unknown = set(values) - set(plugin.block.child_blocks)
    if unknown:
        pytest.fail(f"The type {type_key!r} has no field {', '.join(sorted(unknown))}.")
    expected = plugin.to_python(plugin.get_prep_value(values))

    add_url = f"{reverse(Programme.snippet_viewset.get_url_name('add'))}?type={type_key}"
    fields.setdefault("title", f"{plugin.stored_label().capitalize()} za preskus")
    fields.setdefault("summary", "Program za preskus vrste programa.")
    if community is not None:
        fields["community"] = str(community.pk)
    before = set(Programme.objects.values_list("pk", flat=True))
    post_editor_form(client, add_url, plugin.block, plugin.block.get_form_state(expected), fields)
    programme = Programme.objects.exclude(pk__in=before).get()
    assert_same(plugin.block, plugin.to_python(programme.details), expected, "saved")

    edit_url = reverse(Programme.snippet_viewset.get_url_name("edit"), args=[programme.pk])
    response = client.get(edit_url)
    assert response.status_code == 200, f"The edit form answered {response.status_code}."
    state, errors = block_arguments(response.content)
    assert errors is None, f"The edit form shows errors: {errors}"
    saved = programme.details
    post_editor_form(client, edit_url, plugin.block, state, {})
    programme.refresh_from_db()
    assert programme.details == saved, (
        f"Saving the edit form unchanged changed the details: {saved} → {programme.details}"
    )
    assert programme.live, "The programme was not published."

    assert_public_page_shows_section(client, programme)
    if api_url_name is not None:
        response = client.get(reverse(api_url_name, args=[programme.pk]))
        assert response.status_code == 200, f"The API answered {response.status_code}."
        data = response.json()
        assert data["programme_type"]["key"] == type_key
        assert data["details"] == plugin.api_representation(expected), (
            f"The API gives {data['details']}, not {plugin.api_representation(expected)}."
        )
    return programme


def active_plugin(type_key):
    plugin = registry.get(type_key)
    if plugin is None:
        pytest.fail(
            f"No active programme type {type_key!r}: is its app installed, and listed in "
            "PROGRAMME_PLUGINS if that is set?"
        )
    return plugin


def browser_form_data(html, form_id=EDITOR_FORM_ID):
    """The inputs of a form as a browser posts them."""
    data = querydict_from_html(html, form_id=form_id).copy()
    # A ticked checkbox without a value attribute is sent as "on".
    for checkbox in BeautifulSoup(html, "html.parser").select(
        f"#{form_id} input[type=checkbox][checked]:not([value])"
    ):
        data[checkbox["name"]] = "on"
    return data


def block_arguments(html, name=DETAILS_FIELD):
    """What a page hands the block editor of the field `name`: its form state and errors
    (None, or `{"messages": …, "blockErrors": …}`)."""
    element = BeautifulSoup(html, "html.parser").find(id=name, attrs={"data-block": True})
    assert element is not None, f"The form has no block field {name!r}."
    state, errors = json.loads(element["data-w-block-arguments-value"])
    return state, errors


def block_form_data(block, state, prefix):
    """What Wagtail's block editor posts for `block` showing `state` (its form state):
    a dict of field names and values (a list for a field sent once per value)."""
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child in block.child_blocks.items():
            data.update(block_form_data(child, (state or {}).get(name), f"{prefix}-{name}"))
        return data
    if isinstance(block, blocks.ListBlock):
        data = {f"{prefix}-count": str(len(state or []))}
        for index, item in enumerate(state or []):
            item_prefix = f"{prefix}-{index}"
            data.update(block_form_data(block.child_block, item["value"], f"{item_prefix}-value"))
            data.update(
                {
                    f"{item_prefix}-deleted": "",
                    f"{item_prefix}-order": str(index),
                    f"{item_prefix}-id": item.get("id") or "",
                }
            )
        return data
    if isinstance(block, blocks.BooleanBlock):
        return {prefix: "on"} if state else {}
    if isinstance(block, blocks.ChooserBlock):
        return {prefix: str(state["id"]) if state else ""}
    if isinstance(block, blocks.FieldBlock):
        # A select's state lists what it selects (one value, or several).
        if isinstance(state, list):
            return {prefix: [str(item) for item in state]}
        return {prefix: "" if state is None else str(state)}
    raise TypeError(f"{type(block).__name__} is not a block type this check knows how to post.")


def post_editor_form(client, url, block, details_state, fields):
    """Posts the editor form at `url` as the browser does, publishing: its own inputs with
    `fields` changed, and the type's block editor (`block`) showing `details_state`."""
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}."
    data = browser_form_data(response.content.decode())
    for name, value in {**fields, "action-publish": "publish"}.items():
        data[name] = value
    form = {**dict(data.lists()), **block_form_data(block, details_state, DETAILS_FIELD)}
    response = client.post(url, form)
    if response.status_code != 302:
        pytest.fail(
            f"Saving the form at {url} answered {response.status_code}: {form_errors(response)}"
        )


def form_errors(response):
    """The errors of the response's form, those of the block fields by field."""
    form = response.context.get("form") if response.context else None
    if form is None:
        return ""
    return {
        name: [get_error_json_data(error) for error in errors.as_data()]
        for name, errors in form.errors.items()
    }


def assert_same(block, value, expected, when, path="details"):
    """`value` equals `expected` field by field, each of the same Python type (chosen
    objects by their id)."""
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            assert_same(child, value[name], expected[name], when, f"{path}.{name}")
    elif isinstance(block, blocks.ListBlock):
        assert len(value) == len(expected), f"{path} {when}: {list(value)} ≠ {list(expected)}"
        for index, (item, expected_item) in enumerate(zip(value, expected, strict=True)):
            assert_same(block.child_block, item, expected_item, when, f"{path}[{index}]")
    elif isinstance(block, blocks.ChooserBlock):
        assert getattr(value, "pk", None) == getattr(expected, "pk", None), (
            f"{path} {when}: {value!r} ≠ {expected!r}"
        )
    else:
        assert value == expected and type(value) is type(expected), (
            f"{path} {when}: {value!r} ({type(value).__name__}) ≠ "
            f"{expected!r} ({type(expected).__name__})"
        )


def assert_public_page_shows_section(client, programme):
    url = programme.get_url()
    assert url, "The project gives programmes no public address (PROGRAMMES_URL_RESOLVER)."
    response = client.get(url)
    assert response.status_code == 200, f"The public page {url} answered {response.status_code}."
    with translation.override(settings.LANGUAGE_CODE):
        section = Template("{% load programme_tags %}{% programme_details programme %}").render(
            Context({"programme": programme})
        )
    assert section.strip(), "The type's template renders nothing."
    assert " ".join(section.split()) in " ".join(response.content.decode().split()), (
        f"The public page {url} does not show the type's section:\n{section}"
    )
