# careerbot — two commands:  `make run` (set up + launch the app)  and  `make test`.
# Every target is idempotent: stamps in .venv/ make a second run a no-op.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
export CMAKE_ARGS ?= -DLLAVA_BUILD=OFF
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: setup run test bench eval clean browser postgres axe

setup: $(VENV)/.installed

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# torch goes in first and alone: the pinned CPU wheel from local disk.
$(VENV)/.torch: $(BIN)/python
	$(PIP) install torch==2.13.0
	touch $@

# Everything else under the constraints file (llama-cpp-python builds from source the first
# time, ~6 min on 2 cores; pip caches the wheel afterwards).
$(VENV)/.installed: $(VENV)/.torch pyproject.toml constraints.txt
	$(PIP) install -c constraints.txt -e '.[dev]'
	touch $@

# Debian's Chromium for the browser tests (Playwright never downloads a browser here).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

# Debian's PostgreSQL for the shared-conversation and replica tests (they start their own cluster).
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postgresql; }

# axe-core (pinned in package-lock.json) for the accessibility checks in tests/ui: injected into the page.
axe: node_modules/axe-core/axe.min.js

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

run: setup
	$(BIN)/careerbot serve

test: setup browser postgres axe
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python -m evals.bench

eval: setup
	$(BIN)/careerbot eval --gate

clean:
	rm -rf $(VENV) .careerbot
