# The two commands of the README: `make run` and `make test`. Both set up
# everything they need on a fresh machine (a virtualenv in .venv).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev demo worker beat lint format messages check-translations clean bench bench-setup bench-fanout

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo

run: demo
	@echo ""
	@echo "The portal is at http://$(HOST):$(PORT)/  (stop it with Ctrl+C)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(BIN)/pytest $(PYTEST_ARGS)

worker: install
	$(BIN)/celery -A config worker --loglevel=info

beat: install
	$(BIN)/celery -A config beat --loglevel=info --schedule var/celerybeat-schedule

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Refreshes the French and Spanish catalogues after interface strings change
# (needs gettext), then compiles them; both .po and .mo files are committed.
messages: install-dev
	.ci/translations update

check-translations: install-dev
	.ci/translations check

# The benchmark (README, "Benchmark"): a metro-scale data set in a PostgreSQL
# database of its own, gunicorn with the production settings on plain HTTP,
# wrk from the same machine on 127.0.0.1, then the reminder fan-out.
BENCH_DB ?= solutions_labs_bench
BENCH_REDIS ?= redis://127.0.0.1:6379/3
BENCH_PORT ?= 8765
BENCH_ENV = DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(BENCH_DB) CACHE_URL=$(BENCH_REDIS) \
	CELERY_BROKER_URL=$(BENCH_REDIS) DEBUG=false SECRET_KEY=bench-only-$(BENCH_DB)-not-a-production-key-0123456789 \
	ALLOWED_HOSTS=127.0.0.1 SITE_URL=http://127.0.0.1:$(BENCH_PORT) SECURE_SSL_REDIRECT=false CONN_MAX_AGE=60 \
	LOG_LEVEL=WARNING

bench-setup: install-dev
	@command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null)
	@pg_isready -h 127.0.0.1 -p 5432 -q || (echo "PostgreSQL must run on 127.0.0.1:5432 (user postgres, trust)"; exit 1)
	@redis-cli -u $(BENCH_REDIS) ping >/dev/null || (echo "Redis must run on 127.0.0.1:6379"; exit 1)
	psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $(BENCH_DB) WITH (FORCE)" -c "CREATE DATABASE $(BENCH_DB)"
	redis-cli -u $(BENCH_REDIS) flushdb >/dev/null
	$(BENCH_ENV) $(BIN)/python manage.py migrate --no-input -v0
	$(BENCH_ENV) $(BIN)/python manage.py collectstatic --no-input -v0
	$(BENCH_ENV) $(BIN)/python -m bench generate

bench: bench-setup
	$(BENCH_ENV) $(BIN)/python -m bench run --port $(BENCH_PORT)
	$(BENCH_ENV) $(BIN)/python -m bench fanout
	@echo "Results: var/bench/results.md and var/bench/results.json, var/bench/fanout.json"

# The fan-out alone, on a fresh data set.
bench-fanout: bench-setup
	$(BENCH_ENV) $(BIN)/python -m bench fanout

clean:
	rm -rf $(VENV) var/db.sqlite3 staticfiles
