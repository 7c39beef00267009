"""Plugins installed with pip, found through their Python entry points.

A plugin's distribution declares, in its `pyproject.toml`,

    [project.entry-points."portal.plugins"]
    tool_library = "tool_library"

whose value is its Django app. The project's settings add those apps to `INSTALLED_APPS`
(`with_plugin_apps`), so installing the package is all it takes; `PROGRAMME_PLUGINS` may
still turn its programme type off. Read only at start-up: the settings call it once.
"""

import importlib.util
from importlib.metadata import entry_points

from django.core.exceptions import ImproperlyConfigured

GROUP = "portal.plugins"


def installed_plugin_apps(group=GROUP):
    """The app modules that installed distributions name in the entry point `group`, in
    the order of their names; an entry point that names no importable module is refused,
    naming it."""
    apps = []
    for entry_point in sorted(entry_points(group=group), key=lambda found: found.name):
        app = entry_point.value.strip()
        if app not in apps:
            check_app(entry_point, app, group)
            apps.append(app)
    return apps


def check_app(entry_point, app, group):
    where = (
        f"The entry point {entry_point.name} = {entry_point.value!r} in the group {group!r} "
        f"of the installed package {distribution_name(entry_point)}"
    )
    if ":" in app or not all(part.isidentifier() for part in app.split(".")):
        raise ImproperlyConfigured(
            f"{where} must name a Django app module, such as {entry_point.name!r}."
        )
    try:
        found = importlib.util.find_spec(app)
    except (ImportError, ValueError) as error:
        raise ImproperlyConfigured(
            f"{where} names a module that cannot be found: {error}"
        ) from error
    if found is None:
        raise ImproperlyConfigured(
            f"{where} names the module {app!r}, which is not installed. Reinstall the package "
            "or uninstall it."
        )


def distribution_name(entry_point):
    dist = entry_point.dist
    return f"{dist.name} {dist.version}" if dist is not None else "(unknown)"


def with_plugin_apps(installed_apps, group=GROUP):
    """`installed_apps` and after them every installed plugin's app not listed already
    (as its module, or as its `AppConfig`'s dotted path)."""
    listed = list(installed_apps)
    added = [
        app
        for app in installed_plugin_apps(group)
        if not any(name == app or name.startswith(f"{app}.apps.") for name in listed)
    ]
    return [*listed, *added]
