# Two entry points a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := corpora/samples/spun-north-korea.txt

.PHONY: demo test lint bench eval train-qe lexicon clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Editable in "compat" mode: a plain path in a .pth file. The default mode installs an import
# hook that every later import goes through, 40 ms of each `mtaudit` start (see pyproject.toml).
$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/pip install --quiet -e . --config-settings editable_mode=compat
	touch $@

# torch first and alone: pinned to the CPU wheel, so unbabel-comet does not pull a CUDA build.
$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev,sources,comet,dask]' --config-settings editable_mode=compat
	touch $@

demo: $(VENV)/.installed
	$(BIN)/mtaudit check --exit-zero $(SAMPLE)

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check audit tests tools

bench: $(VENV)/.installed-dev
	$(BIN)/python tools/bench.py
	$(BIN)/python tools/bench_batch.py
	$(BIN)/python tools/bench_sources.py
	$(BIN)/python tools/bench_site.py
	$(BIN)/python tools/bench_robustness.py
	$(BIN)/python tools/bench_peers.py
	$(BIN)/python tools/bench_qe.py
	$(BIN)/python tools/bench_plot.py

eval: $(VENV)/.installed-dev
	$(BIN)/python tools/evaluate.py
	$(BIN)/python tools/eval_align.py
	$(BIN)/python tools/eval_qe.py

# Refits audit/data/qe_model.npz (learned QE, docs/qe.md) on ../shared/peer's WMT20 train split.
train-qe: $(VENV)/.installed-dev
	$(BIN)/python tools/train_qe.py

# Regenerates the word lists in audit/data from the pinned wordfreq.
lexicon: $(VENV)/.installed-dev
	$(BIN)/python tools/build_lexicon.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
