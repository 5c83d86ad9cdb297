# schemagen: every target installs what it needs first, so `make generate` and `make test`
# work as the first commands on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SCHEMA := $(wildcard schema/*.json schema/*.yaml)
SOURCES := $(shell find generator templates -type f \( -name '*.py' -o -name '*.jinja' \) 2>/dev/null)
GENERATED_STAMP := $(VENV)/.generated

.PHONY: install generate check lint test fuzz bench clean regen-goldens native native-test

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

# Regenerate only when the schema, the generator or a template changed; the writer itself
# leaves unchanged files alone, so their mtimes stay.
generate: $(GENERATED_STAMP)

$(GENERATED_STAMP): $(STAMP) $(SCHEMA) $(SOURCES) pyproject.toml
	$(BIN)/python -m generator.metaschemas
	$(BIN)/schemagen generate
	touch $(GENERATED_STAMP)

check: $(STAMP)
	$(BIN)/schemagen check

lint: $(STAMP)
	$(BIN)/ruff check generator generated tests bench templates/models/runtime.py templates/validators/runtime.py templates/validators/formats.py
	$(BIN)/ruff format --check generator generated tests bench templates/models/runtime.py templates/validators/runtime.py templates/validators/formats.py
	$(BIN)/mypy --strict generator generated templates/models/runtime.py templates/validators/runtime.py templates/validators/formats.py

test: $(STAMP)
	$(BIN)/python -m pytest
	$(MAKE) --no-print-directory check
	$(MAKE) --no-print-directory lint

# The fuzz tests of `make test`, long: thousands of schemas drawn from each draft's metaschema
# and mutated, through compile() and the whole pipeline; prints the counts of each outcome.
fuzz: $(STAMP)
	SCHEMAGEN_FUZZ_EXAMPLES=2000 SCHEMAGEN_FUZZ_PIPELINE=100 $(BIN)/python -m pytest -q -s tests/test_fuzz.py

# Compile generated/validators.py and generated/models.py with mypyc into extension modules
# beside them (git-ignored; Python imports them first; `make generate` removes stale ones).
native: $(GENERATED_STAMP)
	$(BIN)/schemagen native

# The official test suite and the hypothesis round trip on native builds (several minutes).
native-test: $(STAMP)
	$(BIN)/python -m pytest -m native

bench: $(STAMP)
	$(BIN)/python bench/run.py

regen-goldens: $(STAMP)
	SCHEMAGEN_UPDATE_GOLDENS=1 $(BIN)/python -m pytest -q -k golden

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
