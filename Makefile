# Set-up and everyday commands. `make demo` serves the marketplace with demo data on
# http://127.0.0.1:8000/; `make test` runs the whole test suite.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# Touched after each install: the project is reinstalled only when pyproject.toml is newer.
INSTALLED := $(VENV)/.installed
SECRET_KEY_FILE := var/secret_key
# The key that encrypts producers' identities (marketplace/privacy), also made once.
IDENTITY_KEY_FILE := var/identity_keys
# The demo runs as in production (DEBUG off), with keys generated once for this checkout.
DEMO_ENV = DEBUG=0 SECRET_KEY="$$(cat $(SECRET_KEY_FILE))" \
	PRODUCER_IDENTITY_KEYS="$$(cat $(IDENTITY_KEY_FILE))"
# Tests and the schema export sign nothing that outlives them: any key will do, and one set in the
# environment is used as it is.
TOOL_ENV = SECRET_KEY="$${SECRET_KEY:-test-secret-key}"

.DEFAULT_GOAL := help
.PHONY: help install demo test lint schema compat messages

help:
	@echo "make demo     set up, load the demo data and serve on http://127.0.0.1:8000/"
	@echo "make test     run the test suite"
	@echo "make lint     ruff check and ruff format --check"
	@echo "make schema   export the GraphQL schema to schema.graphql"
	@echo "make messages refresh the message catalogs from the code and compile them"
	@echo "make compat   check the Saleor storefront's operations against schema.graphql"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@

install: $(INSTALLED)

$(SECRET_KEY_FILE): | $(BIN)/python
	mkdir -p $(@D)
	umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@.tmp
	mv $@.tmp $@

# Order-only: a reinstall must never replace the key (identities would become unreadable).
$(IDENTITY_KEY_FILE): | $(INSTALLED) $(SECRET_KEY_FILE)
	umask 077 && SECRET_KEY="$$(cat $(SECRET_KEY_FILE))" \
		$(BIN)/marketplace rotate-identity-keys --new-key > $@.tmp
	mv $@.tmp $@

demo: $(INSTALLED) $(SECRET_KEY_FILE) $(IDENTITY_KEY_FILE)
	$(DEMO_ENV) $(BIN)/marketplace migrate --noinput
	$(DEMO_ENV) $(BIN)/marketplace collectstatic --noinput --verbosity 0
	$(DEMO_ENV) $(BIN)/marketplace loaddemo
	$(DEMO_ENV) $(BIN)/marketplace serve --host 127.0.0.1 --port 8000

test: $(INSTALLED)
	$(TOOL_ENV) $(BIN)/pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

schema: $(INSTALLED)
	$(TOOL_ENV) $(BIN)/marketplace graphql_schema \
		--schema marketplace.graphql.schema.schema --out schema.graphql

compat: schema
	$(BIN)/python ../shared/tools/saleor_compat.py schema.graphql

# Needs GNU gettext (apt-get install gettext). New strings land untranslated in
# marketplace/locale/vi/LC_MESSAGES/django.po: translate them, then run this again to compile.
messages: $(INSTALLED)
	$(TOOL_ENV) $(BIN)/marketplace makemessages -l vi -l en --no-obsolete --ignore .venv
	$(TOOL_ENV) $(BIN)/marketplace compilemessages --ignore .venv
