# The single entry point for people and CI. `make run` to try it, `make test` to check it.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: messages makemessages run test screenshots test-postgres test-redis serve lint format check-system bench loadtest migrate content clean help

help:
	@echo "make run    - set everything up and serve the app on http://$(HOST):$(PORT)"
	@echo "make test   - set everything up and run lint, checks and the whole test suite"
	@echo "make screenshots - save PNGs of every guide step, empty and answered, in screenshots/"
	@echo "make test-postgres - run the whole suite on a throwaway PostgreSQL server"
	@echo "make test-redis - the shared-cache tests, two gunicorns on throwaway Redis and PostgreSQL"
	@echo "make serve  - run gunicorn with production settings (needs SECRET_KEY)"
	@echo "make lint   - ruff lint and format check"
	@echo "make format - ruff format and fix"
	@echo "make messages - compile the interface translations (locale/*/LC_MESSAGES/django.po)"
	@echo "make makemessages - gather new interface strings into the .po files to translate"
	@echo "make bench  - print render-time figures for pages and the PDF"
	@echo "make loadtest - serve production on loopback and drive 32 simulated people (LOADTEST_SECONDS=30)"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed (found $$($(PYTHON) --version))."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The Spanish (and any other) interface strings, compiled from locale/*/LC_MESSAGES/django.po with
# GNU gettext's msgfmt (Debian's gettext package); the .mo files are built here, never committed.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

messages: $(MO_FILES)

# Gathers the interface strings from the code and templates into the .po files (then translate
# every new msgid; tests/test_translations.py fails on an empty or fuzzy one).
makemessages: $(STAMP)
	$(MANAGE) makemessages --all --extension=html,txt,py,css --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=scripts

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po
	@command -v msgfmt >/dev/null || bash scripts/check-system.sh gettext
	msgfmt --check --output-file=$@ $<

migrate: $(STAMP) messages
	$(MANAGE) migrate --noinput

content: migrate
	$(MANAGE) load_content

run: content
	bash scripts/check-system.sh fonts
	$(MANAGE) runserver $(HOST):$(PORT)

check-system:
	bash scripts/check-system.sh all

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: $(STAMP) check-system lint messages
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	env -u DATABASE_URL $(BIN)/pytest
	bash scripts/postgres-if-reachable.sh --ignore=tests/browser

# Full-page PNGs of every step, empty and answered, at 390x844, 1280x800 and a 1080x1920 kiosk.
screenshots: $(STAMP) check-system messages
	SCREENSHOTS_DIR=$(CURDIR)/screenshots $(BIN)/pytest tests/browser/test_screenshots.py -q

# Installs Debian's postgresql if needed, starts it on loopback, runs the suite, removes it.
# Browser tests are left out: their servers use their own SQLite file, so they add nothing here.
test-postgres: $(STAMP) check-system messages
	bash scripts/postgres-test.sh $(BIN)/pytest --ignore=tests/browser

# Installs Debian's redis-server (and postgresql) if needed, starts both on loopback, runs the
# tests of what must be shared across workers and hosts on them, then removes both.
test-redis: $(STAMP) check-system messages
	bash scripts/redis-test.sh bash scripts/postgres-test.sh $(BIN)/pytest \
		tests/test_shared_cache.py tests/test_rendercap.py tests/test_ratelimit.py tests/test_pdf.py

serve: $(STAMP) messages
	@test -n "$$SECRET_KEY" || { echo "make serve runs with production settings: set SECRET_KEY (see .env.example)."; exit 1; }
	DEBUG=0 $(MANAGE) collectstatic --noinput --verbosity 0
	DEBUG=0 $(MANAGE) migrate --noinput
	DEBUG=0 $(MANAGE) createcachetable
	@# Fixtures go only into an empty database: reloading them would undo editors' admin changes.
	DEBUG=0 $(MANAGE) shell -c 'from decisionaid.content.models import ContentRelease as R; raise SystemExit(not R.objects.exists())' \
		&& echo "Content already loaded; 'manage.py load_content' reloads the fixtures over any admin edits." \
		|| DEBUG=0 $(MANAGE) load_content
	DEBUG=0 $(BIN)/gunicorn decisionaid.wsgi:application --config gunicorn.conf.py --bind $(HOST):$(PORT)

bench: $(STAMP) messages
	bash scripts/check-system.sh fonts
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/bench_guide.py

# Starts gunicorn as `make serve` does on a free loopback port with a throwaway database, drives it,
# prints the figures and stops it; fails if any request failed.
loadtest: $(STAMP) messages
	bash scripts/check-system.sh fonts
	$(BIN)/python scripts/loadtest.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache locale/*/LC_MESSAGES/*.mo
