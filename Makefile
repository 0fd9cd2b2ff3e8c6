# Every target installs what it needs into .venv first; `make help` lists them.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
SHARED ?= ../shared
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP := $(VENV)/.dev-installed

.DEFAULT_GOAL := help
.PHONY: help run test test-fast lint format eval bench scaling soak overload openapi audit lock clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): requirements/runtime.lock pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/runtime.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(DEV_STAMP): requirements/dev.lock $(RUNTIME_STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.lock
	touch $@

run: $(RUNTIME_STAMP) ## Set up and serve on 127.0.0.1:8000 (HOST, PORT and ENRICH_* settings from the environment)
	ENRICH_HOST=$(HOST) ENRICH_PORT=$(PORT) $(PY) -m service

test: $(DEV_STAMP) lint ## Set up, lint, type-check and run every test (slow ones included); CI runs this
	$(PY) -m pytest -q -p no:cacheprovider

test-fast: $(DEV_STAMP) ## Only the fast tests (no real server, few property examples)
	$(PY) -m pytest -q -m "not slow"

lint: $(DEV_STAMP) ## ruff (lint + format check) and mypy --strict
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

format: $(DEV_STAMP) ## Apply ruff's fixes and formatting
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

eval: $(DEV_STAMP) ## Score a freshly started server on every shared gold file that exists (one table)
	$(PY) eval/run_eval.py --shared $(SHARED)

bench: $(DEV_STAMP) ## Throughput/latency benchmark: raw spaCy vs pipeline vs HTTP (prints ratios)
	$(PY) bench/throughput.py

scaling: $(DEV_STAMP) ## Pathological inputs at n and 4n characters: time ratios (4 linear, 16 quadratic)
	$(PY) bench/scaling.py

soak: $(DEV_STAMP) ## Memory soak: 20,000 requests of unique tokens, RSS along the way
	$(PY) bench/soak.py

overload: $(DEV_STAMP) ## Overload check: at twice measured capacity the server sheds 503s and recovers
	$(PY) bench/overload.py

openapi: $(DEV_STAMP) ## Regenerate openapi.yaml from the app
	$(PY) -m service.openapi > openapi.yaml

audit: $(DEV_STAMP) ## Audit the locked dependencies for known vulnerabilities (pip-audit)
	$(PY) -m pip_audit --strict --require-hashes --disable-pip -r requirements/runtime.lock

lock: $(DEV_STAMP) ## Re-resolve requirements/*.lock from pyproject.toml
	$(PY) -m uv pip compile pyproject.toml -o requirements/runtime.lock --python-version 3.11 --generate-hashes -q
	$(PY) -m uv pip compile pyproject.toml --extra dev -c requirements/runtime.lock -o requirements/dev.lock \
		--python-version 3.11 --generate-hashes -q

clean: ## Remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis build *.egg-info reports
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
