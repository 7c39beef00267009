"""gunicorn as the Procfile starts it, on a free loopback port, for prod-check and bench."""

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What production requires (decision 0031): the default Site follows it on `migrate`, and
# the sitemap, feeds and e-mails link there whatever port gunicorn listens on.
PORTAL_BASE_URL = "https://127.0.0.1"


def production_environment(**settings):
    """This process's environment with production settings, a throwaway secret key,
    loopback hosts and a public origin among them, plus `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PORTAL_BASE_URL=PORTAL_BASE_URL,
    )
    env.update(settings)
    return env


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class Gunicorn:
    """Started with `env`, logging to `log_path`; ready once `/healthz` answers (any status
    when `healthy` is False, else 200) and every worker has booted."""

    def __init__(self, env, log_path, healthy=True):
        self.port = free_port()
        self.log_path = log_path
        self.workers = int(env.get("WEB_CONCURRENCY", "1"))
        self.log = open(log_path, "w")  # noqa: SIM115  (closed in stop())
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "python:portal.base.gunicorn",
                "--bind",
                f"127.0.0.1:{self.port}",
                "portal.wsgi:application",
            ],
            cwd=ROOT,
            env={**env, "PORT": str(self.port)},
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{self.port}"
        try:
            self.wait_until_ready(healthy)
        except BaseException:
            self.stop()
            raise

    def wait_until_ready(self, healthy):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}")
            with contextlib.suppress(OSError):
                status = status_of(self.url + "/healthz")
                if (status == 200 or not healthy) and len(self.worker_pids()) == self.workers:
                    return
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer within 60 s; see {self.log_path}")

    def worker_pids(self):
        pid = self.process.pid
        try:
            return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            return []

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()
