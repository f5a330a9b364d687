# Two commands do all the set-up:  `make demo`  and  `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test setup system-deps bench clean

demo: $(STAMP)
	@bash .ci/system-deps demo
	$(VENV)/bin/auditor demo

test: $(STAMP)
	@bash .ci/system-deps test
	$(PY) -m pytest $(PYTEST_ARGS)

setup: system-deps $(STAMP)

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@# compiled once, as a regular install does: an editable one leaves it to each run
	@# where Python may not write its cache (PYTHONDONTWRITEBYTECODE)
	$(PY) -m compileall -q auditor spiders reports benchmarks > /dev/null
	touch $@

# Chromium comes from the system (Debian's package); a browser download is never needed.
system-deps:
	@bash .ci/system-deps test

bench: setup
	$(PY) benchmarks/crawl_throughput.py

clean:
	rm -rf $(VENV) auditor-demo .pytest_cache
