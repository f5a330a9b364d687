"""Pages parsed in a second process while the crawl goes on.

The crawl's reactor thread is one core: reading a page's HTML (extract.py) takes most
of its time. Handing that to one worker process lets the reactor fetch and store the
next pages meanwhile. The worker is forked before the reactor starts its threads; where
there is no fork, or the worker dies, pages are parsed in this process as before.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from auditor.gather.extract import extract
from auditor.model import PageRecord


def worker_pool(initializer=None, initargs: tuple = (), workers: int = 1) -> ProcessPoolExecutor | None:
    """Forked worker processes (started now), or None where processes cannot fork."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_serve,
                               initargs=(os.getpid(), initializer, initargs))
    # The worker shares this process's memory until either writes to it. The collector
    # writes to every object it visits: objects alive now are left out of its visits
    # in both processes, so that their pages stay shared (about 20 MB less for a crawl).
    gc.collect()
    gc.freeze()
    pool.submit(int)  # fork now, before this process starts more threads
    return pool


def _serve(parent: int, initializer, initargs: tuple) -> None:
    """Set up the worker: Ctrl-C reaches the whole process group, but the parent decides
    when to stop (the work in flight is finished before it does); the worker ends with
    its parent even when that one is killed, and holds none of its output pipes (errors
    come back with each answer)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if initializer is not None:
        initializer(*initargs)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


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
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
