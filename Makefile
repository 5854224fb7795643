# SafePassage: two commands for newcomers, a few more for developers.
#   make demo   create .venv, install, migrate, load fictional demo data, serve on 127.0.0.1:8000
#   make test   create .venv if needed, install, run every gate and test (SQLite and PostgreSQL)
#   make assure API fuzzing, load, kill -9 and the statement-log canary scan (~20 min; CI runs it)

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ASSURE_STAMP := $(VENV)/.assure-installed
ASSURE_OUT := var/assure
PROD_ENV := SAFEPASSAGE_MODE=production SECRET_KEY=check-deploy-only-$(shell date +%s)-not-a-real-key-0123456789abcdefghij ALLOWED_HOSTS=safepassage.example.org

.PHONY: demo test assure install browser lint typecheck migrations-check deploy-check test-sqlite test-postgres bench clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "SafePassage needs Python 3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

$(ASSURE_STAMP): $(STAMP) requirements-assure.txt
	$(BIN)/python -m pip install --quiet -r requirements-assure.txt
	touch $(ASSURE_STAMP)

demo: install
	$(BIN)/safepassage demo

lint: install
	$(BIN)/ruff check src tests bench scripts assure
	$(BIN)/ruff format --check src tests bench scripts assure

typecheck: install
	$(BIN)/mypy

migrations-check: install
	$(BIN)/safepassage makemigrations --check --dry-run

deploy-check: install
	$(PROD_ENV) $(BIN)/safepassage check --deploy --fail-level WARNING

# Debian's Chromium for the browser test (Playwright never downloads a browser of its own).
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	  --no-install-recommends chromium >/dev/null; } || \
	  { [ -n "$$CI" ] && echo "chromium is required under CI and could not be installed" && exit 1; \
	    echo "chromium is not installed and cannot be installed here: the browser test is skipped"; }

test-sqlite: install browser
	$(BIN)/pytest

test-postgres: install
	$(BIN)/python scripts/with_postgres.py -- $(BIN)/pytest tests/web tests/e2e

test: lint typecheck migrations-check deploy-check test-sqlite test-postgres

# The assurance runs of issue 11 (docs/operator-guide.md, "Assurance runs"). The load test
# runs 5 minutes on PostgreSQL and a shorter 90 seconds on SQLite, printed side by side.
WITH_PG := $(BIN)/python scripts/with_postgres.py --
WITH_PG_LOG := $(BIN)/python scripts/with_postgres.py --log-statements --
assure: $(ASSURE_STAMP)
	@mkdir -p $(ASSURE_OUT)
	$(BIN)/python assure/fuzz.py
	$(WITH_PG_LOG) $(BIN)/python assure/canary.py
	$(BIN)/python assure/kill9.py --runs 50
	$(WITH_PG) $(BIN)/python assure/kill9.py --runs 50
	$(BIN)/python assure/load.py --seconds 90 --out $(ASSURE_OUT)/load-sqlite.json
	$(WITH_PG) $(BIN)/python assure/load.py --seconds 300 \
	  --out $(ASSURE_OUT)/load-postgresql.json --beside $(ASSURE_OUT)/load-sqlite.json

bench: install
	$(BIN)/python bench/screening.py
	$(BIN)/python bench/screening_scripts.py
	$(BIN)/python bench/testimony.py
	$(BIN)/python bench/crypto.py
	$(BIN)/python bench/linkage.py

clean:
	rm -rf $(VENV) var
