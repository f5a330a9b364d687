"""The computed facts of each page (computed.py) worked out in a second process, a few
pages ahead of the audits.

Language and readability take most of the audit pass, one page at a time, and need
nothing but the page: workers compute them for the next pages while this process
audits the last ones. Where there is no fork, pages are computed here as before.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice

from auditor.facts.computed import Computed
from auditor.gather.extract_process import worker_pool
from auditor.model import PageRecord

BATCH = 50  # pages sent to the worker at once
AHEAD = 3  # batches on their way while one is audited
# Two workers, each a batch at a time: computing takes longer than auditing, and on a
# 2-core machine two workers finished the audit pass of a 3,000-page site in 36 s (median
# of four) against 49 s with one.
WORKERS = 2

_computed: Computed | None = None  # the worker's


def _start(computed: Computed) -> None:
    global _computed
    _computed = computed


def _compute(pages: list[PageRecord]) -> tuple[list[tuple[str, int, dict]], float]:
    started = _computed.readability_seconds
    out = [(page.text, page.word_count, page.facts) for page in map(_computed, pages)]
    return out, _computed.readability_seconds - started


def _what_computed_reads(page: PageRecord) -> PageRecord:
    return PageRecord(url=page.url, status=page.status, is_html=page.is_html, error=page.error, lang=page.lang,
                      title=page.title, headings=page.headings, text=page.text, word_count=page.word_count,
                      layout=page.layout, template=page.template)


def computed_pages(pages: Iterable[PageRecord], computed: Computed) -> Iterator[PageRecord]:
    """`pages`, each with what `computed` adds to it, in the same order."""
    pool = worker_pool(_start, (computed,), workers=WORKERS)
    if pool is None:
        yield from map(computed, pages)
        return
    pages = iter(pages)
    try:
        waiting: deque = deque()

        def send() -> bool:
            batch = list(islice(pages, BATCH))
            if batch:
                waiting.append((batch, pool.submit(_compute, [_what_computed_reads(p) for p in batch])))
            return bool(batch)

        while len(waiting) < AHEAD and send():
            pass
        while waiting:
            batch, future = waiting.popleft()
            send()
            results, seconds = future.result()
            computed.readability_seconds += seconds
            for page, (text, words, facts) in zip(batch, results):
                page.text, page.word_count = text, words
                page.facts.update(facts)
                yield page
    finally:  # also when the audit pass is stopped or fails
        pool.shutdown(wait=True, cancel_futures=True)
