# Two commands for a newcomer: `make run` and `make test`. Both build .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_DB := demo-data/demo.sqlite3
DEMO_PETITIONS ?= 3000

.PHONY: run test lint typecheck bench demo clean bundle bundle-smoke

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# Generated under another name and renamed, so an interrupted run is not taken for done.
$(DEMO_DB): | $(STAMP)
	mkdir -p demo-data
	rm -f $(DEMO_DB).partial*
	$(BIN)/python main.py --db $(DEMO_DB).partial demo --petitions $(DEMO_PETITIONS)
	mv $(DEMO_DB).partial $(DEMO_DB)

demo: $(DEMO_DB)

run: $(STAMP) $(DEMO_DB)
	$(BIN)/python main.py --db $(DEMO_DB)

lint: $(STAMP)
	$(BIN)/ruff check caseworker ui tests scripts main.py
	$(BIN)/ruff format --check caseworker ui tests scripts main.py

typecheck: $(STAMP)
	$(BIN)/mypy

# Two workers by default (each with its own Qt application and PostgreSQL database).
TEST_WORKERS ?= 2

test: lint typecheck
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(TEST_WORKERS)

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/bench -s -q -p no:cacheprovider

# The one-folder desktop bundle dist/petitions-caseworker/ (PyInstaller, in .venv-bundle),
# and its smoke test: the built program, offscreen, on a fresh data folder.
bundle:
	scripts/build_bundle.sh

bundle-smoke:
	scripts/smoke_bundle.sh

clean:
	rm -rf $(VENV) .venv-bundle build dist demo-data .pytest_cache .mypy_cache .ruff_cache
