"""The built-in programme types, discovered like any other app's `programme_plugins`."""

from programmes.plugins import (  # noqa: F401
    community_garden,
    energy_advice,
    intergenerational,
    repair_cafe,
    workshop,
)
