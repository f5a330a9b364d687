"""Pages parsed in other processes while the crawl goes on.

The crawl's reactor thread is one core: reading a page's HTML (extract.py) takes more
of it than fetching and storing the page. Handing that to worker processes lets the
reactor fetch and store the next pages meanwhile. Each worker holds a few pages at a
time, so that it never waits for the busy reactor to hand it the next. Pages go to the
first worker with room: one keeps up with the reactor on most sites, and the second
parses only when it falls behind (three busy processes on two cores, with the web
server, slowed the crawl by a tenth when the pages were spread evenly). The workers are
forked before the reactor starts its threads; where there is no fork, or a worker dies,
pages are parsed in this process as before. A page that takes longer than TIME_LIMIT
to parse (a parser gone quadratic on it) is given up, and its worker replaced: one
page never holds the crawl.
"""

from __future__ import annotations

import asyncio
from concurrent.futures.process import BrokenProcessPool

from auditor.errors import error_text
from auditor.gather.extract import extract
from auditor.model import PageRecord
from auditor.gather.workers import worker_pool

WORKERS = 2  # the second for heavy pages, which one worker cannot parse as fast as they come
AHEAD = 4  # pages a worker holds: the next wait in its pipe while the reactor is busy
TIME_LIMIT = 60.0  # seconds; the largest real pages parse in about one


class Extractor:
    """extract() in worker processes, awaited from the crawl's event loop; one worker when
    every page is rendered (`rendered`), whose pace is the browser's, not the parser's."""

    def __init__(self, rendered: bool = False):
        # made before the reactor starts its threads
        self.pool = worker_pool(workers=1 if rendered else WORKERS, ahead=AHEAD, time_limit=TIME_LIMIT)

    async def extract(self, record: PageRecord, body: bytes, content_type: str | None) -> PageRecord:
        """The record filled with the page's static facts; an exception of extract() is raised as it is."""
        if self.pool is not None:
            try:
                return await asyncio.wrap_future(self.pool.submit(extract, record, body, content_type))
            except BrokenProcessPool:  # a worker was killed: parse here from now on
                self.pool = None
            except TimeoutError:
                raise TimeoutError(error_text("parse-given-up", seconds=f"{TIME_LIMIT:g}")) from None
        return extract(record, body, content_type)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None
