"""Run the site spider in this process and stream its records into the store."""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from auditor.options import STORED, default, of_stage
from auditor.store.database import is_postgres
from auditor.progress import Progress
from spiders import settings as default_settings
from spiders.pipelines import store_flush
from spiders.site import SiteSpider

# After the first SIGINT or SIGTERM the crawl finishes the downloads in flight, but
# no longer than this: a download that hangs is abandoned (a resume fetches it again).
STOP_GRACE_S = 7


class _Process(CrawlerProcess):
    """Scrapy's process, remembering which signal stopped it, and bounded in how long
    stopping takes."""

    stop_signal: int | None = None
    on_stop = None
    on_force_stop = None

    def _signal_shutdown(self, signum, frame):
        from twisted.internet import reactor

        self.stop_signal = signum
        super()._signal_shutdown(signum, frame)
        if self.on_stop is not None:
            reactor.callFromThread(self.on_stop)
        reactor.callFromThread(reactor.callLater, STOP_GRACE_S, self._force_stop)

    def _force_stop(self):
        from twisted.internet import reactor

        if reactor.running:
            if self.on_force_stop is not None:
                self.on_force_stop()  # commit what was stored so far
            self._stop_reactor()


@dataclass
class Resume:
    """Where an interrupted crawl stopped, read back from its store."""

    pages: list[tuple[str, int]]
    resources: list[tuple[str, str]]
    pages_stored: int
    script_pages: list[tuple[str, int | None, dict]] = field(default_factory=list)  # see Store.script_pages


@dataclass
class CrawlOptions:
    start_urls: list[str]
    store_path: str
    max_pages: int | None = default("max_pages")
    max_depth: int | None = default("max_depth")
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    site_origin: list[str] = field(default_factory=list)  # read as the site's own (a staging copy's production)
    concurrency: int = default("concurrency")
    delay: float = default("delay")
    ignore_robots: bool = default("ignore_robots")
    user_agent: str | None = default("user_agent")
    sitemap: bool = default("sitemap")
    timeout: float = default("timeout")  # seconds for one download (DOWNLOAD_TIMEOUT)
    max_url_length: int = default("max_url_length")  # crawl-trap limits (spiders/traps.py)
    max_path_repeats: int = default("max_path_repeats")
    max_query_variants: int = default("max_query_variants")
    js: str = default("js")  # which pages are rendered in Chromium while crawling (auto | always | never)
    known_urls: set[str] = field(default_factory=set)
    resume: Resume | None = None
    # A crawl spread over machines: the Redis URL of the shared frontier, and whether
    # this process starts the run (queues the start URLs) or is a worker joining it.
    frontier: str | None = None
    seed: bool = True
    # every stored option of the run (auditor/options.py), published to workers whole
    values: dict = field(default_factory=dict)

    @classmethod
    def of(cls, start_urls: list[str], values: dict, store_path: str, **internal) -> "CrawlOptions":
        """The crawl stage's options from the run's option values."""
        return cls(start_urls, store_path, **of_stage(values, "crawl"), values=values, **internal)

    def settings(self) -> dict:
        """What a resumed run and a worker start from: the start URLs and every stored option."""
        return {"start_urls": self.start_urls, **of_stage(self.values, *STORED)}


def scrapy_settings(options: CrawlOptions) -> Settings:
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    overrides = {
        "AUDITOR_STORE": options.store_path,
        "CONCURRENT_REQUESTS": max(16, options.concurrency),
        "CONCURRENT_REQUESTS_PER_DOMAIN": options.concurrency,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": options.concurrency,
        "DOWNLOAD_DELAY": options.delay,
        "AUTOTHROTTLE_START_DELAY": max(options.delay, 0.5 if options.delay else 0.05),
        "ROBOTSTXT_OBEY": not options.ignore_robots,
        "DOWNLOAD_TIMEOUT": options.timeout,
        "AUDITOR_TRAP_MAX_URL_LENGTH": options.max_url_length,
        "AUDITOR_TRAP_PATH_REPEATS": options.max_path_repeats,
        "AUDITOR_TRAP_QUERY_VARIANTS": options.max_query_variants,
        "AUDITOR_JS": options.js,
        "AUDITOR_CHROMIUM": options.values.get("chromium"),
        "LOG_INSTALL_ROOT_HANDLER": False,
        # The spider is given as a class: Scrapy's loader would import every module of
        # `spiders` to look for others (the Redis client of a spread crawl among them).
        "SPIDER_MODULES": [],
    }
    if options.frontier:
        from spiders import frontier

        overrides.update(frontier.settings(options.frontier, options.seed))
    if options.user_agent:
        overrides["USER_AGENT"] = options.user_agent
    settings.setdict(overrides, priority="cmdline")
    return settings


def crawl(options: CrawlOptions, show_progress: bool | None = None) -> dict:
    """Crawl the site; returns the spider's counters once it is done."""
    if options.frontier:  # the queue lives in Redis
        return _crawl(options, show_progress, scrapy_settings(options))
    # Requests waiting to be fetched go to a disk queue beside the store, so a wide
    # site's frontier does not sit in memory. Resuming reads the store, never this
    # queue: one a killed run left behind is removed.
    if is_postgres(options.store_path):
        queue = Path(tempfile.mkdtemp(prefix="auditor-queue-"))
    else:
        queue = Path(options.store_path).parent / "queue"
        shutil.rmtree(queue, ignore_errors=True)
    settings = scrapy_settings(options)
    settings.set("JOBDIR", str(queue), priority="cmdline")
    try:
        return _crawl(options, show_progress, settings)
    finally:
        shutil.rmtree(queue, ignore_errors=True)


def _crawl(options: CrawlOptions, show_progress: bool | None, settings: Settings) -> dict:
    process = _Process(settings)
    # Scrapy's loggers take every message (DEBUG), for its handlers to drop: a record made
    # and dropped for each page fetched and each item stored.
    logging.getLogger("scrapy").setLevel(settings.get("LOG_LEVEL"))
    crawler = process.create_crawler(SiteSpider)
    process.on_force_stop = lambda: crawler.signals.send_catch_log(store_flush)
    process.on_stop = lambda: crawler.spider is not None and crawler.spider.stop_rendering()
    process.crawl(
        crawler,
        start_urls=options.start_urls,
        include=options.include,
        exclude=options.exclude,
        site_origins=options.site_origin,
        max_pages=options.max_pages,
        max_depth=options.max_depth,
        sitemaps=options.sitemap,
        known_urls=options.known_urls,
        resume=options.resume,
        frontier=options.frontier,
        seed=options.seed,
    )
    counters: dict = {}
    stored = options.resume.pages_stored if options.resume else 0  # URLs a resumed run holds already
    with Progress("Crawling", show_progress, already=stored) as progress:
        from twisted.internet import task

        def refresh():
            spider = crawler.spider
            if spider is None:
                return
            counters.update(  # URLs as the summary counts them: every page record, whatever its status
                urls=stored + spider.pages_done,
                queue=max(spider.pages_queued - stored - spider.pages_done, 0),
                resources=spider.resources_done,
                **({"rendered": spider.rendered} if spider.rendered else {}),
                errors=spider.errors,
            )
            progress.update(**counters)

        loop = task.LoopingCall(refresh)
        loop.start(0.25, now=False)
        if options.frontier and options.seed:
            from spiders import frontier

            # a resumed run carries on from the frontier its first process left
            (frontier.rejoin_run if options.resume else frontier.start_run)(options.frontier, options.settings())
        try:
            process.start()
        finally:
            if loop.running:  # else its call, left in the stopped reactor, keeps the whole crawler alive
                loop.stop()
            if options.frontier and options.seed:
                finished = process.stop_signal is None and crawler.stats.get_value("finish_reason") == "finished"
                counters["distributed"] = frontier.finish_run(options.frontier, finished)
        refresh()
    counters["finish_reason"] = crawler.stats.get_value("finish_reason")
    if crawler.spider is not None:  # what the crawl stayed within, for what it left out
        counters["scope"] = crawler.spider.scope
    if process.stop_signal is not None:
        counters["finish_reason"] = "shutdown"
        counters["signal"] = process.stop_signal
    return counters
