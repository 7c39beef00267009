"""gunicorn configuration, read by the Procfile: `gunicorn -c python:portal.base.gunicorn`."""

import multiprocessing
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak in any library cannot grow without bound.
max_requests = 100000
max_requests_jitter = 10000
# Each request is logged once, by portal.base.observability.RequestLogMiddleware.
accesslog = None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn 27 writes a control socket under $HOME by default; app hosts keep no state.
control_socket_disable = True
