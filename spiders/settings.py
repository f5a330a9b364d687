"""Scrapy settings for auditing a client's production site: polite by default."""

from scrapy.settings import default_settings as scrapy_defaults

from auditor.options import ROBOTS_AGENT, default

BOT_NAME = "auditor"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

USER_AGENT = "Mozilla/5.0 (compatible; auditor/0.1; +site audit)"
ROBOTSTXT_OBEY = True
ROBOTSTXT_USER_AGENT = ROBOTS_AGENT
# Protego on the first 500 KiB only, as RFC 9309 allows and search engines do.
ROBOTSTXT_PARSER = "spiders.middlewares.RobotsParser"

# Politeness: a few requests at a time, adapted to how fast the server answers.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = default("concurrency")
DOWNLOAD_DELAY = 0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 10
AUTOTHROTTLE_TARGET_CONCURRENCY = default("concurrency")
DOWNLOAD_TIMEOUT = default("timeout")
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 0
RETRY_TIMES = 1
# A 429/503 retry waits as long as Retry-After asks, up to this many seconds
# (spiders.middlewares.RetryAfterMiddleware, just outside RetryMiddleware at 550).
AUDITOR_RETRY_AFTER_MAX = 60
DOWNLOADER_MIDDLEWARES = {
    "spiders.middlewares.RetryAfterMiddleware": 555,
    # Scrapy's lets requests that wait for robots.txt through unchecked (see the class)
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "spiders.middlewares.RobotsTxtWaitMiddleware": 100,
}

# Spider traps (spiders/traps.py): URLs longer than this are not queued, nor paths
# where a run of folders follows itself more than AUDITOR_TRAP_PATH_REPEATS times,
# nor session-ID variants of a queued URL, nor more than AUDITOR_TRAP_QUERY_VARIANTS
# query variants of one path reached from that same path.
AUDITOR_TRAP_MAX_URL_LENGTH = default("max_url_length")
AUDITOR_TRAP_PATH_REPEATS = default("max_path_repeats")
AUDITOR_TRAP_QUERY_VARIANTS = default("max_query_variants")
# The trap limits above decide which long URLs to skip, and record each one; Scrapy's
# own length filter (2,083 characters) would drop them silently.
URLLENGTH_LIMIT = 0

# Every response is a finding waiting to happen: 4xx/5xx and 3xx reach the spider,
# which records redirects hop by hop instead of letting Scrapy follow them.
HTTPERROR_ALLOW_ALL = True
REDIRECT_ENABLED = False
METAREFRESH_ENABLED = False

# Breadth-first, so a page limit keeps the pages closest to the start.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "spiders.queues.BufferedFifoQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

# The spider knows which URLs it has queued; Scrapy's fingerprinting of every
# duplicate link would be wasted work.
DUPEFILTER_CLASS = "scrapy.dupefilters.BaseDupeFilter"
SPIDER_MIDDLEWARES = {"scrapy.spidermiddlewares.depth.DepthMiddleware": None}

ITEM_PIPELINES = {"spiders.pipelines.StorePipeline": 100}
# What a page's callback yields is handled one after the other: the store pipeline is
# synchronous, and Scrapy's default (100) starts 100 asyncio tasks for every response.
CONCURRENT_ITEMS = 1
TELNETCONSOLE_ENABLED = False
# Scrapy's remote control (a web server for a running crawl, which the auditor never
# turns on) imports aiohttp's web server whenever the extensions are listed, even one
# set to None: a tenth of a second of every start. Left out of the list instead.
EXTENSIONS_BASE = {path: order for path, order in scrapy_defaults.EXTENSIONS_BASE.items()
                   if not path.endswith(".RemoteControl")}
# Nothing reads the downloader's byte counts, which rebuild each request's raw HTTP text.
DOWNLOADER_STATS = False
LOG_LEVEL = "WARNING"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
