# The two commands a newcomer needs: `make run` and `make test`.
# Both create .venv and install the project on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: install run serve setup test test-sqlite check lint format browser-test bench messages clean

install: $(VENV)/.installed node_modules/axe-core/axe.min.js

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	touch $@

# axe-core for the accessibility tests, pinned in package-lock.json. Without npm
# those tests are skipped and say why; `npm ci` keeps file dates from 1985, hence touch.
node_modules/axe-core/axe.min.js: package-lock.json
	if command -v npm >/dev/null; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the accessibility tests will be skipped"; fi

## Set up the database, load demo content and serve the site at http://$(HOST)/
run: setup
	$(PY) manage.py runserver $(HOST)

## Migrate and load demo content (idempotent) without serving.
setup: install
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo

# pytest-xdist: one worker per core, each with its own test database; the browser tests
# stay together on one worker (they share a development server, see tests/conftest.py).
TEST_WORKERS ?= auto
PYTEST := $(PY) -m pytest -q -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

## Everything CI checks: Django's checks, migrations in sync, lint, the whole test suite.
test: install check lint
	$(PYTEST)

## The tests whose behaviour can differ between databases, on SQLite (CI's second pass).
test-sqlite: install
	env -u DATABASE_URL $(PYTEST) -m database_sensitive

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run --no-input

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## Browser tests in Debian's Chromium (apt-get install chromium fonts-noto-cjk).
browser-test: install
	$(PY) -m pytest -q -m browser $(PYTEST_ARGS)

bench: install
	$(PY) bench/run.py

## Regenerate the English interface catalogue after changing template strings.
messages: install
	$(PY) manage.py makemessages -l en --ignore=.venv --ignore=node_modules
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
