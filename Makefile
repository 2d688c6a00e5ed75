# Every target does its own set-up: a fresh clone needs nothing but python3 (>= 3.11).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.bench-installed
DOCS_STAMP  := $(VENV)/.docs-installed

.PHONY: install demo test lint typecheck docs pytest clean bench bench-quick bench-growth bench-peers bench-district

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# The benchmark extra: matplotlib for the growth plot, beancount for the peer comparison.
$(BENCH_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(BENCH_STAMP)

# The docs extra: MkDocs, its Material theme and mkdocstrings, for the site only.
$(DOCS_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,docs]'
	touch $(DOCS_STAMP)

demo: $(STAMP)
	rm -f demo-station.db demo-station.db-wal demo-station.db-shm
	$(BIN)/sgz-ledger --store demo-station.db demo

lint: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks docs/_hooks
	$(BIN)/ruff format --check src tests examples benchmarks docs/_hooks

typecheck: $(STAMP)
	$(BIN)/mypy --strict src
	$(BIN)/mypy --strict docs/_hooks

# The documentation site (mkdocs.yml) into site/, its reference pages generated from the
# code (docs/_hooks/reference_pages.py); a warning (a broken link or anchor) fails the build.
docs: $(DOCS_STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

pytest: $(STAMP)
	$(BIN)/pytest

test: lint typecheck docs pytest

# The benchmark suite (benchmarks/README.md): every measurement at 1,000,000 events, each in
# a fresh process, with ratios to baselines measured in the same run. Takes a long while
# (the store is built through execute_batch, then cached in benchmarks/.cache/). ledger-cli
# and hledger are compared when installed: apt-get install -y ledger hledger. The PostgreSQL
# column is measured on BENCH_POSTGRES (a store URL without schema; "none" skips it), in a
# fresh schema dropped at the end; a server that does not answer is reported as skipped.
BENCH_POSTGRES ?= postgresql://postgres@127.0.0.1:5432/test
bench: $(BENCH_STAMP) bench-peers
	$(BIN)/python -m benchmarks.run --repeat 5 --postgres $(BENCH_POSTGRES) --json benchmarks/results.json

# The peers from Debian's packages, where this machine lets us install them (as root, or
# with sudo); otherwise the suite reports them as skipped, with this command.
bench-peers:
	@if ! command -v ledger >/dev/null 2>&1 || ! command -v hledger >/dev/null 2>&1; then 	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq ledger hledger; 	  elif sudo -n true 2>/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq ledger hledger; 	  else echo "bench: ledger/hledger missing (apt-get install -y ledger hledger); peers skipped"; fi; 	fi

# The same at 10,000 events: a check that the suite runs (well under a minute).
bench-quick: $(BENCH_STAMP)
	$(BIN)/python -m benchmarks.run --quick --postgres $(BENCH_POSTGRES) --json benchmarks/.cache/results-quick.json

# A district on one PostgreSQL (benchmarks/district.py): 137 stations, a year each (about
# 5 million events), loaded by 4 writer processes at once; load, catch-up and the reports'
# latency against PostgreSQL's own raw insert and scan. Needs the PostgreSQL server.
bench-district: $(BENCH_STAMP)
	$(BIN)/python -m benchmarks.district --json benchmarks/results-district.json

# Replay, import and the peers at growing sizes: docs/performance-growth.json and its plot.
bench-growth: $(BENCH_STAMP) bench-peers
	$(BIN)/python -m benchmarks.run --sizes 10000,100000,1000000
	$(BIN)/python -m benchmarks.plot

clean:
	rm -rf $(VENV) site build dist *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
	rm -rf benchmarks/.cache
