# The two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PLAN   ?= plan_source/00_zizhu_chuangxin_2008.txt
OUT    ?= out

.PHONY: run test lint typecheck unit bench fuzz clean wheelhouse

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

run: $(BIN)/.installed  ## build every output of the default plan into out/
	$(BIN)/matrix build $(PLAN) -o $(OUT)

test: lint typecheck unit  ## ruff, mypy and pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check matrix tests templates tools $(wildcard bench)
	$(BIN)/ruff format --check matrix tests templates tools $(wildcard bench)

typecheck: $(BIN)/.installed
	$(BIN)/mypy

unit: $(BIN)/.installed
	$(BIN)/pytest -q

bench: $(BIN)/.installed  ## speed and memory, side by side with the naive way and the floor
	$(BIN)/python -m bench
	$(BIN)/python -m bench.excel
	$(BIN)/python -m bench.real

fuzz: $(BIN)/.installed  ## a long property-based run of the parser
	HYPOTHESIS_PROFILE=long $(BIN)/pytest tests/robustness -q

wheelhouse: $(BIN)/.installed  ## dist/matrix-offline-<version>.zip: wheels for Windows and Linux, Python 3.11/3.12, install scripts
	$(BIN)/python tools/wheelhouse.py --out dist

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache
