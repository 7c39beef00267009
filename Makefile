# The two commands a newcomer needs: `make run` and `make test`. Everything else helps them.
# Only Python 3.11+ and make are assumed; the virtualenv and every package come from here.

VENV ?= .venv
PORT ?= 8000
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	&& { command -v $$p; break; }; done)
PY := $(VENV)/bin/python
PIP_FLAGS ?= --quiet --disable-pip-version-check

.PHONY: run test install install-test install-browser migrate demo lint format messages clean help prod-check bench lock

help:
	@echo "make run    - install, migrate, load the Kranj demo data, serve http://127.0.0.1:$(PORT)"
	@echo "make test   - install what tests need, lint, run the test suite"
	@echo "make format - format the code with ruff"
	@echo "make messages - update and compile the Slovenian translations"
	@echo "make prod-check - run gunicorn with production settings on PostgreSQL and Redis and check it"
	@echo "make bench  - req/s, latency, queries and memory of every public page type into docs/performance.md"
	@echo "make lock   - resolve pyproject.toml's requirements into requirements.lock and requirements-test.lock"

$(PY):
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed: install it and run make again." >&2; exit 1; }
	@echo "Creating the virtualenv in $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install $(PIP_FLAGS) --upgrade pip

# The exact versions of the lock files (hash-checked), then the portal itself, editable and
# without dependencies: every checkout, CI run and deploy gets the same packages. Reinstall
# only when a lock file or pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml requirements.lock | $(PY)
	@echo "Installing the portal and the versions of requirements.lock"
	$(PY) -m pip install $(PIP_FLAGS) -r requirements.lock
	$(PY) -m pip install $(PIP_FLAGS) --no-deps -e .
	@touch $@

# The test lock holds the runtime lock's versions plus the test tools.
$(VENV)/.installed-test: pyproject.toml requirements-test.lock | $(PY)
	@echo "Installing the portal and the versions of requirements-test.lock"
	$(PY) -m pip install $(PIP_FLAGS) -r requirements-test.lock
	$(PY) -m pip install $(PIP_FLAGS) --no-deps -e .
	@touch $@ $(VENV)/.installed-run

install: $(VENV)/.installed-run
install-test: $(VENV)/.installed-test

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo_data

run: demo
	@echo "Serving the portal on http://127.0.0.1:$(PORT) (admin: /admin/, user admin, password demo12345)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install-test
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

# The browser tests (tests/browser/) drive Debian's Chromium, never a browser download.
# Installs it as root where it is missing; never fails the build itself: the browser tests
# then skip, or fail under CI (CI=true), and say why.
install-browser:
	@if [ -x /usr/bin/chromium ]; then \
		echo "Browser tests will use /usr/bin/chromium"; \
	elif [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then \
		echo "No /usr/bin/chromium, and no apt-get as root to install it: the browser tests will be skipped."; \
	else \
		echo "Installing Debian's chromium for the browser tests: apt-get update && apt-get install -y --no-install-recommends chromium"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium </dev/null; } \
			|| echo "Could not install chromium: the browser tests will be skipped (under CI they fail)."; \
	fi

# On every core (pytest-xdist); the browser tests run together on one of them.
test: lint install-browser
	$(VENV)/bin/pytest -n auto --dist loadgroup $(PYTEST_ARGS)

# gunicorn with production settings on PostgreSQL and Redis (DATABASE_URL, REDIS_URL; the
# local services by default): pages, HTTPS redirect, static files, media, page cache, /healthz.
prod-check: install
	$(PY) tests/perf/prod_check.py

# Public pages under gunicorn with production settings on PostgreSQL and Redis, loaded by wrk
# (Debian's package; installed when run as root). A report: exits 0 even when a target is missed.
bench: install
	$(PY) tests/perf/bench.py $(BENCH_ARGS)

# Resolve pyproject.toml's requirements into the lock files for Python 3.11 and up on any
# platform, one version of each package, from PyPI. Pins that still fit are kept;
# LOCK_ARGS=--upgrade takes the newest of everything, LOCK_ARGS="--upgrade-package wagtail"
# of one package. The test lock is held to the runtime lock's versions, so CI tests what
# deploys run. uv is needed here only, never by `make run` or `make test`.
LOCK_FLAGS := --quiet --universal --fork-strategy fewest --python-version 3.11 \
	--generate-hashes --custom-compile-command "make lock"
lock: | $(PY)
	$(PY) -m pip install $(PIP_FLAGS) "uv>=0.9,<1"
	$(VENV)/bin/uv pip compile $(LOCK_FLAGS) $(LOCK_ARGS) pyproject.toml -o requirements.lock
	$(VENV)/bin/uv pip compile $(LOCK_FLAGS) $(LOCK_ARGS) --extra test -c requirements.lock \
		pyproject.toml -o requirements-test.lock

format: install-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: install
	$(PY) manage.py makemessages --locale sl --ignore '$(VENV)/*' --ignore 'static_collected/*'
	$(PY) manage.py compilemessages --locale sl --ignore '$(VENV)/*'

clean:
	rm -rf $(VENV) static_collected .pytest_cache .ruff_cache *.egg-info
