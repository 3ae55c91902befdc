# Two commands, each doing its own set-up on a fresh machine:
#   make demo   install, ingest the sample transcripts/, show what is there, serve it
#   make test   install, then run the whole test suite (what CI runs)

PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: demo test browser bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/archive ingest transcripts
	$(BIN)/archive sources
	$(BIN)/archive search "caseload" --limit 3
	$(BIN)/archive serve

# The browser test needs Debian's Chromium; install it when we can (root with apt-get).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is not installed: the browser test will be skipped (it fails under CI)."; fi; }

test: $(VENV)/.installed browser
	$(BIN)/pytest

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) archive.db archive.db-index private/redaction-log
