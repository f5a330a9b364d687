"""A crawl spread over machines: one frontier in Redis, shared by every process of the run.

- Requests: scrapy-redis's scheduler and priority queue (breadth-first, as on one machine).
- Duplicates: the spider's own rule, one fetch per URL whether page or resource, made
  shared by a Redis set of URLs (`claim`: SADD answers atomically whether a URL is new,
  so two machines never both queue it). Scrapy's request fingerprints would tell a HEAD
  from a GET of the same URL, and the spider decides page or resource and counts
  `--max-pages` before a request reaches the scheduler, so the URL set is what keeps
  the single-machine rules.
- The end of the run: a process flags itself busy (a key with a time-to-live) before it
  takes a request, and drops the flag once it is idle with the queue empty and its store
  writes committed. The process that started the run declares it done when the queue has
  been empty and no process busy for QUIET_SECONDS; every process then closes its spider.
"""

from __future__ import annotations

import json
import os
import socket
import time
import uuid

import redis
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from spiders.pipelines import store_flush

PREFIX = "auditor:"
QUEUE = PREFIX + "requests"
SEEN = PREFIX + "seen"
PAGES = PREFIX + "pages"
BUSY = PREFIX + "busy:"
DONE = PREFIX + "done"
RUN = PREFIX + "run"
# How often an idle process looks for requests other machines queued (Scrapy's own is 5 s).
POLL_SECONDS = 0.5
# Queue empty and nobody busy for this long: the run is over.
QUIET_SECONDS = 2.0
# A busy flag outlives its process by at most this: a machine that dies does not hang the run.
BUSY_TTL = 60


def connect(url: str) -> redis.Redis:
    return redis.Redis.from_url(url)


def settings(url: str, seed: bool) -> dict:
    """Scrapy settings that put the frontier in Redis at `url`."""
    return {
        "SCHEDULER": "spiders.frontier.SharedScheduler",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "SCHEDULER_QUEUE_KEY": QUEUE,
        # kept between processes; the run's start clears it
        "SCHEDULER_PERSIST": True,
        # never consulted (every request the spider makes is already deduplicated by URL),
        # but the scheduler builds one
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_DUPEFILTER_KEY": PREFIX + "dupefilter",
        "REDIS_URL": url,
        "AUDITOR_SEED": seed,
    }


def start_run(url: str, options: dict) -> str:
    """Clear what an earlier run left and publish this run's options for the workers."""
    server = connect(url)
    stale = [QUEUE, SEEN, PAGES, DONE, RUN, PREFIX + "dupefilter", *server.scan_iter(BUSY + "*")]
    server.delete(*stale)
    run_id = uuid.uuid4().hex
    server.set(RUN, json.dumps({"id": run_id, "options": options}))
    return run_id


def finish_run(url: str) -> None:
    """Tell the workers the run is over (also when it was interrupted) and free its keys."""
    server = connect(url)
    run = server.get(RUN)
    server.set(DONE, json.loads(run)["id"] if run else "")
    server.delete(QUEUE, SEEN, PAGES)


def wait_for_run(url: str, timeout: float) -> dict | None:
    """The options of the run in progress, once one is (None after `timeout` seconds)."""
    server = connect(url)
    deadline = time.monotonic() + timeout
    while True:
        run = server.get(RUN)
        if run is not None:
            run = json.loads(run)
            if (server.get(DONE) or b"").decode() != run["id"]:
                return run["options"]
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.2)


class SharedURLs:
    """The crawl's URLs already queued and its page count, across machines."""

    def __init__(self, url: str):
        self.server = connect(url)

    def claim(self, url: str) -> bool:
        return self.server.sadd(SEEN, url) == 1

    def count_page(self) -> int:
        return self.server.incr(PAGES)


class SharedScheduler(Scheduler):
    """scrapy-redis's scheduler, knowing when every machine has run dry."""

    @classmethod
    def from_crawler(cls, crawler):
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        scheduler.seed = crawler.settings.getbool("AUDITOR_SEED")
        scheduler.busy_key = f"{BUSY}{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        scheduler.busy = False
        scheduler.quiet_since = None
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    def open(self, spider):
        super().open(spider)
        # an idle process polls the shared queue this often (Scrapy's engine waits 5 s)
        self.crawler.engine._SLOT_HEARTBEAT_INTERVAL = POLL_SECONDS
        self.keep_alive = task.LoopingCall(self._refresh_busy)
        self.keep_alive.start(BUSY_TTL / 4, now=False)

    def close(self, reason):
        if self.keep_alive.running:
            self.keep_alive.stop()
        self.server.delete(self.busy_key)
        return super().close(reason)

    def next_request(self):
        if not self.busy:
            if not len(self.queue):
                return None
            # flagged before the pop: a request taken is always covered by a busy flag
            self.server.set(self.busy_key, 1, ex=BUSY_TTL)
            self.busy = True
        return super().next_request()

    def _refresh_busy(self):
        if self.busy:
            self.server.set(self.busy_key, 1, ex=BUSY_TTL)

    def spider_idle(self, spider):
        # nothing in flight here and the queue is empty: commit, then stop counting as busy
        self.crawler.signals.send_catch_log(store_flush)
        if self.busy:
            self.server.delete(self.busy_key)
            self.busy = False
        if self.seed:
            if len(self.queue) or next(self.server.scan_iter(BUSY + "*"), None) is not None:
                self.quiet_since = None
            elif self.quiet_since is None:
                self.quiet_since = time.monotonic()
            elif time.monotonic() - self.quiet_since >= QUIET_SECONDS:
                return  # the run is done: this spider closes, finish_run tells the workers
        elif self.server.exists(DONE):
            return
        raise DontCloseSpider
