"""Pages parsed in a second process while the crawl goes on.

The crawl's reactor thread is one core: reading a page's HTML (extract.py) takes most
of its time. Handing that to one worker process lets the reactor fetch and store the
next pages meanwhile. The worker is forked before the reactor starts its threads; where
there is no fork, or the worker dies, pages are parsed in this process as before.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from auditor.gather.extract import extract
from auditor.model import PageRecord


def _serve(parent: int) -> None:
    """Set up the worker: Ctrl-C reaches the whole process group, but the crawl decides
    when to stop (the pages in flight are parsed before it does); the worker ends with
    the crawl's process even when that one is killed, and holds none of its output pipes
    (errors come back with each page)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


class Extractor:
    """extract() in a worker process, awaited from the crawl's event loop."""

    def __init__(self):
        self.pool: ProcessPoolExecutor | None = None
        if "fork" in multiprocessing.get_all_start_methods():
            self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"),
                                            initializer=_serve, initargs=(os.getpid(),))
            self.pool.submit(int)  # fork now: the reactor's threads do not exist yet

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
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
