# Two commands do all the set-up:  `make demo`  and  `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test setup system-deps bench clean

demo: setup
	$(VENV)/bin/auditor demo

test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

setup: system-deps $(STAMP)

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# Chromium comes from the system (Debian's package); a browser download is never needed.
system-deps:
	@bash .ci/system-deps

bench: setup
	$(PY) benchmarks/crawl_throughput.py

clean:
	rm -rf $(VENV) auditor-demo .pytest_cache
