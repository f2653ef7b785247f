# make site   build the site into site/ (creates .venv and installs on first use)
# make test   run all tests
# make bench  benchmark (bench/RESULTS.md)
# make serve  live preview on http://127.0.0.1:8000
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: site pages test bench serve clean

$(BIN)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

pages: $(BIN)/.installed
	$(BIN)/python -m generator build

# Build into a temporary folder and swap it in only when the build succeeded.
site: pages
	rm -rf .site.tmp
	$(BIN)/mkdocs build --strict --quiet --site-dir .site.tmp
	$(BIN)/python -m generator search-index --site .site.tmp
	rm -rf site && mv .site.tmp site
	@echo "site/ is ready"

# Browser tests drive Debian's Chromium (Playwright's own browser download does not work here).
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

# Zensical (Material's successor) in a venv of its own, for the test that builds the site with it.
.zensical/bin/zensical:
	$(PYTHON) -m venv .zensical
	.zensical/bin/pip install --quiet --disable-pip-version-check zensical==0.0.73 || echo "Zensical could not be installed; its test will be skipped"

test: $(BIN)/.installed $(CHROMIUM) .zensical/bin/zensical
	$(BIN)/python -m pytest -q -rs

# Benchmark at 5, 50 and 500 documents (see bench/RESULTS.md); takes about ten minutes.
bench: $(BIN)/.installed $(CHROMIUM)
	$(BIN)/python bench/run.py

# Regenerates the pages when raw/, templates/ or vocabulary/ change; mkdocs serve reloads the browser.
serve: $(BIN)/.installed
	$(BIN)/python -m generator build
	$(BIN)/python -m generator watch & watcher=$$!; \
	trap 'kill $$watcher' EXIT INT TERM; \
	$(BIN)/mkdocs serve

clean:
	rm -rf site .site.tmp $(VENV) .zensical
