# Two entry points a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := corpora/samples/spun-north-korea.txt
NEWS := corpora/news
# torch for the COMET extra. PyPI's Linux x86_64 wheel of torch is the multi-GB CUDA build; on
# such a machine point TORCH_INDEX at PyTorch's CPU wheel index (make test TORCH_INDEX=URL).
TORCH ?= torch==2.13.0
TORCH_INDEX ?=

.PHONY: demo test lint bench eval train-qe lexicon word-translations fuzz messages clean

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
	$(BIN)/pip install --quiet $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX)) '$(TORCH)'
	$(BIN)/pip install --quiet -e '.[dev,sources,comet,dask,bilingual]' --config-settings editable_mode=compat
	touch $@

# The sample alone, then against the bundled corpus of source reports (index built on first use).
demo: $(VENV)/.installed
	$(BIN)/mtaudit check --exit-zero $(SAMPLE)
	$(BIN)/mtaudit index $(NEWS) --index $(VENV)/news-index.sqlite
	$(BIN)/mtaudit check --exit-zero --format concise $(SAMPLE) --sources $(NEWS) --index $(VENV)/news-index.sqlite --select MT6
	@echo "mtaudit is installed in $(VENV): run it as $(BIN)/mtaudit (or activate $(VENV))"

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check audit tests tools mtaudit.py

bench: $(VENV)/.installed-dev
	$(BIN)/python tools/bench.py
	$(BIN)/python tools/bench_batch.py
	$(BIN)/python tools/bench_bilingual.py
	$(BIN)/python tools/bench_sources.py
	$(BIN)/python tools/bench_site.py
	$(BIN)/python tools/bench_robustness.py
	$(BIN)/python tools/bench_hostile.py
	$(BIN)/python tools/bench_peers.py
	$(BIN)/python tools/bench_qe.py
	$(BIN)/python tools/bench_plot.py

eval: $(VENV)/.installed-dev
	$(BIN)/python tools/evaluate.py
	$(BIN)/python tools/eval_align.py
	$(BIN)/python tools/eval_segments.py
	$(BIN)/python tools/eval_real.py
	$(BIN)/python tools/eval_sources.py
	$(BIN)/python tools/eval_qe.py

# Refits audit/data/qe_model.npz (learned QE, docs/qe.md) on ../shared/peer's WMT20 train split.
train-qe: $(VENV)/.installed-dev
	$(BIN)/python tools/train_qe.py

# Hostile files through every input and report format (tests/fuzz_reports.py, not in `make test`):
# about ten minutes on a 2-core machine (3,000 examples took 3.4 min).
fuzz: $(VENV)/.installed-dev
	FUZZ_EXAMPLES=8000 $(BIN)/python -m pytest tests/fuzz_reports.py -p no:cacheprovider -q

# Regenerates the word lists in audit/data from the pinned wordfreq.
lexicon: $(VENV)/.installed-dev
	$(BIN)/python tools/build_lexicon.py

# The English–French word-translation model of audit/sources/words.py (needs ../shared/peer and,
# for its dictionary pairs, the Debian packages dict-freedict-eng-fra and dict-freedict-fra-eng).
word-translations: $(VENV)/.installed-dev
	$(BIN)/python tools/fit_word_translations.py

# Re-extracts the messages (audit/messages.py; babel.cfg adds the data files'), merges them into the
# French catalog and compiles the .mo that ships beside it (translate new msgstr "" first).
messages: $(VENV)/.installed-dev
	PYTHONPATH=tools $(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --omit-header -k N_ -o audit/locale/mtaudit.pot .
	$(BIN)/pybabel update -i audit/locale/mtaudit.pot -d audit/locale -D mtaudit
	$(BIN)/pybabel compile -d audit/locale -D mtaudit --statistics

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
