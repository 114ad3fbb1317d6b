# newsdossier: `make help` lists the targets. Every target can be re-run safely.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEED := data/articles/000_dc816de6b9c4007f.txt
APT_PACKAGES := chromium poppler-utils

.DEFAULT_GOAL := help
.PHONY: help setup system-deps report corpus test lint lab bench dev-scores clean

help:  ## list the targets and the package's layout
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'
	@echo
	@echo "  layout (src/newsdossier/, imports point down only; tests/test_layers.py checks):"
	@echo "    errors paths records tables   base: rows, closed value sets, the one table reader"
	@echo "    <- text/      article loading, spaCy pipeline, the stored parse"
	@echo "    <- extract/   actors coref claims timex timeline network; stages.py: the one list of stages"
	@echo "    <- run/ batch/  notebook steps + papermill runner + rendering / batch engine, corpus store"
	@echo "    <- report/    HTML and charts, reading the run folder's files only"
	@echo "    <- cli.py"

system-deps:  ## install Debian's chromium (PDF, browser tests) and poppler-utils when missing
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  if [ -n "$$SUDO" ] && ! command -v sudo >/dev/null; then \
	    echo "missing:$$missing; as root, run: apt-get install -y$$missing (then make setup again)"; exit 1; \
	  fi; \
	  echo "installing$$missing with apt-get"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is needed (set PYTHON=...)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

setup: system-deps $(STAMP)  ## create .venv with the pinned requirements, the spaCy model and the package

report: setup  ## run the notebooks on the seed article: reports/000_dc816de6b9c4007f/report.html and .pdf
	$(BIN)/newsdossier run $(SEED)

corpus: setup  ## batch-process data/articles into reports/batch: corpus.duckdb and the corpus report (the corpus notebook's default)
	$(BIN)/newsdossier batch data/articles --out reports/batch --formats html,pdf

test: setup  ## run the test suite (includes one end-to-end notebook run, PDF and browser checks)
	$(BIN)/pytest -q

lint: setup  ## ruff check and ruff format --check over src, tests, bench and scripts
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

# Jupyter refuses to run as root (containers, CI) without --allow-root, and a session without a display
# has no browser to open: it prints the URL instead.
LAB_UID ?= $(shell id -u)
LAB_FLAGS = $(if $(filter 0,$(LAB_UID)),--allow-root) $(if $(DISPLAY)$(WAYLAND_DISPLAY),,--no-browser)
# Saving a notebook keeps it as committed (no outputs, same metadata): git status stays clean.
LAB_SAVE = --FileContentsManager.pre_save_hook=newsdossier.run.lab.keep_committed_form

lab: setup  ## start JupyterLab on the notebooks (as root too; no browser when headless; saves keep the committed form)
	$(BIN)/jupyter lab --notebook-dir=notebooks $(LAB_FLAGS) $(LAB_SAVE)

bench: setup  ## benchmark batch speed, memory and the notebook run (prints ratios)
	$(BIN)/python bench/bench.py

dev-scores: setup  ## score `newsdossier extract` on the development sets (../shared/dev)
	PATH=$(CURDIR)/$(BIN):$$PATH JOBS=2 ../shared/eval/run_dev.sh $${OUT:-/tmp/newsdossier-dev}

clean:  ## remove generated reports (keeps .venv)
	find reports -mindepth 1 -maxdepth 1 ! -name .gitkeep -exec rm -rf {} +
