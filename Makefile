# After Assad: two commands for a fresh machine.
#   make book   install what is needed, check the data, run the chapters, build HTML and PDF
#   make test   every check: data contract, unit tests, nbval, strict HTML build, PDF, browser
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
.DEFAULT_GOAL := help

VENV    := .venv
PY      := $(VENV)/bin/python
JB      := $(VENV)/bin/jupyter-book
STAMPS  := _build/.stamps
PDF     := _build/pdf/after-assad.pdf
# The PDF is built in its own folder (its own doctrees), so the HTML and the PDF build side by side.
PDFWORK := _build/pdf-work
# npm packages the build fetches: versions pinned in tools/npm/package.json (Dependabot proposes upgrades there)
npm_pin  = $(shell python3 -c 'import json; print(json.load(open("tools/npm/package.json"))["dependencies"]["$(1)"])')
ATLAS_VERSION := $(call npm_pin,world-atlas)
AXE_VERSION   := $(call npm_pin,axe-core)
LIGHTHOUSE_VERSION := $(call npm_pin,lighthouse)
ATLAS   := .cache/world-atlas/countries-50m.json
PLOTLYJS := _static/plotly-basic.min.js
AXE     := .cache/axe-core/axe.min.js
DTBUNDLE := _static/itables/dt_bundle.js
BIB     := _build/generated/references.bib
STEP     = @printf '\n\033[1m==> %s\033[0m  (%s)\n' "$(1)" "$$(date +%H:%M:%S)"
BOOK_INPUTS := _config.yml _toc.yml $(wildcard book/*) $(wildcard data/*) $(wildcard _static/*.css) $(shell find src/afterassad -name "*.py") $(BIB)

.PHONY: help book test setup system venv validate execute outputs html pdf unit nbval lint fmt check-pdf check-meta check-site check-release check-repro bench lab lab-command clean

help:
	@echo "make book   install everything, validate data, execute chapters, build HTML (_build/html) and PDF ($(PDF))"
	@echo "make test   run every check (data contract, unit tests, nbval, strict HTML build, PDF check, browser check)"
	@echo "make validate   check the data contract only (seconds)"
	@echo "make fmt    format and lint-fix the code and notebooks (ruff; make test checks both)"
	@echo "make bench  Lighthouse (mobile) on every page of the built site, served gzipped"
	@echo "make lab    serve JupyterLab on the chapters (PORT=8888 by default; prints the URL with its token)"

book: setup validate execute outputs
	@echo; echo "HTML: _build/html/index.html"; echo "PDF:  $(PDF)"

test: setup lint validate check-release unit nbval outputs check-pdf check-meta check-repro check-site
	@echo; echo "all checks passed"

# ---------------------------------------------------------------- installation
setup: system venv $(ATLAS) $(PLOTLYJS) $(AXE) $(DTBUNDLE)

system:
	$(call STEP,system packages)
	@bash scripts/install_system.sh

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	$(call STEP,Python environment in $(VENV))
	@test -x $(PY) || python3 -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade "pip==26.3"
	@$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	@$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@$(PY) -m ipykernel install --sys-prefix --name python3 >/dev/null
	@touch $@

# Natural Earth country shapes (public domain) from the npm registry, for offline maps.
$(ATLAS): tools/npm/package.json
	$(call STEP,base map: world-atlas from npm)
	@mkdir -p .cache/world-atlas
	@cd .cache && npm pack world-atlas@$(ATLAS_VERSION) --silent >/dev/null
	@tar xzf .cache/world-atlas-$(ATLAS_VERSION).tgz -C .cache/world-atlas --strip-components=1
	@test -s $@

# The evidence explorer's table library (DataTables, bundled by itables), served by the site itself.
$(DTBUNDLE): $(VENV)/.installed
	@mkdir -p $(dir $@)
	@src=$$($(PY) -c 'import itables, pathlib; print(pathlib.Path(itables.__file__).parent / "html")'); \
	  cp "$$src/dt_bundle.js" "$$src/dt_bundle.css" $(dir $@)

# axe-core (MPL-2.0) from npm: the accessibility audit the browser check injects into each page.
$(AXE): tools/npm/package.json
	$(call STEP,accessibility audit engine: axe-core from npm)
	@mkdir -p .cache/axe-core
	@cd .cache && npm pack axe-core@$(AXE_VERSION) --silent >/dev/null
	@tar xzf .cache/axe-core-$(AXE_VERSION).tgz -C .cache/axe-core --strip-components=1
	@test -s $@

# plotly.js served by the site itself (no CDN): the smallest partial bundle from npm that holds
# every trace type the book draws (scatter, bar), at the version inside the pinned plotly package.
# tests/test_figures.py fails if a figure uses a trace type this bundle lacks.
$(PLOTLYJS): $(VENV)/.installed
	$(call STEP,plotly.js partial bundle from npm)
	@version=$$($(PY) -c 'import plotly.offline as o; print(o.get_plotlyjs_version())'); \
	  mkdir -p .cache/plotly-basic _static && cd .cache && \
	  npm pack "plotly.js-basic-dist-min@$$version" --silent >/dev/null 2>&1 && \
	  tar xzf "plotly.js-basic-dist-min-$$version.tgz" -C plotly-basic --strip-components=1
	@rm -f _static/plotly.min.js
	@cp .cache/plotly-basic/plotly-basic.min.js $@

# ---------------------------------------------------------------- data and chapters
validate: venv
	$(call STEP,data contract)
	@$(PY) -m afterassad validate

execute: setup validate
	$(call STEP,execute notebooks whose code or data changed)
	@$(PY) scripts/execute_notebooks.py $(EXECUTE_FLAGS)

$(BIB): data/sources.csv src/afterassad/publishing/references.py | venv
	@$(PY) -m afterassad references $@

# ---------------------------------------------------------------- outputs
# The HTML and the PDF side by side: two Sphinx builds, one core each.
outputs: setup
	@$(MAKE) --no-print-directory -j2 html pdf
	@# The PDF is part of the site too: the pages' citation_pdf_url and the Report record point to it.
	@if [ -f $(PDF) ]; then cp $(PDF) _build/html/$(notdir $(PDF)); fi

html: $(STAMPS)/html

$(STAMPS)/html: $(BOOK_INPUTS) | setup
	$(call STEP,HTML site (warnings are errors))
	@$(PY) -m afterassad validate
	@# Sphinx re-renders only pages whose source changed; a change to the extension or the config
	@# that shapes every page must re-render them all.
	@time $(JB) build . --builder html -W -n --keep-going \
	  $$(for f in src/afterassad/publishing/sphinxext.py _config.yml _toc.yml; do [ $$f -nt $(STAMPS)/html ] && echo --all && break; done)
	@# Sphinx copies static files only when some page is rebuilt; a CSS-only change must still land.
	@cp -r _static/* _build/html/_static/
	@mkdir -p $(STAMPS) && touch $@

pdf: $(PDF)

$(PDF): $(BOOK_INPUTS) | setup
	$(call STEP,PDF via LaTeX (xelatex))
	@if ! command -v xelatex >/dev/null || ! command -v latexmk >/dev/null; then \
	  echo "SKIPPED: the PDF needs xelatex and latexmk. As root run:"; \
	  echo "  apt-get install -y --no-install-recommends texlive-xetex texlive-latex-extra texlive-fonts-recommended latexmk fonts-freefont-otf"; \
	  exit 0; fi; \
	$(PY) -m afterassad validate; \
	mkdir -p _build; \
	time $(JB) build . --builder pdflatex --path-output $(PDFWORK) -W -n --keep-going > _build/pdf.log 2>&1 || { tail -n 60 _build/pdf.log; exit 1; }; \
	mkdir -p $(dir $(PDF)) && cp $(PDFWORK)/_build/latex/after-assad.pdf $(PDF) && echo "wrote $(PDF)"

# ---------------------------------------------------------------- checks
# ruff, configured in pyproject.toml: the code and the notebooks' code cells, linted and formatted.
lint: venv
	$(call STEP,lint and format check (ruff))
	@$(VENV)/bin/ruff check --no-cache .
	@$(VENV)/bin/ruff format --no-cache --check .

fmt: venv
	@$(VENV)/bin/ruff format --no-cache .
	@$(VENV)/bin/ruff check --no-cache --fix .

unit: venv $(ATLAS) $(PLOTLYJS)
	$(call STEP,unit tests)
	@$(PY) -m pytest -q tests

nbval: setup
	$(call STEP,nbval: notebooks re-execute offline to their committed outputs)
	@# Offline: a network namespace with only the loopback up (the kernel talks over loopback).
	@unshare --map-root-user --net sh -c 'ip link set lo up && exec "$$@"' sh \
	  $(PY) -m pytest -q -p no:cacheprovider -n 2 --dist loadfile --nbval $$($(PY) scripts/list_notebooks.py) --nbval-sanitize-with tests/nbval-sanitize.cfg

check-pdf: pdf
	$(call STEP,PDF check)
	@$(PY) scripts/check_pdf.py $(PDF)

check-meta: outputs
	$(call STEP,metadata: citation tags, Open Graph, JSON-LD and citation files, read by extruct, pybtex and rispy)
	@$(PY) scripts/check_metadata.py _build/html

check-repro: html
	$(call STEP,reproducibility: a second build of the same commit, offline, gives the same outputs)
	@$(PY) scripts/check_reproducible.py

check-site: html
	$(call STEP,browser check of every page)
	@$(PY) scripts/check_site.py _build/html

check-release:
	$(call STEP,release checks: workflow lint; CITATION.cff; CHANGELOG)
	@bash scripts/check_release.sh

# JupyterLab on the chapters' folder, as root or not, with or without a display: it never tries to
# open a browser, listens on the loopback only, and prints the URL with its token to open by hand.
# tests/test_lab.py starts the server with this same command (make -s lab-command) and drives it.
PORT ?= 8888
LAB_CMD = $(VENV)/bin/jupyter lab --no-browser --allow-root --ip=127.0.0.1 --port=$(PORT) \
  --ServerApp.port_retries=0 --ServerApp.root_dir=$(CURDIR)/book

# Page speed as a reader on a phone meets it: Lighthouse 12 from npm (13 needs Node 22), mobile
# profile, on every page served gzipped. Scores are noisy, so this is a benchmark, not a test.
LIGHTHOUSE := .cache/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE): tools/npm/package.json
	$(call STEP,Lighthouse 12 from npm)
	@mkdir -p .cache/lighthouse && cd .cache/lighthouse && npm install --silent --no-save --no-package-lock lighthouse@$(LIGHTHOUSE_VERSION) >/dev/null
	@test -x $@

bench: outputs $(LIGHTHOUSE)
	$(call STEP,page speed: Lighthouse mobile on every page, served gzipped)
	@$(PY) scripts/benchmark_pages.py _build/html

lab: setup
	$(LAB_CMD)

lab-command:
	@echo '$(LAB_CMD)'

clean:
	rm -rf _build
