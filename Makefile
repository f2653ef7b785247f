# make site   build the site into site/ (creates .venv and installs on first use)
# make test   run all tests
# make check  lint and the fast tests
# make bench  benchmark (bench/RESULTS.md)
# make serve  live preview on http://127.0.0.1:8000
# make serve-prod  the built site through nginx, as published, on http://127.0.0.1:8080
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
NGINX := /usr/sbin/nginx
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: site pages deploy check test lint lock bench serve serve-prod clean

# Everything (runtime, test and dev groups) from the hashed lock, then the project itself without dependencies.
$(BIN)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Rewrites requirements.lock from pyproject.toml (dependencies and the dev group, which includes test), with
# hashes; pins already in the lock are kept. For newer versions: make lock UPGRADE=--upgrade
lock: $(BIN)/.installed
	$(BIN)/uv pip compile pyproject.toml --group dev --generate-hashes --python $(BIN)/python $(UPGRADE) \
		--custom-compile-command "make lock" --quiet -o requirements.lock

# ruff, mypy (strict) and the import layers of generator/ (pyproject.toml); `make test` runs it first.
lint: $(BIN)/.installed
	$(BIN)/ruff check generator hooks tests bench
	$(BIN)/mypy generator hooks
	$(BIN)/lint-imports

# The generator alone, for builders without MkDocs hooks (Zensical); `mkdocs build` runs it itself.
pages: $(BIN)/.installed
	$(BIN)/benelux-site build

# MkDocs runs the generator through hooks/generator_hooks.py. Build into a temporary folder and swap it in
# only when the build succeeded.
# Nothing changed since the last build (inputs, generator, installed versions, site URL, and site/ as it left
# it): nothing to do (.site-state.json, `benelux-site site-current`).
site: $(BIN)/.installed
	@if $(BIN)/benelux-site site-current; then echo "site/ is up to date: no input changed since the last build"; \
	else \
		rm -rf .site.tmp && \
		$(BIN)/mkdocs build --strict --site-dir .site.tmp && \
		rm -rf site && mv .site.tmp site && \
		$(BIN)/benelux-site site-record && echo "site/ is ready"; \
	fi

# The deployment (.gz files, nginx configuration, _headers, _redirects) of a site built by another builder;
# MkDocs writes it itself through the hook.
deploy: $(BIN)/.installed
	$(BIN)/benelux-site deploy

# Debian's nginx, for `make serve-prod` and the tests that serve the built site through it.
$(NGINX):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx

# The built site as published: nginx on 127.0.0.1 with the configuration the build generated (site/_nginx/),
# in the foreground (Ctrl-C stops it); pid and temporary files in .nginx/. PORT=8081 for another port.
PORT ?= 8080
serve-prod: $(BIN)/.installed $(NGINX)
	test -f site/_nginx/server.conf || $(MAKE) site
	$(BIN)/benelux-site serve-prod --port $(PORT)

# Browser tests drive Debian's Chromium (Playwright's own browser download does not work here).
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

# The checkers the accessibility tests run: axe-core and the Nu HTML Checker from npm, pinned by
# tests/tools/package-lock.json; Node and npm, Java (for the HTML checker) and pdftotext (print test) from
# Debian when the machine lacks them.
TOOLS := tests/tools/node_modules/.installed
$(TOOLS): tests/tools/package-lock.json
	@missing=""; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	if [ -n "$$missing" ]; then \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	npm ci --prefix tests/tools --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# Zensical (Material's successor) in a venv of its own, for the test that builds the site with it.
.zensical/bin/zensical:
	$(PYTHON) -m venv .zensical
	.zensical/bin/pip install --quiet --disable-pip-version-check zensical==0.0.73 || echo "Zensical could not be installed; its test will be skipped"

# The fast lane: lint and the tests that neither build the site nor drive a browser (about a minute).
check: $(BIN)/.installed
	$(MAKE) lint
	$(BIN)/python -m pytest -q -rs -m "not slow"

test: $(BIN)/.installed $(CHROMIUM) $(NGINX) $(TOOLS) .zensical/bin/zensical
	$(MAKE) lint
	BENELUX_CHECKERS=required $(BIN)/python -m pytest -q -rs

# Benchmark at 5, 50 and 500 documents (see bench/RESULTS.md); takes about ten minutes.
bench: $(BIN)/.installed $(CHROMIUM)
	$(BIN)/python bench/run.py

# The same site as `make site`; MkDocs regenerates the pages when raw/, templates/ or vocabulary/ change
# (`watch:` in mkdocs.yml) and reloads the browser.
serve: $(BIN)/.installed
	$(BIN)/mkdocs serve

clean:
	rm -rf site .site.tmp .nginx $(VENV) .zensical
