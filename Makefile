# The two commands of the README: `make run` and `make test`. Everything they
# need (virtual environment, pinned packages, front-end files, database,
# demo content, search index) is set up here, idempotently.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export PORT ?= 8000
PYTEST_ARGS ?=
# Extra gunicorn options for `make serve` (the tests pass --no-control-socket).
GUNICORN_ARGS ?=
# BROWSER=0 leaves out the browser tests (CI runs them once, on SQLite).
BROWSER ?= 1

.PHONY: run serve test lint bench loadtest setup lock messages clean

$(VENV)/.installed: requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $@

# No package needs its install script: vnu-jar's would fetch a Java runtime, and the
# machine's Java (Debian's, as .ci/run installs it) is the one the HTML check uses.
node_modules/.installed: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed

run: setup
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo --skip-index
	$(PY) manage.py update_index
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production mode on this machine (README, "Deploying"): the settings of DJANGO_ENV=production
# (SECRET_KEY and ALLOWED_HOSTS must be set), hashed and compressed static files, the index
# checked and repaired, gunicorn with ciao/gunicorn_conf.py. `make run` stays the development server.
serve: setup
	DJANGO_ENV=production $(PY) manage.py migrate --no-input
	DJANGO_ENV=production $(PY) manage.py collectstatic --no-input --verbosity 0
	DJANGO_ENV=production $(PY) manage.py search_check --repair
	DJANGO_ENV=production $(VENV)/bin/gunicorn ciao.wsgi --config ciao/gunicorn_conf.py $(GUNICORN_ARGS)

# The main suite runs on every CPU (pytest-xdist; each worker has its own test
# database, media and index folders), modules kept whole so that a module's
# seeded demo site is made once. The search backend's own tests (search/tests,
# modelsearch's backend suite included) run under the package's own settings,
# without Wagtail or the site. Browser tests run in their own pytest process:
# Playwright must start before Django opens its first database connection
# (see tests/browser/conftest.py).
TEST_WORKERS ?= auto
test: setup lint
	$(PY) -m pytest --numprocesses=$(TEST_WORKERS) --dist=loadscope $(PYTEST_ARGS)
	$(PY) -m pytest search/tests --ds=search.tests.settings $(PYTEST_ARGS)
ifneq ($(BROWSER),0)
	$(PY) -m pytest -m browser tests/browser $(PYTEST_ARGS)
endif

# ruff's rules are chosen in pyproject.toml; `ruff format .` and `ruff check --fix .` fix most.
lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

bench: setup
	$(PY) -m pytest tests/bench -p no:cacheprovider -s -o addopts="" -m bench

# The load test (README, "Under load"): `make serve` with 4 workers on PostgreSQL, 20,000 pages,
# locust's visitors for 3 minutes while an editor publishes a page a second; prints the figures.
# It creates and drops its own PostgreSQL database (LOAD_DB, "load" by default; never "test").
loadtest: setup
	PY=$(PY) tests/load/run.sh

lock: $(VENV)/.installed
	$(PY) -m pip install --quiet pip-tools
	$(PY) -m piptools compile --quiet --extra dev --strip-extras --no-emit-index-url \
		--no-emit-find-links --output-file requirements.lock pyproject.toml

messages: setup
	$(PY) manage.py makemessages -l it --ignore=.venv --ignore=node_modules --ignore=var

clean:
	rm -rf $(VENV) node_modules
