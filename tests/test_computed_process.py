"""Computed facts worked out in a worker process ahead of the audits (auditor/facts/computed_process.py)."""

from __future__ import annotations

import copy
import multiprocessing

from auditor.facts.computed import Computed, boilerplate_blocks
from auditor.facts.computed_process import BATCH, WORKERS, computed_pages
from tests.factories import make_page
from tests.test_computed import pages_with


def site() -> list:
    pages = pages_with("جميع الحقوق محفوظة لمتجر القهوة", 2 * BATCH + 7)
    pages += [make_page("/en.html", lang="en", text="Short one. " * 20 + "A much longer sentence follows here. " * 10),
              make_page("/gone.html", status=404, text="Not found", word_count=2),
              make_page("/broken.html", error="extraction failed", text="x y z", word_count=3)]
    for i, page in enumerate(pages):
        page.facts["inlinks"] = i  # facts gathered before stay, in their place
    return pages


def test_pages_come_back_in_order_with_what_computed_adds_here():
    pages = site()
    boilerplate = boilerplate_blocks(pages)
    here = [Computed(boilerplate)(page) for page in copy.deepcopy(pages)]
    computed = Computed(boilerplate)
    ahead = list(computed_pages(iter(pages), computed))
    assert [p.url for p in ahead] == [p.url for p in here]
    assert [(p.text, p.word_count, p.facts) for p in ahead] == [(p.text, p.word_count, p.facts) for p in here]
    assert [list(p.facts) for p in ahead] == [list(p.facts) for p in here]
    assert ahead[0].facts["readability"]["formula"] == "osman" and computed.readability_seconds > 0


def test_stopping_early_ends_the_worker():
    stream = computed_pages(iter(site()), Computed())
    assert next(stream).facts["language"]["lang"] == "ar"
    assert len(multiprocessing.active_children()) == WORKERS
    stream.close()  # the audit pass stopped (Ctrl-C) or failed: the worker is shut down
    assert multiprocessing.active_children() == []


def test_no_pages():
    assert list(computed_pages(iter([]), Computed())) == []
