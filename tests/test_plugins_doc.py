"""The example in docs/plugins.md runs: it registers its plugin, makes a programme of the
type and renders the type's section with its template."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.blocks.struct_block import StructBlockValidationError

from programmes import registry
from programmes.models import Programme

DOC = Path(__file__).resolve().parent.parent / "docs" / "plugins.md"


def code_blocks(language):
    return re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


@pytest.fixture
def example_templates(tmp_path):
    """The doc's templates, each saved under the name its first line gives."""
    for block in code_blocks("html"):
        name = re.match(r"\{# (\S+) #\}\n", block).group(1)
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(block, encoding="utf-8")
    engine = {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    with override_settings(TEMPLATES=[engine]):
        yield


@pytest.fixture
def unregister_example():
    yield
    registry.unregister("tool_library")


@pytest.mark.django_db
def test_the_example_plugin_runs(example_templates, unregister_example):
    namespace = {"__name__": "docs_plugins_example"}
    for block in code_blocks("python"):
        exec(compile(block, str(DOC), "exec"), namespace)

    plugin = registry.get("tool_library")
    assert plugin is not None and plugin.label == "tool library"
    library = Programme.objects.get(programme_type="tool_library")
    assert library.details["loan_days"] == 7
    assert "vrtalni stroj, lestev" in namespace["html"]
    assert 'id="programme-details-heading"' in namespace["html"]


@pytest.mark.django_db
def test_the_example_plugins_clean_names_its_field(unregister_example):
    namespace = {"__name__": "docs_plugins_example"}
    exec(compile(code_blocks("python")[0], str(DOC), "exec"), namespace)
    block = registry.get("tool_library").block
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"tools": [], "loan_days": 7}))
    assert "tools" in error.value.block_errors
