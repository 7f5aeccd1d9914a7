# Peerdesk: `make run` to try it, `make test` to check it. Both set everything up.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
STAMP := $(VENV)/.installed-stamp
DEV_STAMP := $(VENV)/.dev-installed-stamp
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard app/translations/*/LC_MESSAGES/messages.po))

.PHONY: install install-dev run test lint bench translations extract-messages clean

# What running Peerdesk needs; `make test` adds the tools that check it (pytest, Playwright,
# linters, schemathesis), which a server never needs.
install: $(STAMP) $(CATALOGUES)

install-dev: $(DEV_STAMP) $(CATALOGUES)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable .
	touch $@

$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --editable '.[dev]'
	touch $@

%.mo: %.po $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy -i $< -o $@ --statistics

translations: $(CATALOGUES)

extract-messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o app/translations/messages.pot --no-location --sort-output --ignore-dirs='.* tests build' .
	$(BIN)/pybabel update -i app/translations/messages.pot -d app/translations --no-fuzzy-matching --ignore-obsolete

# The web server and the job runner side by side; Ctrl+C stops both.
run: export PEERDESK_ENV ?= development
run: install
	$(FLASK) db upgrade
	$(FLASK) demo seed
	$(FLASK) search reindex --if-outdated
	@echo "\nPeerdesk is starting on http://127.0.0.1:5000 (Ctrl+C stops it)."
	@trap 'kill 0' INT TERM EXIT; \
	  $(FLASK) jobs run & \
	  $(FLASK) run --host 127.0.0.1 --port 5000

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest $(PYTEST_ARGS)

bench: install-dev
	$(BIN)/python -m benchmarks

# Leaves instance/ (your database and secret key) alone.
clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
