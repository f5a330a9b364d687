"""Each page's language and readability, worked out while the crawl runs on the time it
leaves a core idle.

During a crawl one core runs the reactor and the other the parsing workers, neither of
them all the time; after it, the audit pass spends most of its time on each page's
language and readability (Computed.analysis). A process forked before the crawl, in
Linux's idle scheduling class (SCHED_IDLE: it runs only on a core nothing else wants, so
the crawl keeps its pace), follows the store as the crawl commits pages and analyses each
one, guessing the blocks repeated across the site from the pages seen so far. Each
analysis is kept under a digest of all it read (analysis_key): the audit pass takes one
only where its own page's digest is the same, so a wrong guess costs time, never a
wrong fact. It is stopped before pages are measured in the browser (timings need the
machine to themselves) or, in a static audit, when the audit pass begins; what it made
is a cache beside the store, removed after the pass.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from auditor.facts.computed import SAMPLE_PER_SECTION, Computed, RepeatedBlocks, analysis_key, section
from auditor.model import PageRecord
from auditor.store.database import is_postgres

SUFFIX = "-ahead"  # beside the store
BATCH = 50  # analyses committed at once: the rest is lost when the process is stopped
IDLE = 0.05  # seconds between looks at a store with nothing new
READ = 200  # records read at once (the crawl commits as many at a time)
LOOKUP = 500  # digests a query asks for


class Ahead:
    """The process that analyses the pages of the store at `store_path` as they come
    (started before the crawl starts any thread: it forks)."""

    def __init__(self, store_path: str):
        self.path = f"{store_path}{SUFFIX}"
        self._process = None
        self.remove()  # a killed run's
        if (is_postgres(store_path) or "fork" not in multiprocessing.get_all_start_methods()
                or not hasattr(os, "SCHED_IDLE")):  # elsewhere than Linux it would slow the crawl
            return
        process = multiprocessing.get_context("fork").Process(
            target=_follow, args=(store_path, self.path, os.getpid()), name="auditor-ahead", daemon=True)
        try:
            process.start()
        except OSError:  # no process to spare: the audit pass makes every analysis
            return
        self._process = process

    def stop(self) -> Made | None:
        """Ends the process at once; the analyses it committed (None: none)."""
        if self._process is not None:
            self._process.kill()
            self._process.join()
            self._process = None
        return Made(self.path) if os.path.exists(self.path) else None

    def remove(self) -> None:
        self.stop()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(self.path + suffix).unlink(missing_ok=True)


class Made:
    """Analyses made ahead, looked up by analysis_key; each process opens its own connection."""

    def __init__(self, path: str):
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._pid = 0

    def get_many(self, keys: Iterable[str]) -> dict[str, dict]:
        keys = list(keys)
        if not keys:
            return {}
        if self._pid != os.getpid():  # a connection is never used across a fork
            self._db, self._pid = sqlite3.connect(self.path), os.getpid()
        found = {}
        try:
            for start in range(0, len(keys), LOOKUP):
                chunk = keys[start:start + LOOKUP]
                rows = self._db.execute(f"SELECT key, facts FROM made WHERE key IN ({','.join('?' * len(chunk))})", chunk)
                found.update((key, json.loads(facts)) for key, facts in rows)
        except sqlite3.Error:  # none made (stopped before its table), or unreadable: all made again
            return {}
        return found


def _follow(store_path: str, path: str, parent: int) -> None:
    try:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the run stops it
        while not os.path.exists(store_path):  # the crawl makes it
            if os.getppid() != parent:
                return
            time.sleep(IDLE)
        follower = Follower(store_path, path)
        while os.getppid() == parent:  # else the run is gone
            if not follower.step():
                time.sleep(IDLE)
    except Exception:  # noqa: BLE001 (what it did not make, the audit pass makes: nothing is lost)
        return


class Follower:
    """Analyses the pages stored since its last step and keeps what it made at `path`."""

    def __init__(self, store_path: str, path: str):
        self.store = sqlite3.connect(store_path)  # only read (a Store would write its schema)
        self.out = sqlite3.connect(path)
        self.out.execute("PRAGMA journal_mode=WAL")
        self.out.execute("PRAGMA synchronous=OFF")  # a cache: a crash of the machine loses nothing needed
        self.out.execute("CREATE TABLE IF NOT EXISTS made (key TEXT PRIMARY KEY, facts TEXT NOT NULL)")
        self.out.commit()
        self.repeated, self.computed = RepeatedBlocks(), Computed()
        self.last = self.pending = 0  # the last record's rowid read; analyses not committed

    def step(self) -> int:
        """Records read (at most READ; none: nothing new, and all it made is committed)."""
        try:
            rows = self.store.execute("SELECT rowid, record FROM records WHERE rowid > ? ORDER BY rowid LIMIT ?",
                                      (self.last, READ)).fetchall()
        except sqlite3.OperationalError:  # the crawl has not made its tables yet
            rows = []
        if not rows:
            self._commit()
            return 0
        self.last = rows[-1][0]
        pages = [PageRecord.from_dict(json.loads(record)) for _, record in rows]
        # The boilerplate as the audit pass will find it, guessed from the pages stored so
        # far, sampled as sample_by_section samples them (the first of each section)
        sampled = False
        for page in pages:
            if page.status == 200 and page.is_html and self.repeated.pages_in[section(page.url)] < SAMPLE_PER_SECTION:
                self.repeated.add(page)
                sampled = True
        if sampled:
            self.computed.boilerplate = self.repeated.found()
        for page in pages:
            blocks = self.computed.main_text(page)
            if blocks is None:
                continue
            facts = json.dumps(self.computed.analysis(page, blocks), ensure_ascii=False)
            self.out.execute("INSERT OR IGNORE INTO made (key, facts) VALUES (?, ?)", (analysis_key(page, blocks), facts))
            self.pending += 1
            if self.pending >= BATCH:
                self._commit()
        return len(rows)

    def _commit(self) -> None:
        if self.pending:
            self.out.commit()
            self.pending = 0
