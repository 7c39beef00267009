"""The example of docs/plugins.md is true: its package, built from the page's code blocks
in a folder outside the portal and installed with pip, is found by the portal with no
settings edit, and its own tests (which use `programmes.testing`) pass against the
portal; its code also runs in this process."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.blocks.struct_block import StructBlockValidationError

from programmes import registry
from programmes.models import Programme

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "plugins.md"
# The first line of a code block that is a file of the example package names its path.
FILE_HEADER = re.compile(r"(?:#|\{#) ((?:[\w-]+/)*[\w-]+\.\w+)(?: #\})?\n")


def code_blocks(language):
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def package_files():
    """The example package's files: {path in its folder: text}."""
    files = {}
    for language in ("toml", "python", "html", "po"):
        for block in code_blocks(language):
            header = FILE_HEADER.match(block)
            if header:
                files[header.group(1)] = block
    return files


def snippets():
    """The doc's Python that is not a file of the package (shell examples)."""
    return [block for block in code_blocks("python") if not FILE_HEADER.match(block)]


def test_the_doc_gives_every_file_of_the_package():
    assert set(package_files()) == {
        "pyproject.toml",
        "conftest.py",
        "tests/test_tool_library.py",
        "tool_library/__init__.py",
        "tool_library/programme_plugins.py",
        "tool_library/templates/tool_library/programme.html",
        "tool_library/locale/sl/LC_MESSAGES/django.po",
    }


# --- The example installed with pip, as a plugin author ships it -----------------------


@pytest.fixture(scope="module")
def installed_example(tmp_path_factory):
    """The doc's package in a folder of its own, built as its author builds it (the
    translations compiled first) and installed with pip into a folder of its own, which
    the portal's processes below get on their path. Removed afterwards."""
    if shutil.which("msgfmt") is None:
        reason = "msgfmt (GNU gettext) is needed to build the example's translations"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI=true, so these tests must run.", pytrace=False)
        pytest.skip(reason)
    base = tmp_path_factory.mktemp("plugin-example")
    source, target = base / "tool-library", base / "site-packages"
    for name, text in package_files().items():
        path = source / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    catalogue = source / "tool_library" / "locale" / "sl" / "LC_MESSAGES" / "django.po"
    run(["msgfmt", "--check", "-o", str(catalogue.with_suffix(".mo")), str(catalogue)])
    # No build isolation: the build backend comes from the portal's own test dependencies,
    # so nothing is downloaded.
    run(
        [
            *(sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"),
            *("--no-deps", "--no-index", "--no-build-isolation", "--target", str(target)),
            str(source),
        ]
    )
    yield source, target
    shutil.rmtree(base, ignore_errors=True)


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, **kwargs)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


def portal_environment(target, settings_module):
    """A portal process with the installed plugin on its path, and nothing of this test
    run: its own in-memory SQLite database (this run may hold a test database of the
    same name), no Redis, no pytest workers."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DATABASE_URL", "REDIS_URL") and not name.startswith("PYTEST_")
    }
    environment["PYTHONPATH"] = str(target)
    environment["DJANGO_SETTINGS_MODULE"] = settings_module
    environment.pop("PROGRAMME_PLUGINS", None)
    return environment


FIND_THE_PLUGIN = """
import json
import django
django.setup()
from django.conf import settings
from django.template.loader import get_template
from django.utils import translation
import tool_library
from programmes import registry

plugin = registry.get_registered("tool_library")
with translation.override("sl"):
    label = str(plugin.label)
print(json.dumps({
    "apps": settings.INSTALLED_APPS,
    "module": tool_library.__file__,
    "active": registry.get("tool_library") is not None,
    "label": label,
    "template": get_template(plugin.template).origin.name,
}))
"""


def test_the_portal_finds_the_pip_installed_plugin_with_no_settings_edit(installed_example):
    source, target = installed_example
    environment = portal_environment(target, "portal.settings.dev")
    run(
        [sys.executable, "manage.py", "check", "--fail-level", "WARNING"], cwd=ROOT, env=environment
    )
    found = json.loads(
        run([sys.executable, "-c", FIND_THE_PLUGIN], cwd=ROOT, env=environment).stdout
    )
    assert found["apps"].count("tool_library") == 1
    assert found["active"]
    assert found["label"] == "knjižnica stvari"
    assert Path(found["module"]).is_relative_to(target)
    assert Path(found["template"]).is_relative_to(target)

    # The setting still turns an installed type off.
    environment["PROGRAMME_PLUGINS"] = "repair_cafe,workshop"
    found = json.loads(
        run([sys.executable, "-c", FIND_THE_PLUGIN], cwd=ROOT, env=environment).stdout
    )
    assert found["apps"].count("tool_library") == 1
    assert not found["active"]


def test_the_examples_own_tests_pass_against_the_portal(installed_example):
    """The plugin's tests, run as the doc says, with `programmes.testing`: the admin form
    with its date, time and decimal fields, the public page in Slovenian and the API."""
    source, target = installed_example
    result = subprocess.run(
        [sys.executable, "-m", "pytest", str(source), "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=portal_environment(target, "portal.settings.test"),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout


def test_a_broken_plugin_package_stops_the_portal_naming_it(tmp_path):
    """An installed package whose entry point names a module that is not there (a
    package half removed, a typo): the portal does not start, and says which."""
    metadata = tmp_path / "portal_broken_plugin-1.0.dist-info"
    metadata.mkdir()
    (metadata / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: portal-broken-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (metadata / "entry_points.txt").write_text(
        "[portal.plugins]\nbroken = broken_plugin\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=portal_environment(tmp_path, "portal.settings.dev"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "The entry point broken = 'broken_plugin' in the group 'portal.plugins'" in (
        result.stderr
    )
    assert "portal-broken-plugin 1.0" in result.stderr


# --- The example's code in this process --------------------------------------------------


@pytest.fixture
def example_templates(tmp_path):
    """The doc's templates, each under its name (its path after `templates/`)."""
    for path, text in package_files().items():
        if "/templates/" in path:
            name = tmp_path / path.split("/templates/", 1)[1]
            name.parent.mkdir(parents=True, exist_ok=True)
            name.write_text(text, encoding="utf-8")
    engine = {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    with override_settings(TEMPLATES=[engine]):
        yield


@pytest.fixture
def example_plugin():
    namespace = {"__name__": "docs_plugins_example"}
    exec(compile(package_files()["tool_library/programme_plugins.py"], str(DOC), "exec"), namespace)
    yield registry.get("tool_library")
    registry.unregister("tool_library")


@pytest.mark.django_db
def test_the_shell_example_makes_a_programme_and_renders_its_section(
    example_templates, example_plugin
):
    namespace = {"__name__": "docs_plugins_example"}
    for block in snippets():
        exec(compile(block, str(DOC), "exec"), namespace)
    library = Programme.objects.get(programme_type="tool_library")
    assert library.details["loan_days"] == 7
    assert library.details["deposit"] == "20.00"
    assert library.details["lending_until"] == "19:30:00"
    assert "vrtalni stroj, lestev" in namespace["html"]
    assert "17.00–19.30" in namespace["html"]
    assert 'id="programme-details-heading"' in namespace["html"]


def test_the_example_plugins_clean_names_its_fields(example_plugin):
    block = example_plugin.block
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(
            block.to_python(
                {"tools": [], "loan_days": 7, "lending_from": "18:00", "lending_until": "17:00"}
            )
        )
    assert set(error.value.block_errors) == {"tools", "lending_until"}
