"""The code revision: what the cache keys of every shared cache begin with.

Cached pages, fragments and API answers are pickles of the code that made them (a `Page`
of today's models, HTML of today's templates and translations, URLs of today's static
files). A deploy that changes any of these must never read them back: the shared caches'
`KEY_PREFIX` carries this revision, so new code starts with caches of its own, and old
and new hosts side by side during a rolling deploy never read each other's entries.

The revision is `PORTAL_CODE_REVISION` when the deploy sets it (a commit id, say);
otherwise a hash of the portal's own files (code, migrations, templates, translations,
static files) and of the name and version of every installed distribution (Django,
Wagtail, plugins), worked out once when the settings load (a few milliseconds).
"""

import hashlib
import os
from importlib.metadata import distributions
from pathlib import Path

SOURCES = ("portal", "home", "programmes", "templates", "static", "locale")
SKIPPED = {"__pycache__", "node_modules"}


def code_revision(base_dir):
    given = os.environ.get("PORTAL_CODE_REVISION", "").strip()
    if given:
        return given[:40]
    digest = hashlib.sha256()
    for path in source_files(Path(base_dir)):
        digest.update(str(path.relative_to(base_dir)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    installed = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in distributions() if dist.metadata
    )
    digest.update("\n".join(installed).encode())
    return digest.hexdigest()[:12]


def source_files(base_dir):
    for name in SOURCES:
        top = base_dir / name
        if not top.is_dir():
            continue
        for folder, subfolders, files in os.walk(top):
            subfolders[:] = sorted(d for d in subfolders if d not in SKIPPED)
            for file in sorted(files):
                if not file.endswith((".pyc", ".pyo")):
                    yield Path(folder) / file
