"""The lock files hold exact versions that pyproject.toml allows, and the suite runs on them.

`requirements.lock` is what deploys install, `requirements-test.lock` what `make test` and
CI install (`make lock` writes both). A requirement changed in pyproject.toml without
`make lock` fails here, in CI, without asking PyPI for anything.
"""

import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
RUNTIME = [Requirement(line) for line in PROJECT["dependencies"]]
TEST = RUNTIME + [Requirement(line) for line in PROJECT["optional-dependencies"]["test"]]


def pins(lock):
    """{name: version} of the lock file's packages that this Python and platform install."""
    text = (ROOT / lock).read_text().replace("\\\n", " ")
    found = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].split(" --hash", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line)
        [specifier] = requirement.specifier
        assert specifier.operator == "==", f"{lock}: {line} is not an exact version"
        if requirement.marker is None or requirement.marker.evaluate():
            name = canonicalize_name(requirement.name)
            assert name not in found, f"{lock}: {name} twice"
            found[name] = Version(specifier.version)
    return found


def unsatisfied(requirements, pinned):
    return [
        f"{requirement} (locked: {pinned.get(canonicalize_name(requirement.name), 'none')})"
        for requirement in requirements
        if (requirement.marker is None or requirement.marker.evaluate())
        and not requirement.specifier.contains(
            pinned.get(canonicalize_name(requirement.name), Version("0")), prereleases=True
        )
    ]


@pytest.mark.parametrize(
    ("lock", "requirements"), [("requirements.lock", RUNTIME), ("requirements-test.lock", TEST)]
)
def test_the_lock_satisfies_pyproject(lock, requirements):
    assert unsatisfied(requirements, pins(lock)) == [], "pyproject.toml changed: run `make lock`"


def test_tests_run_with_the_versions_deploys_install():
    deployed, tested = pins("requirements.lock"), pins("requirements-test.lock")
    assert {name: tested.get(name) for name in deployed} == deployed


def test_this_environment_has_the_locked_versions():
    """`make install-test` installed the test lock, not whatever pip would choose today."""
    locked = pins("requirements-test.lock")
    assert {name: installed_version(name) for name in locked} == locked, "run `make install-test`"


def installed_version(name):
    try:
        return Version(metadata.version(name))
    except metadata.PackageNotFoundError:
        return None
