"""`make prod-check`: run the portal as production does and check what only a real run shows.

gunicorn with production settings on PostgreSQL and Redis (DATABASE_URL, REDIS_URL; the
local services by default), after migrate, collectstatic and the demo data (loaded with
development settings: production has no demo loader) and the deploy checks. Checks that
pages serve over the proxy's HTTPS, the sitemap links the public origin, plain HTTP is
redirected, static files come from whitenoise compressed and cached for a year, uploaded
images (a page's rendition, an original the API links) are served under /media/ and
nothing else there is, anonymous pages come from the shared cache (whatever tracking
parameters the address carries) and, while Redis is down, from the worker's own memory,
each request is logged once as JSON with its id, and /healthz reports the database and the
cache, with a 503 when either is down. Exits non-zero when any check fails.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from gunicorn_process import PORTAL_BASE_URL, Gunicorn, production_environment

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
DATABASE_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_prodcheck")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/13")
HTTPS = {"X-Forwarded-Proto": "https"}

results = []


def check(name, ok, detail=""):
    results.append((name, bool(ok), detail))
    print(f"  {'ok  ' if ok else 'FAIL'} {name}{f' – {detail}' if detail else ''}", flush=True)


def environment(**overrides):
    env = production_environment(
        DATABASE_URL=DATABASE_URL,
        REDIS_URL=REDIS_URL,
        WEB_CONCURRENCY="2",
        LOG_FORMAT="json",
        PROXY_COUNT="0",
    )
    env.update(overrides)
    return env


def manage(*args, env):
    print(f"$ manage.py {' '.join(args)}", flush=True)
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def ensure_database():
    import psycopg

    server, name = DATABASE_URL.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"Created the database {name}.", flush=True)


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body


def request(url, headers=None):
    req = urllib.request.Request(url, headers=headers or {})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(req, timeout=20) as response:
            return Response(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read())


def check_site(server, log_path):
    print(f"Checking {server.url}", flush=True)
    home = request(server.url + "/", HTTPS)
    html = home.body.decode()
    check("home page serves", home.status == 200 and "Golnik" in html, f"status {home.status}")
    check("HSTS header", "max-age=" in (home.headers.get("Strict-Transport-Security") or ""))
    check(
        "Content-Security-Policy",
        "default-src 'self'" in (home.headers.get("Content-Security-Policy") or ""),
    )
    plain = request(server.url + "/")
    check(
        "plain HTTP is redirected to HTTPS",
        plain.status == 301 and (plain.headers.get("Location") or "").startswith("https://"),
        f"status {plain.status}",
    )

    css = re.search(r'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', html)
    check("page links a content-hashed stylesheet", css)
    if css:
        static = request(server.url + css.group(1), {**HTTPS, "Accept-Encoding": "gzip, br"})
        max_age = re.search(r"max-age=(\d+)", static.headers.get("Cache-Control") or "")
        check("stylesheet served", static.status == 200, f"status {static.status}")
        check(
            "stylesheet cached for a year or more",
            max_age and int(max_age.group(1)) >= 365 * 24 * 3600,
            static.headers.get("Cache-Control"),
        )
        check(
            "stylesheet compressed",
            static.headers.get("Content-Encoding") in ("gzip", "br"),
            static.headers.get("Content-Encoding"),
        )

    check_media(server)

    sitemap = request(server.url + "/sitemap.xml", HTTPS)
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap.body.decode())
    check(
        "sitemap links the public origin (PORTAL_BASE_URL)",
        locations and all(url.startswith(PORTAL_BASE_URL + "/") for url in locations),
        f"{len(locations)} addresses, the first {locations[:1]}",
    )

    request(server.url + "/golnik/", HTTPS)
    again = request(server.url + "/golnik/", HTTPS)
    check(
        "anonymous page comes from the cache",
        again.headers.get("X-Cache") == "HIT",
        again.headers.get("X-Cache"),
    )
    tracked = request(server.url + "/golnik/?utm_source=novice&fbclid=x1", HTTPS)
    check(
        "parameters no page reads are left out of the cache key",
        tracked.headers.get("X-Cache") == "HIT",
        tracked.headers.get("X-Cache"),
    )
    import redis

    keys = redis.Redis.from_url(REDIS_URL).keys("*portal:page:*")
    check("cached pages live in Redis", len(keys) > 0, f"{len(keys)} keys")

    health = request(server.url + "/healthz")
    check(
        "/healthz reports database and cache",
        health.status == 200
        and json.loads(health.body) == {"status": "ok", "database": "ok", "cache": "ok"},
        health.body.decode(),
    )

    time.sleep(0.5)
    lines = [line for line in Path(log_path).read_text().splitlines() if line.startswith("{")]
    records = [json.loads(line) for line in lines]
    requests_logged = [r for r in records if r.get("logger") == "portal.requests"]
    check(
        "each request logged once as JSON with an id",
        requests_logged and all(len(r["request_id"]) == 32 for r in requests_logged),
        f"{len(requests_logged)} lines",
    )


def check_media(server):
    html = request(server.url + "/golnik/", HTTPS).body.decode()
    rendition = re.search(r'src="(/media/images/[^"]+)"', html)
    check("KS page shows an uploaded image's rendition", rendition)
    if rendition:
        image = request(server.url + rendition.group(1), HTTPS)
        check(
            "rendition served",
            image.status == 200 and (image.headers.get("Content-Type") or "").startswith("image/"),
            f"status {image.status}, {image.headers.get('Content-Type')}",
        )
        check(
            "rendition cached and not sniffed",
            "max-age=" in (image.headers.get("Cache-Control") or "")
            and image.headers.get("X-Content-Type-Options") == "nosniff",
            image.headers.get("Cache-Control"),
        )
    images = json.loads(request(server.url + "/api/v2/images/?limit=1", HTTPS).body)
    original_url = images["items"][0]["meta"]["download_url"] if images["items"] else ""
    original = request(server.url + re.sub(r"^https?://[^/]+", "", original_url), HTTPS)
    check("original image the API links is served", original.status == 200, original_url)
    outside = request(server.url + "/media/../manage.py", HTTPS)
    check("nothing outside the images under /media/", outside.status == 404, f"{outside.status}")


def check_health_when_down(env, log_dir):
    for name, overrides, failing in (
        ("cache", {"REDIS_URL": "redis://127.0.0.1:1/0"}, "cache"),
        ("database", {"DATABASE_URL": DATABASE_URL.rsplit(":", 1)[0] + ":1/none"}, "database"),
    ):
        server = None
        try:
            server = Gunicorn(
                {**env, **overrides, "WEB_CONCURRENCY": "1"},
                Path(log_dir) / f"down-{name}.log",
                healthy=False,
            )
            health = request(server.url + "/healthz")
            body = json.loads(health.body)
            check(
                f"/healthz is 503 when the {name} is down",
                health.status == 503 and body.get(failing) == "failing",
                health.body.decode(),
            )
            if name == "cache":
                page = request(server.url + "/golnik/", HTTPS)
                check(
                    "pages still serve while the cache is down",
                    page.status == 200,
                    f"status {page.status}",
                )
                again = request(server.url + "/golnik/", HTTPS)
                check(
                    "...from the worker's own memory",
                    again.headers.get("X-Cache") == "HIT",
                    again.headers.get("X-Cache"),
                )
        finally:
            if server:
                server.stop()


def main():
    env = environment()
    ensure_database()
    manage("migrate", "--noinput", "-v0", env=env)
    # As the Procfile's release step: the deploy checks, the public origin's among them.
    manage("check", "--deploy", env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)
    # The demo's loader is installed in development only (portal.settings.dev); the data it
    # writes to the same database and media is served with production settings.
    manage("load_demo_data", "-v0", env={**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"})
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    with tempfile.TemporaryDirectory(prefix="prod-check-") as log_dir:
        log_path = Path(log_dir) / "gunicorn.log"
        server = Gunicorn(env, log_path)
        try:
            check_site(server, log_path)
        finally:
            server.stop()
        check_health_when_down(env, log_dir)
    failed = [name for name, ok, _ in results if not ok]
    print(f"\n{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
