"""Downloader middleware and robots.txt parsing the crawl adds to Scrapy's own."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from urllib.parse import urlsplit
from email.utils import parsedate_to_datetime

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.robotstxt import ProtegoRobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred
from twisted.internet.task import deferLater

# RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; Google reads that much.
MAX_ROBOTS_BYTES = 500 * 1024


def retry_after_seconds(value: str | bytes | None, now: datetime | None = None) -> float | None:
    """Seconds a Retry-After header asks to wait: a number of seconds or an HTTP date."""
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max((when - (now or datetime.now(timezone.utc))).total_seconds(), 0.0)


class RetryAfterMiddleware:
    """Honours Retry-After on the answers Scrapy's RetryMiddleware retries (429, 503, ...).

    Registered just outside RetryMiddleware, so it sees the response first: when a
    retry will follow, it holds the response for as long as the server asked (at most
    AUDITOR_RETRY_AFTER_MAX seconds), then lets RetryMiddleware schedule the retry.
    While it waits, the request keeps its download slot, so the site gets no other
    request in its place either.
    """

    def __init__(self, settings):
        self.enabled = settings.getbool("RETRY_ENABLED")
        self.codes = {int(c) for c in settings.getlist("RETRY_HTTP_CODES")}
        self.max_retries = settings.getint("RETRY_TIMES")
        self.max_wait = settings.getfloat("AUDITOR_RETRY_AFTER_MAX", 60.0)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings)

    def wait_for(self, request, response) -> float:
        """Seconds to wait before this response goes on to be retried (0: no wait)."""
        if not self.enabled or response.status not in self.codes or request.meta.get("dont_retry"):
            return 0.0
        if request.meta.get("retry_times", 0) >= request.meta.get("max_retry_times", self.max_retries):
            return 0.0  # no retry follows: nothing to wait for
        seconds = retry_after_seconds(response.headers.get("Retry-After"))
        return min(seconds, self.max_wait) if seconds else 0.0

    async def process_response(self, request, response):
        seconds = self.wait_for(request, response)
        if seconds > 0:
            from twisted.internet import reactor  # the one Scrapy installed, never a default one

            # A reactor timer may fire a little early; the server counts from its own clock.
            until = time.monotonic() + seconds
            while (left := until - time.monotonic()) > 0:
                await maybe_deferred_to_future(deferLater(reactor, left + 0.01, lambda: None))
        return response


class RobotsParser(ProtegoRobotParser):
    """Protego on the first 500 KiB of robots.txt (whole lines only): a multi-megabyte
    file is read as search engines read it, and quickly."""

    def __init__(self, robotstxt_body: bytes, spider=None):
        if len(robotstxt_body) > MAX_ROBOTS_BYTES:
            head = robotstxt_body[:MAX_ROBOTS_BYTES]
            robotstxt_body = head[:head.rfind(b"\n") + 1] or head
        super().__init__(robotstxt_body, spider)


class RobotsTxtWaitMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, with every request that waits for robots.txt
    getting the parser.

    Scrapy's has all waiting requests await one shared Deferred; under the asyncio
    reactor the first awaiter takes its result and the others get None, which means
    "no robots.txt": they were fetched even when disallowed. Each waiter here gets its
    own Deferred, fired with the parser.
    """

    def allows(self, url: str) -> bool:
        """Whether robots.txt, as read so far, lets `url` be fetched (True while unread):
        what a page's scripts load in the browser obeys it as the crawl does."""
        parser = self._parsers.get(urlsplit(url).netloc)
        if parser is None or isinstance(parser, Deferred):
            return True
        return parser.allowed(url, self._robotstxt_useragent or self._default_useragent)

    async def robot_parser(self, request):
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):
            return await super().robot_parser(request)
        mine = Deferred()

        def pass_on(parser):
            mine.callback(parser)
            return parser  # for the next waiter

        pending.addCallback(pass_on)
        return await maybe_deferred_to_future(mine)
