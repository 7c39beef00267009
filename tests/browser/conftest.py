"""A real server and a real browser for the checks that only a browser can make.

The server is a separate process with its own SQLite database holding the Kranj demo data,
apart from the test database of the rest of the suite. The browser is Debian's Chromium,
driven by Playwright: nothing is downloaded. Without /usr/bin/chromium the browser tests are
skipped, except under CI (CI=true), where they must run and so fail instead.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# No network here besides package registries: keep Chromium from calling home.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SERVER_START_TIMEOUT = 30


def _cannot_run(reason):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI=true, so the browser tests must run.", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="package")
def chromium():
    if not CHROMIUM.exists():
        _cannot_run(f"{CHROMIUM} is missing: install Debian's chromium (make test does it as root)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _cannot_run('Playwright is not installed: pip install -e ".[test]"')
    return sync_playwright


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Migrate and load the demo data in one process: Django and Wagtail start once, not twice.
PREPARE_DATABASE = """
import django
from django.core.management import call_command

django.setup()
call_command("migrate", interactive=False, verbosity=0)
call_command("load_demo_data", force=True, verbosity=0)
"""


def _prepare_database(env):
    result = subprocess.run(
        [sys.executable, "-c", PREPARE_DATABASE],
        cwd=PROJECT_DIR,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        pytest.fail(f"migrate and load_demo_data failed:\n{result.stdout}\n{result.stderr}")


def _wait_until_answering(url, server, log_path):
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    pytest.fail(f"The portal did not start on {url}:\n{log_path.read_text()}")


@pytest.fixture(scope="package")
def portal_url(chromium, tmp_path_factory):
    """Base URL of a real server with the Kranj demo portal, on a database of its own."""
    folder = tmp_path_factory.mktemp("browser")
    media = folder / "media"
    media.mkdir()
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(
        DATABASE_URL=f"sqlite:///{folder / 'browser.sqlite3'}",
        DJANGO_SETTINGS_MODULE="tests.browser.server_settings",
        BROWSER_TEST_MEDIA_ROOT=str(media),
        PYTHONUNBUFFERED="1",
    )
    _prepare_database(env)
    # Pages whose address the demo data decides are looked up in it (`portal_pages`).
    os.environ["BROWSER_TEST_DATABASE"] = str(folder / "browser.sqlite3")

    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = folder / "server.log"
    with log_path.open("w") as log:
        # Threaded, as the production server is. Chromium opens connections ahead of need
        # and keeps uncredentialed requests (the events widget's fetch) on connections of
        # their own: a single-threaded server, blocked reading an idle one, never answered
        # the widget's request, about once in 60 visits on a loaded machine.
        server = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                "--noreload",
                "--skip-checks",
                f"127.0.0.1:{port}",
            ],
            cwd=PROJECT_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_answering(url + "/", server, log_path)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="package")
def browser(chromium):
    with chromium() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.__reportSecurityPolicyViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`
        + ` (${event.sourceFile || document.URL}:${event.lineNumber})`
    );
}, true);
"""


def _note(page, problem):
    if page is not None:
        page.problems.append(problem)


@pytest.fixture(scope="package")
def browser_context(browser):
    """One browser profile for the browser tests, speaking Slovenian, at a desktop size.

    It notes on each tab (`page.problems`) what the site must never cause: a
    Content-Security-Policy violation, a console error or an uncaught script error.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="sl-SI")
    context.expose_binding(
        "__reportSecurityPolicyViolation",
        lambda source, text: _note(source["page"], f"CSP violation: {text}"),
    )
    context.add_init_script(CSP_LISTENER)
    context.on(
        "console",
        lambda message: (
            message.type == "error"
            and _note(message.page, f"console error: {message.text} ({message.location['url']})")
        ),
    )
    yield context
    context.close()


# Wagtail's editor saves on its own half a second after a change (autosave: a POST asking for
# JSON). The server refuses it with 400 by design when the form is not valid yet or when a
# publish has overtaken it ("invalid_revision"), and the browser logs every 4xx as a console
# error. That refusal is Wagtail's answer, not the portal's fault; any other status still counts.
AUTOSAVE_REFUSED = (
    "Failed to load resource: the server responded with a status of 400 (Bad Request)"
)


def _is_autosave(request):
    return (
        request.method == "POST"
        and "/admin/" in request.url
        and request.url.endswith("/edit/")
        and "application/json" in request.headers.get("accept", "")
    )


@pytest.fixture
def page(browser_context):
    """A new tab for one test. After the test, the tab must have reported no problem."""
    page = browser_context.new_page()
    page.problems = []
    page.expected_problems = []
    page.on("pageerror", lambda error: _note(page, f"script error: {error}"))
    autosaved = set()
    page.on("request", lambda request: _is_autosave(request) and autosaved.add(request.url))
    try:
        yield page
        # One more round trip, so that what the page reported so far has reached us.
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => setTimeout(done)))")
        expected = set(page.expected_problems) | {
            f"console error: {AUTOSAVE_REFUSED} ({url})" for url in autosaved
        }
        problems = [problem for problem in page.problems if problem not in expected]
        assert not problems, f"{page.url} reported:\n" + "\n".join(problems)
    finally:
        page.close()
