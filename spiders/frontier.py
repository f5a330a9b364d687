"""A crawl spread over machines: one frontier in Redis, shared by every process of the run.

- Requests: a Redis sorted set ordered as scrapy-redis's priority queue (breadth-first, as
  on one machine). A request handed to a process is leased, not popped: it moves, in one
  step, from the queue into that process's lease (a hash). The process gives the lease
  back only once the request's outcome and everything it yielded are stored and committed.
- Heartbeats: each process refreshes a key with a short time-to-live every second. A
  process whose key has expired is gone: any other process moves its leased requests back
  into the queue (counted as re-leased), so a dead machine's pages are crawled by the others.
- Duplicates: the spider's own rule, one fetch per URL whether page or resource, made
  shared by a Redis set of URLs (`claim`: SADD answers atomically whether a URL is new,
  so two machines never both queue it). `--max-pages` counts a set of page URLs, so a
  page queued again after a loss is not counted twice.
- The end of the run: the process that started it waits until the queue is empty and no
  lease is held for QUIET_SECONDS, then sweeps the store (spiders/sweep.py): every
  discovered URL without an outcome is queued again, and the run ends only when the
  sweep finds none left to queue.
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
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from spiders.pipelines import store_flush

PREFIX = "auditor:"
QUEUE = PREFIX + "requests"
SEEN = PREFIX + "seen"
PAGES = PREFIX + "pages"
LEASE = PREFIX + "lease:"  # + process id: hash of encoded request -> its queue score
ALIVE = PREFIX + "alive:"  # + process id: the heartbeat
PROCESSES = PREFIX + "processes"  # process id -> requests it took
RELEASED = PREFIX + "released"  # requests moved back from a dead process's lease
DONE = PREFIX + "done"
STOPPED = PREFIX + "stopped"  # the run ended before its crawl did: it can be resumed
RUN = PREFIX + "run"
# How often an idle process looks for requests other machines queued (Scrapy's own is 5 s).
POLL_SECONDS = 0.5
# Queue empty and no lease held for this long: the store is swept, and the run is over
# when the sweep finds nothing to fetch.
QUIET_SECONDS = 2.0
# Each process reports this often; one silent for LEASE_SECONDS loses its leases.
HEARTBEAT_SECONDS = 1.0
LEASE_SECONDS = 6.0

# The first request of the queue into the process's lease (KEYS: queue, lease, processes).
_TAKE = """
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #first == 0 then return false end
redis.call('ZREM', KEYS[1], first[1])
redis.call('HSET', KEYS[2], first[1], first[2])
redis.call('HINCRBY', KEYS[3], ARGV[1], 1)
return first[1]
"""
# A silent process's lease back into the queue (KEYS: lease, its heartbeat, queue, counter).
_RECLAIM = """
if redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
local held = redis.call('HGETALL', KEYS[1])
if #held == 0 then return 0 end
for i = 1, #held, 2 do redis.call('ZADD', KEYS[3], held[i + 1], held[i]) end
redis.call('DEL', KEYS[1])
redis.call('INCRBY', KEYS[4], #held / 2)
return #held / 2
"""
# Count a page against --max-pages once (KEYS: page set; ARGV: url, budget): 1 if allowed.
_COUNT_PAGE = """
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 1 end
if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('SADD', KEYS[1], ARGV[1])
return 1
"""


def connect(url: str) -> redis.Redis:
    return redis.Redis.from_url(url)


def settings(url: str, seed: bool) -> dict:
    """Scrapy settings that put the frontier in Redis at `url`."""
    return {
        "SCHEDULER": "spiders.frontier.SharedScheduler",
        "SCHEDULER_QUEUE_CLASS": "spiders.frontier.LeasedQueue",
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


def _state_keys(server: redis.Redis) -> list:
    return [QUEUE, SEEN, PAGES, PROCESSES, RELEASED, PREFIX + "dupefilter",
            *server.scan_iter(LEASE + "*"), *server.scan_iter(ALIVE + "*")]


def start_run(url: str, options: dict) -> str:
    """Clear what an earlier run left and publish this run's options for the workers."""
    server = connect(url)
    server.delete(DONE, STOPPED, RUN, *_state_keys(server))
    return _publish(server, options)


def rejoin_run(url: str, options: dict) -> str:
    """Carry on a run whose starting process died or was stopped: its queue, leases and
    URL sets stay; a new run id lets waiting workers join, and those still crawling go on."""
    server = connect(url)
    server.delete(DONE, STOPPED)
    return _publish(server, options)


def _publish(server: redis.Redis, options: dict) -> str:
    run_id = uuid.uuid4().hex
    server.set(RUN, json.dumps({"id": run_id, "options": options}))
    return run_id


def finish_run(url: str, finished: bool) -> dict:
    """Tell the workers the run is over (also when it was interrupted) and return who took
    part. The frontier is freed only when the crawl finished: an interrupted run keeps it
    for `--resume`."""
    server = connect(url)
    record = participants(server)
    run = server.get(RUN)
    server.set(DONE, json.loads(run)["id"] if run else "")
    if finished:
        server.delete(STOPPED, *_state_keys(server))
    else:
        server.set(STOPPED, 1)
    return record


def was_stopped(url: str) -> bool:
    """Whether the run this worker took part in ended before its crawl did."""
    return connect(url).exists(STOPPED) == 1


def participants(server: redis.Redis) -> dict:
    """The processes that took part (with the requests each took) and the requests re-leased."""
    taken = {key.decode(): int(n) for key, n in server.hgetall(PROCESSES).items()}
    return {"processes": [{"process": p, "requests": taken[p]} for p in sorted(taken)],
            "re_leased": int(server.get(RELEASED) or 0)}


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
    """The crawl's URLs already queued and its pages counted, across machines."""

    def __init__(self, url: str):
        self.server = connect(url)
        self._count_page = self.server.register_script(_COUNT_PAGE)

    def claim(self, url: str) -> bool:
        return self.server.sadd(SEEN, url) == 1

    def forget(self, urls: list[str]) -> None:
        """Let `urls` be queued again (a sweep found them without an outcome)."""
        for i in range(0, len(urls), 1000):
            self.server.srem(SEEN, *urls[i:i + 1000])

    def count_page(self, url: str, budget: int) -> bool:
        """Count `url` as a page of the run; False when the budget is spent by other pages."""
        return self._count_page(keys=[PAGES], args=[url, budget]) == 1


class LeasedQueue(PriorityQueue):
    """scrapy-redis's priority queue whose pop leases the request to this process."""

    process = ""  # set by the scheduler

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.leased: dict = {}  # request -> its encoded form (the lease's field)
        self._take = self.server.register_script(_TAKE)

    def pop(self, timeout=0):
        data = self._take(keys=[self.key, LEASE + self.process, PROCESSES], args=[self.process])
        if data is None:
            return None
        request = self._decode_request(data)
        self.leased[request] = data
        return request


class SharedScheduler(Scheduler):
    """scrapy-redis's scheduler with leases and heartbeats, knowing when every machine has
    run dry and nothing discovered is left without an outcome."""

    @classmethod
    def from_crawler(cls, crawler):
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        scheduler.seed = crawler.settings.getbool("AUDITOR_SEED")
        scheduler.process = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        scheduler.quiet_since = None
        scheduler.swept: set[str] = set()
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    def open(self, spider):
        super().open(spider)
        self.queue.process = self.process
        self.server.hsetnx(PROCESSES, self.process, 0)  # taking part, even if it never gets a request
        self._reclaim = self.server.register_script(_RECLAIM)
        # an idle process polls the shared queue this often (Scrapy's engine waits 5 s)
        self.crawler.engine._SLOT_HEARTBEAT_INTERVAL = POLL_SECONDS
        self.heartbeat = task.LoopingCall(self.beat)
        self.heartbeat.start(HEARTBEAT_SECONDS, now=True)

    def close(self, reason):
        if self.heartbeat.running:
            self.heartbeat.stop()
        # the item pipeline has committed by now: what is finished is released, the rest
        # (abandoned downloads) goes back to the queue for another process or a resume
        self.release_finished(flush=False)
        self.reclaim(self.process, alive=False)
        self.server.delete(ALIVE + self.process)
        return super().close(reason)

    def beat(self):
        self.server.set(ALIVE + self.process, 1, px=int(LEASE_SECONDS * 1000))
        self.release_finished()
        for key in self.server.scan_iter(LEASE + "*"):
            owner = key.decode()[len(LEASE):]
            if owner != self.process:
                self.reclaim(owner)

    def reclaim(self, owner: str, alive: bool = True) -> int:
        """Move a silent process's leased requests back into the queue."""
        heartbeat = ALIVE + owner if alive else PREFIX + "nobody"
        return self._reclaim(keys=[LEASE + owner, heartbeat, self.queue.key, RELEASED])

    def release_finished(self, flush: bool = True) -> None:
        """Give back the leases of requests this process is done with, once their records
        are committed (a request stays in the engine's in-progress set until its callback's
        output, records and new requests alike, has been handled)."""
        slot = getattr(self.crawler.engine, "_slot", None)
        in_progress = slot.inprogress if slot is not None else set()
        done = [request for request in self.queue.leased if request not in in_progress]
        if not done:
            return
        if flush:
            self.crawler.signals.send_catch_log(store_flush)
        self.server.hdel(LEASE + self.process, *(self.queue.leased.pop(r) for r in done))

    def spider_idle(self, spider):
        # nothing in flight here: commit and give back every lease
        self.release_finished()
        if self.seed:
            if len(self.queue) or next(self.server.scan_iter(LEASE + "*"), None) is not None:
                self.quiet_since = None
            elif self.quiet_since is None:
                self.quiet_since = time.monotonic()
            elif time.monotonic() - self.quiet_since >= QUIET_SECONDS:
                from spiders.sweep import sweep

                self.quiet_since = None
                if not sweep(spider, self.crawler.settings["AUDITOR_STORE"], self.swept):
                    return  # the run is done: this spider closes, finish_run tells the workers
        elif self.server.exists(DONE):
            return
        raise DontCloseSpider
