# The two commands: `make run` (set up and serve the site with demo content) and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
BASE_STAMP := $(VENV)/.base-installed
DEV_STAMP := $(VENV)/.dev-installed
ASSETS_STAMP := node_modules/.assets-installed
EXAMPLE_PLUGIN := tests/plugins/example_solver_plugin

.PHONY: run test install install-dev assets migrate demo lint bench clean help

help:
	@echo "make run   - set up everything and serve the site with demo content on http://127.0.0.1:$(PORT)"
	@echo "make test  - run the whole test suite (DATABASE_URL/REDIS_URL select PostgreSQL/Redis)"
	@echo "make lint  - ruff"
	@echo "make bench - run the benchmarks in bench/"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when the pinned requirements change.
$(BASE_STAMP): requirements/base.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements/base.txt
	touch $@

$(DEV_STAMP): $(BASE_STAMP) requirements/dev.txt $(EXAMPLE_PLUGIN)/pyproject.toml
	$(PY) -m pip install --quiet -r requirements/dev.txt
	# The example third-party solver plugin, so the registry tests see a real entry point.
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e $(EXAMPLE_PLUGIN)
	touch $@

# KaTeX from the npm registry; without a system npm, the Node.js that PyPI's nodejs-bin ships.
$(ASSETS_STAMP): package.json package-lock.json | $(PY)
	if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund; \
	else $(PY) -m pip install --quiet 'nodejs-bin[cmd]==18.4.0a4' && $(VENV)/bin/npm ci --ignore-scripts --no-audit --no-fund; fi
	touch $@

install: $(BASE_STAMP) assets
install-dev: $(DEV_STAMP) assets
assets: $(ASSETS_STAMP)

migrate: install
	mkdir -p var
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo_content

run: demo
	PORT=$(PORT) $(PY) scripts/devstack.py

# One BLAS thread per process: the tests' Celery workers and pytest share the cores.
test: install-dev
	OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 $(PY) -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .

bench: install-dev
	for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) node_modules staticfiles var
