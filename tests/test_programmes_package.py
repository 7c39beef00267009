"""The `programmes` package stands on its own: its registry, and no import of the portal."""

import ast
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from portal.base.caching import content_version
from portal.stakeholders.models import Stakeholder
from programmes import discovery, registry
from programmes.models import Theme
from tests.programme_helpers import programme

PACKAGE = Path(__file__).resolve().parent.parent / "programmes"
PROJECT_PACKAGES = {"portal", "home", "tests"}


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def test_programmes_imports_nothing_from_the_portal():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 10
    offending = [
        f"{path.relative_to(PACKAGE.parent)}: {name}"
        for path in modules
        for name in imported_modules(path)
        if name.split(".")[0] in PROJECT_PACKAGES
    ]
    assert offending == []


class Sauna(registry.ProgrammePlugin):
    key = "repair_cafe"
    label = "sauna"


def test_a_type_key_can_be_registered_only_once():
    with pytest.raises(ImproperlyConfigured, match="registered twice"):
        registry.register(Sauna)
    assert type(registry.get_registered("repair_cafe")).__name__ == "RepairCafe"


def test_a_plugin_needs_a_key_and_a_label():
    with pytest.raises(ImproperlyConfigured):
        registry.register(type("Nameless", (registry.ProgrammePlugin,), {}))


def test_unregister_removes_a_plugin():
    plugin = type("Sauna", (registry.ProgrammePlugin,), {"key": "sauna", "label": "sauna"})
    registry.register(plugin)
    assert registry.get("sauna") is not None
    registry.unregister("sauna")
    assert registry.get_registered("sauna") is None


@override_settings(PROGRAMME_PLUGINS=["workshop", "no_such_type", "repair_cafe"])
def test_the_setting_chooses_the_active_plugins_in_its_order():
    assert [plugin.key for plugin in registry.active()] == ["workshop", "repair_cafe"]
    assert registry.get("community_garden") is None
    assert registry.get_registered("community_garden") is not None


@override_settings(PROGRAMME_PLUGINS=None)
def test_without_the_setting_every_registered_plugin_is_active():
    assert registry.active() == registry.registered()


def test_api_representation_keeps_the_plugins_api_fields():
    plugin = registry.get("bike_kitchen")
    value = plugin.to_python({"stands": 2, "mechanic": "Janez"})
    assert plugin.api_representation(value) == {"stands": 2, "parts": []}


@pytest.mark.django_db
def test_saving_deleting_and_relinking_a_programme_renews_the_content_version():
    before = content_version()
    item = programme("Energetsko svetovanje", "energy_advice")
    assert content_version() != before

    agency = Stakeholder.objects.create(name="Energetska agencija", sector="public")
    before = content_version()
    agency.programmes.add(item)
    assert content_version() != before

    before = content_version()
    Theme.objects.get(key="energy").programmes.add(item)
    assert content_version() != before

    before = content_version()
    item.delete()
    assert content_version() != before


def found(*entry_points):
    """`entry_points(group=…)` as if installed packages declared these (name, value)."""
    return lambda group: [EntryPoint(name, value, group) for name, value in entry_points]


def test_installed_plugin_apps_follow_the_listed_ones_once_each(monkeypatch):
    monkeypatch.setattr(
        discovery,
        "entry_points",
        found(
            ("tool_library", "tests.programme_test_app"), ("garden", "tests"), ("again", "tests")
        ),
    )
    listed = ["programmes", "django.contrib.auth"]
    assert discovery.with_plugin_apps(listed) == [*listed, "tests", "tests.programme_test_app"]
    # Already listed, as a module or as its AppConfig: not added again.
    assert discovery.with_plugin_apps([*listed, "tests.programme_test_app"]) == [
        *listed,
        "tests.programme_test_app",
        "tests",
    ]
    assert discovery.with_plugin_apps(["tests.apps.TestsConfig"]) == [
        "tests.apps.TestsConfig",
        "tests.programme_test_app",
    ]


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("no_such_plugin_module", "which is not installed"),
        ("no_such_package.plugin", "cannot be found"),
        ("tool_library:ToolLibrary", "must name a Django app module"),
        ("tool library", "must name a Django app module"),
    ],
)
def test_an_entry_point_naming_no_app_is_refused_naming_it(monkeypatch, value, problem):
    monkeypatch.setattr(discovery, "entry_points", found(("tool_library", value)))
    with pytest.raises(ImproperlyConfigured, match=problem) as error:
        discovery.with_plugin_apps(["programmes"])
    assert f"tool_library = {value!r}" in str(error.value)
    assert "'portal.plugins'" in str(error.value)
