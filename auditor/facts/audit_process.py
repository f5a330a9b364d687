"""The audit pass, spread over worker processes.

Reading a stored page, working out its language and readability (computed.py) and
running the page audits on it need nothing but the page and the whole-site facts
gathered before the pass, so workers forked at the start of the pass (they share those
facts without copying them) take the stored rows a batch at a time and send back only
what the result keeps: each page's summary and each audit's findings, encoded for the
spill, and the audits' tallies. This process stores them in page order: the bulk of the
pass runs on every core. Where there is no fork, or a worker dies, batches run here.

A batch that runs past TIME_LIMIT (an audit's pattern gone quadratic on a hostile page)
is run again a page at a time; a page that runs past it alone is given up: it keeps its
place in the result with the reason as its error, and each page audit lists it among
its errors. One page never holds the pass.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice

from auditor.errors import error_text
from auditor.facts.ahead import Made
from auditor.facts.computed import Computed, analysis_key, apply
from auditor.facts.js_summary import JsSummary
from auditor.facts.runner import BATCH, PageAudits, PageTally
from auditor.model import PageRecord
from auditor.store.runs import page_from_row
from auditor.store.spill import Spill
from auditor.gather.workers import worker_pool
from auditor.text.langtags import registry
from auditor.text.language import detector
from auditor.text.unmarked_syllables import lexicon, weights

AHEAD = 3  # batches on their way while one is stored
WORKERS = 2
TIME_LIMIT = 120.0  # seconds for a batch, or a page; a batch of the largest real pages takes a few


@dataclass
class Batch:
    """What the pass made of a batch of pages."""

    summaries: list[str]  # each page's summary, encoded for the spill
    html_pages: int  # pages that answered 200 with HTML
    tallies: list[PageTally]  # one per page audit
    scripts: JsSummary
    readability_seconds: float


class PagePass:
    """Everything the audit pass does to a page but storing the outcome; `summarize`
    gives a page's summary in the result (auditor/result.py: page_summary)."""

    def __init__(self, computed: Computed, inlinks: dict[str, int], audits: PageAudits,
                 summarize: Callable[[PageRecord], dict], made: Made | None = None):
        self.computed, self.inlinks, self.audits, self.summarize = computed, inlinks, audits, summarize
        self.made = made  # pages' analyses made during the crawl (auditor/facts/ahead.py)

    def __call__(self, rows: list) -> Batch:
        """`rows` are stored rows (Store.page_rows) or page records."""
        started = self.computed.readability_seconds
        scripts = JsSummary()
        pages = [row if isinstance(row, PageRecord) else page_from_row(row) for row in rows]
        self._analyse(pages)
        for page in pages:
            scripts.add(page)
            page.facts["inlinks"] = self.inlinks.get(page.url, 0)
        # summed up before the audits see the pages, as the result has always read them
        summaries = [Spill.encode(self.summarize(page)) for page in pages]
        return Batch(summaries, sum(p.status == 200 and p.is_html for p in pages), self.audits.check(pages),
                     scripts, self.computed.readability_seconds - started)

    def _analyse(self, pages: list[PageRecord]) -> None:
        """Computed's facts on each page, taken from those made ahead where they were."""
        texts = [(page, blocks) for page in pages if (blocks := self.computed.main_text(page)) is not None]
        keys = [analysis_key(page, blocks) if self.made else None for page, blocks in texts]
        made = self.made.get_many(keys) if self.made else {}
        for (page, blocks), key in zip(texts, keys):
            apply(page, made.get(key) or self.computed.analysis(page, blocks))

    def given_up(self, row, reason: str) -> Batch:
        """The page as stored, with `reason` as its error, and no audit run on it."""
        page = row if isinstance(row, PageRecord) else page_from_row(row)
        page.error = page.error or reason
        tallies = [PageTally() for _ in self.audits.audits]
        for tally in tallies:
            tally.errors.append({"url": page.url, "error": reason})
        return Batch([Spill.encode(self.summarize(page))], int(page.status == 200 and page.is_html), tallies,
                     JsSummary(), 0.0)


def load_shared() -> None:
    """Load here what each worker would otherwise load for itself on its first pages
    (forked later, they share it): the language model, the language subtag registry and
    the readability weights, a tenth of a second in each."""
    detector()
    registry()
    weights()
    lexicon()


_page_pass: PagePass | None = None  # the worker's


def _start(page_pass: PagePass) -> None:
    global _page_pass
    _page_pass = page_pass


def _run(rows: list) -> Batch:
    return _page_pass(rows)


def audited_batches(rows: Iterable, page_pass: PagePass, workers: int = WORKERS,
                    time_limit: float = TIME_LIMIT) -> Iterator[Batch]:
    """`page_pass` over `rows`, a batch at a time, in order (with no worker: all here)."""
    pool = worker_pool(_start, (page_pass,), workers=workers, time_limit=time_limit) if workers else None
    rows = iter(rows)
    try:
        waiting: deque = deque()

        def send() -> None:
            batch = list(islice(rows, BATCH))
            if batch and pool is not None:
                waiting.append((batch, pool.submit(_run, batch)))
            elif batch:
                waiting.append((batch, None))

        for _ in range(AHEAD):
            send()
        while waiting:
            batch, future = waiting.popleft()
            send()
            try:
                done = future.result() if future is not None else page_pass(batch)
            except BrokenProcessPool:  # a worker was killed (out of memory?): carry on here
                pool.shutdown()
                pool = None
                waiting = deque((b, None) for b, _ in waiting)
                done = page_pass(batch)
            except TimeoutError:  # its worker was replaced: find the page that held it
                yield from _one_by_one(batch, pool, page_pass, time_limit)
                continue
            yield done
    finally:  # also when the audit pass is stopped or fails
        if pool is not None:
            pool.shutdown()


def _one_by_one(batch: list, pool, page_pass: PagePass, time_limit: float) -> Iterator[Batch]:
    """A batch that ran out of time, a page at a time: those that run out alone are given up."""
    futures = [pool.submit(_run, [row]) for row in batch]
    for row, future in zip(batch, futures):
        try:
            yield future.result()
        except BrokenProcessPool:  # the pass goes on here from the next batch
            yield page_pass([row])
        except TimeoutError:
            yield page_pass.given_up(row, error_text("audit-given-up", seconds=f"{time_limit:g}"))
