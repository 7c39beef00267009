"""Nothing cached by other code is read: the shared caches' keys begin with the code
revision (portal/settings/revision.py), which changes with any file of the portal's code,
templates, translations or static files and with any installed distribution."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from portal.settings.revision import code_revision
from tests.conftest import TEST_REDIS_URL

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.delenv("PORTAL_CODE_REVISION", raising=False)
    for name, text in {
        "portal/base/models.py": "class Page: pass\n",
        "portal/base/migrations/0001_initial.py": "operations = []\n",
        "templates/base.html": "<title>KS</title>\n",
        "locale/sl/LC_MESSAGES/django.po": 'msgid "x"\n',
        "static/css/portal.css": "body {}\n",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


@pytest.mark.parametrize(
    "changed",
    [
        "portal/base/models.py",
        "portal/base/migrations/0001_initial.py",
        "templates/base.html",
        "locale/sl/LC_MESSAGES/django.po",
        "static/css/portal.css",
    ],
)
def test_any_change_to_code_templates_translations_or_static_files_changes_it(project, changed):
    before = code_revision(project)
    assert code_revision(project) == before  # the same files, the same revision
    path = project / changed
    path.write_text(path.read_text() + "# changed\n")
    assert code_revision(project) != before


def test_a_new_migration_changes_it(project):
    before = code_revision(project)
    (project / "portal/base/migrations/0002_more.py").write_text("operations = []\n")
    assert code_revision(project) != before


def test_a_deploy_may_name_it(project, monkeypatch):
    monkeypatch.setenv("PORTAL_CODE_REVISION", "3f2c1a9")
    assert code_revision(project) == "3f2c1a9"


CACHE_A_PAGE = """
import django, sys
django.setup()
from django.core.cache import caches
from wagtail.models import Site
# A model instance, pickled by this code (a cached page would be one too).
if sys.argv[1] == "store":
    caches["default"].set("kept", Site(hostname="golnik.example", site_name="Golnik"), 60)
else:
    kept = caches["default"].get("kept")
    print(kept.site_name if kept is not None else "nothing")
"""


@pytest.fixture
def shared_redis():
    """A key prefix of this test's own on the tests' Redis, removed after it."""
    import redis

    client = redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=0.5)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip(f"No Redis answers at {TEST_REDIS_URL}.")
    prefix = f"portal-test-{uuid.uuid4().hex[:12]}"
    yield prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def in_a_process(action, revision, prefix):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "REDIS_URL": TEST_REDIS_URL,
        "PORTAL_CODE_REVISION": revision,
        "CACHE_KEY_PREFIX": prefix,
    }
    done = subprocess.run(
        [sys.executable, "-c", CACHE_A_PAGE, action],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.redis
def test_a_page_cached_by_one_deploy_is_not_read_by_the_next(shared_redis):
    in_a_process("store", "old-code", shared_redis)
    assert in_a_process("read", "old-code", shared_redis) == "Golnik"
    assert in_a_process("read", "new-code", shared_redis) == "nothing"
