"""gunicorn configuration, read by the Procfile: `gunicorn -c python:portal.base.gunicorn`."""

import multiprocessing
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# One thread a worker: gunicorn's sync workers. Rendering a page is Python work that holds
# the GIL, so a second thread in the same process only makes each request wait for the
# other's turns: under load, two threads a worker served calendars at 60 % of the rate and
# twice the 99th-percentile latency of one (docs/performance.md). Sync workers expect a
# proxy in front that buffers slow clients (nginx, a platform's router); more threads
# (gunicorn's gthread workers) suit a process that mostly waits.
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5  # gthread workers only: sync workers close each connection
# Recycle workers now and then so a slow leak in any library cannot grow without bound.
max_requests = 100000
max_requests_jitter = 10000
# Each request is logged once, by portal.base.observability.RequestLogMiddleware.
accesslog = None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn 27 writes a control socket under $HOME by default; app hosts keep no state.
control_socket_disable = True
