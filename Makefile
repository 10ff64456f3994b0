# Two commands for a fresh machine: `make book` and `make test` (see README.md).
VENV    := .venv
PYTHON  := $(VENV)/bin/python
STAMP   := $(VENV)/.installed

.PHONY: book pdf test venv data execute bench screenshots clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade "pip==26.3"
	$(PYTHON) -m pip install --quiet -r requirements.txt
	$(PYTHON) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

venv: $(STAMP)

## Build the website into _build/html (fails on any warning or notebook error).
book: $(STAMP)
	$(VENV)/bin/jupyter-book build -W --keep-going .
	@echo "Open $(CURDIR)/_build/html/index.html"

## The whole book as one PDF, printed by Chromium from the built site: _build/html/book.pdf.
pdf: book
	scripts/ensure_chromium.sh
	$(PYTHON) scripts/book_pdf.py

## All tests: data, package, notebooks (strict nbval, each from its download bundle), build, figures,
## browser, PDF.
test: pdf
	$(PYTHON) -m pytest -n 2 --dist loadfile -rs tests

## Re-derive data/ from ../shared/sources (not needed to build the book); ONLY="name ..." limits it
## to some modules of emergent_survey/sources/.
data: $(STAMP)
	$(PYTHON) scripts/derive_data.py $(if $(ONLY),--only $(ONLY))

## Re-run every notebook in place (stored outputs, glued numbers, figures/).
execute: $(STAMP)
	$(PYTHON) scripts/execute_notebooks.py

## Screenshots of every page at 390 and 1400 px, light and dark, into _build/screenshots/.
screenshots: book
	$(PYTHON) scripts/screenshots.py

## Timings (median of 3) written into README.md.
bench: $(STAMP)
	$(PYTHON) scripts/bench.py

clean:
	rm -rf _build
