"""Pages parsed in a second process while the crawl goes on.

The crawl's reactor thread is one core: reading a page's HTML (extract.py) takes most
of its time. Handing that to one worker process lets the reactor fetch and store the
next pages meanwhile. The worker is forked before the reactor starts its threads; where
there is no fork, or the worker dies, pages are parsed in this process as before.
"""

from __future__ import annotations

import asyncio
from concurrent.futures.process import BrokenProcessPool

from auditor.gather.extract import extract
from auditor.model import PageRecord
from auditor.gather.workers import worker_pool


class Extractor:
    """extract() in a worker process, awaited from the crawl's event loop."""

    def __init__(self):
        self.pool = worker_pool()  # made before the reactor starts its threads

    async def extract(self, record: PageRecord, body: bytes, content_type: str | None) -> PageRecord:
        """The record filled with the page's static facts; an exception of extract() is raised as it is."""
        if self.pool is not None:
            try:
                return await asyncio.wrap_future(self.pool.submit(extract, record, body, content_type))
            except BrokenProcessPool:  # the worker was killed: parse here from now on
                self.pool = None
        return extract(record, body, content_type)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None
