"""The layers of docs/architecture.md are the ones `lint-imports` checks (pyproject.toml),
and no import inside a function crosses from one app to another (decision 0022)."""

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("portal", "home", "programmes")
# Wiring and tooling outside the layers (docs/architecture.md).
OUTSIDE = {"portal.settings", "portal.urls", "portal.wsgi", "portal.formats", "portal.demo"}


def contract(contract_id):
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    (found,) = [c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == contract_id]
    return found


def module_name(app):
    return app if app in ("home", "programmes") else f"portal.{app}"


def drawn_layers():
    """The picture's layers, top first: the first word of each line, and those after `·`."""
    text = (ROOT / "docs/architecture.md").read_text()
    picture = text.split("```", 2)[1]
    layers = []
    for line in picture.splitlines():
        apps = re.match(r"^\s{2}([a-z_]+(?:\s+·\s+[a-z_]+)*)\s", line + " ")
        if apps:
            names = [name.strip() for name in apps.group(1).split("·")]
            layers.append(" | ".join(module_name(name) for name in names))
    return layers


def test_the_picture_draws_the_layers_the_contract_checks():
    assert drawn_layers() == contract("layers")["layers"]


def test_every_app_is_in_a_layer_or_named_as_wiring():
    layered = {app.strip() for layer in contract("layers")["layers"] for app in layer.split("|")}
    apps = {f"portal.{p.name}" for p in (ROOT / "portal").iterdir() if (p / "__init__.py").exists()}
    assert apps | {"home", "programmes"} == layered | (OUTSIDE & apps)


def app_of(module):
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "portal" and len(parts) > 1 else parts[0]


def function_level_imports():
    """(module, line, imported) for each import inside a function that names another app,
    except in an AppConfig's `ready()`, where Django wants them."""
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            tree = ast.parse(path.read_text())
            for function in ast.walk(tree):
                if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                    continue
                if function.name == "ready" and path.name == "apps.py":
                    continue
                for node in ast.walk(function):
                    names = []
                    if isinstance(node, ast.Import):
                        names = [alias.name for alias in node.names]
                    elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                        names = [node.module]
                    for name in names:
                        if name.split(".")[0] in PACKAGES and app_of(name) != app_of(module):
                            yield module, node.lineno, name


def test_no_import_inside_a_function_crosses_apps():
    found = sorted({item for item in function_level_imports() if app_of(item[0]) not in OUTSIDE})
    assert found == [], "\n".join(f"{m}:{line} imports {name}" for m, line, name in found)


def is_app_ready(node, parent):
    """An AppConfig's `ready()`, where Django wants the imports that need the models."""
    return (
        node.name == "ready"
        and isinstance(parent, ast.ClassDef)
        and any(
            getattr(base, "id", getattr(base, "attr", "")) == "AppConfig" for base in parent.bases
        )
    )


def tucked_imports():
    """(file, line, imported) for each import of the project's own code inside a function
    or method body (an AppConfig's `ready()` aside): one that dodges a cycle is a cycle."""
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if {"migrations", "tests"} & set(path.parts):
                continue
            tree = ast.parse(path.read_text(), relative)
            parents = {
                child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)
            }
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and not node.level:
                    names = [node.module or ""]
                else:
                    continue
                names = [name for name in names if name.split(".")[0] in PACKAGES]
                enclosing, inside = parents.get(node), False
                while enclosing is not None:
                    if isinstance(enclosing, ast.FunctionDef | ast.AsyncFunctionDef):
                        if is_app_ready(enclosing, parents.get(enclosing)):
                            inside = False
                            break
                        inside = True
                    enclosing = parents.get(enclosing)
                if inside:
                    yield from ((relative, node.lineno, name) for name in names)


def test_the_project_imports_its_own_modules_at_the_top():
    """Within an app as between apps, a module imports what it needs at its top: the
    modules of an app form no cycle (docs/architecture.md, "Imports at the top")."""
    found = list(tucked_imports())
    assert found == [], "\n".join(f"{path}:{line} imports {name}" for path, line, name in found)


# Where Django's cache may be used directly: the caching layer, its backends, and the
# health check (which tests the cache itself).
CACHE_USERS = {"portal/base/caching.py", "portal/base/cache_backends.py", "portal/base/health.py"}


def test_everything_cached_goes_through_the_one_caching_module():
    """One caching layer, named once (decision 0026): no other module reads or writes a
    cache of its own, so there is one vocabulary and one place that keys by version."""
    users = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" in relative or relative.startswith("portal/settings/"):
                continue
            for node in ast.walk(ast.parse(path.read_text(), relative)):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                    ("django.core.cache", "django.views.decorators.cache")
                ):
                    names = {alias.name for alias in node.names}
                    if names - {"never_cache", "cache_control", "patch_cache_control"}:
                        users.add(relative)
                elif isinstance(node, ast.Import) and any(
                    alias.name.startswith("django.core.cache") for alias in node.names
                ):
                    users.add(relative)
    assert users == CACHE_USERS
