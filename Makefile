# Set-up, running and testing on a fresh machine. See the README.
#
#   make run     venv, dependencies, assets, migrations, demo council, then web + worker + beat
#   make test    venv, dependencies, assets (and Chromium unless BROWSER_TESTS=0), whole suite
#
# Variables: PORT (make run, default 8000), PYTEST_ARGS (extra pytest arguments),
# PYTEST_WORKERS (default 2), BROWSER_TESTS (0 skips installing Chromium), PYTHON,
# FACTOR and BENCH_DATABASE_URL (make bench).

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
CSS := static/build/council.css
GOVUK_JS := static/govuk/govuk-frontend.min.js
AUTOCOMPLETE_JS := static/build/accessible-autocomplete.min.js
CHROMIUM := /usr/bin/chromium

PYTEST_WORKERS ?= 2
PYTEST_ARGS ?=
BROWSER_TESTS ?= 1
export BROWSER_TESTS
MANAGE := $(BIN)/python manage.py

.PHONY: help venv assets migrate demo run test lint format browsers mailserver clean distclean var bench

help:
	@echo "make run       set everything up and run web + Celery worker + beat (Ctrl-C stops)"
	@echo "make test      set everything up and run the whole test suite"
	@echo "make lint      ruff check, ruff format --check and the import layers (lint-imports)"
	@echo "make bench     seed PostgreSQL at FACTOR (default 1) and benchmark it (var/bench/)"
	@echo "make venv | assets | migrate | demo | browsers | clean | distclean"

# --- Python -----------------------------------------------------------------------------

venv: $(VENV_STAMP)

# Re-installs only when pyproject.toml changes (or the venv is new).
$(VENV_STAMP): pyproject.toml
	@if [[ -z "$(PYTHON)" ]]; then echo "No python3 found: install Python 3.11." >&2; exit 1; fi
	@if [[ ! -x $(BIN)/python ]]; then \
		echo "Creating $(VENV) with $(PYTHON)"; \
		$(PYTHON) -m venv $(VENV); \
	fi
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

# --- Front end --------------------------------------------------------------------------

assets: $(CSS) $(GOVUK_JS) $(AUTOCOMPLETE_JS)

$(NODE_STAMP): package.json $(wildcard package-lock.json)
	@if ! command -v npm >/dev/null 2>&1; then \
		if command -v apt-get >/dev/null 2>&1 && [[ $$(id -u) -eq 0 ]]; then \
			echo "npm is missing: installing Debian's nodejs and npm"; \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=300 nodejs npm; \
		else \
			echo "npm is missing: install Node.js 18+ and npm, then run make again." >&2; exit 1; \
		fi; \
	fi
	@if [[ -f package-lock.json ]]; then \
		npm ci --no-audit --no-fund; \
	else \
		npm install --no-audit --no-fund; \
	fi
	@touch $@

$(CSS): $(NODE_STAMP) $(shell find static/scss -name "*.scss" 2>/dev/null)
	npm run --silent build

$(GOVUK_JS): $(NODE_STAMP) bin/copy-govuk-assets
	bash bin/copy-govuk-assets

# The officer picker's autocomplete (static/js/officer-picker.js loads it); its CSS is compiled
# into council.css.
$(AUTOCOMPLETE_JS): $(NODE_STAMP) bin/copy-autocomplete
	bash bin/copy-autocomplete

# --- Database, demo data, local run -----------------------------------------------------

# The SQLite file, the filesystem broker's folders and the file email backend live here.
var:
	@mkdir -p var/broker var/broker-control var/emails

migrate: venv var
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) seed_demo

run: venv assets migrate demo
	@bash bin/run-local

# --- Scale benchmark (README "Scale and benchmark") -------------------------------------

FACTOR ?= 1
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/protocol_bench
BENCH_STAMP := $(VENV)/.bench-installed
# The bench settings are the local ones plus the scale app (never in the site's own settings).
BENCH_ENV := DJANGO_SETTINGS_MODULE=protocol_site.settings.bench DATABASE_URL=$(BENCH_DATABASE_URL) DJANGO_DEBUG=false

$(BENCH_STAMP): pyproject.toml $(VENV_STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	@touch $@

bench: $(BENCH_STAMP) var
	$(BIN)/python -m scale.createdb $(BENCH_DATABASE_URL)
	$(BENCH_ENV) $(MANAGE) migrate --noinput
	$(BENCH_ENV) $(MANAGE) seed_scale --factor $(FACTOR) --reset --skip-if-seeded
	$(BENCH_ENV) $(MANAGE) bench

# --- Checks -----------------------------------------------------------------------------

browsers:
	@if [[ -x $(CHROMIUM) ]]; then \
		echo "Chromium: $$($(CHROMIUM) --version 2>/dev/null || echo $(CHROMIUM))"; \
	elif command -v apt-get >/dev/null 2>&1 && [[ $$(id -u) -eq 0 ]]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=300 --no-install-recommends chromium; \
	elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
		echo "Installing Debian's chromium for the browser tests (sudo)"; \
		sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=300 --no-install-recommends chromium; \
	else \
		echo "NOTE: $(CHROMIUM) is missing and cannot be installed here (needs apt-get as root):"; \
		echo "      the browser tests will be skipped. Install Debian's chromium to run them."; \
	fi

# The inbox tests read a real IMAP server: Debian's dovecot, started by the tests themselves on
# a free port with a throwaway config (tests/dovecot.py); the package's own service is not used.
DOVECOT := /usr/sbin/dovecot

mailserver:
	@if [[ -x $(DOVECOT) ]]; then \
		echo "Dovecot: $$($(DOVECOT) --version 2>/dev/null)"; \
	elif command -v apt-get >/dev/null 2>&1 && [[ $$(id -u) -eq 0 ]]; then \
		echo "Installing Debian's dovecot-imapd for the inbox tests"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=300 --no-install-recommends dovecot-imapd; \
	elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
		echo "Installing Debian's dovecot-imapd for the inbox tests (sudo)"; \
		sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=300 --no-install-recommends dovecot-imapd; \
	else \
		echo "NOTE: $(DOVECOT) is missing and cannot be installed here (needs apt-get as root):"; \
		echo "      the IMAP tests will be skipped. Install Debian's dovecot-imapd to run them."; \
	fi

test: venv assets mailserver $(if $(filter 0,$(BROWSER_TESTS)),,browsers)
	@set +e; \
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS); \
	status=$$?; \
	if [[ $$status -eq 5 ]]; then \
		echo "pytest collected no tests (exit 5): that is a failure." >&2; \
	fi; \
	exit $$status

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Removes what the build makes; keeps the venv, node_modules and the local database.
clean:
	rm -rf static/build static/govuk var/staticfiles .pytest_cache .ruff_cache
	rm -f $(VENV_STAMP) $(NODE_STAMP)
	find . -path ./.venv -prune -o -path ./node_modules -prune -o \
		-name __pycache__ -type d -exec rm -rf {} +

# Back to a fresh clone: also the venv, node_modules and var/ (the local database).
distclean: clean
	rm -rf $(VENV) node_modules var
