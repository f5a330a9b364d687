"""The site spider: one record per URL, every response kept, scope never left."""

from __future__ import annotations

from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import sitemap_urls_from_robots

from auditor.errors import error_text
from auditor.gather.extract import HTML_TYPES, extract
from auditor.gather.extract_process import Extractor
from auditor.model import PageRecord
from auditor.urls import Scope, normalize
from spiders.failures import describe
from spiders.items import References, ResourceCheck, RobotsFile, SitemapCheck, SitemapUrls, TrapCut
from spiders.middlewares import MAX_ROBOTS_BYTES
from spiders.probes import Probes
from spiders.scripted import ScriptedPages
from spiders.references import css_references, manifest_references, read_sitemap
from spiders.traps import TrapGuard, TrapLimits
from spiders.turns import Turns

KEPT_HEADERS = (
    "content-type", "content-length", "content-encoding", "content-language", "cache-control",
    "expires", "etag", "last-modified", "location", "x-robots-tag", "link", "vary", "server",
    "strict-transport-security", "retry-after",
)
# Links to these are checked with HEAD, never downloaded as pages.
FILE_EXTENSIONS = {
    "pdf", "zip", "rar", "7z", "gz", "tar", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "csv",
    "jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "ico", "bmp", "mp3", "mp4", "webm",
    "mov", "avi", "wav", "ogg", "woff", "woff2", "ttf", "otf", "eot", "exe", "dmg", "apk", "iso",
    "css", "js", "json", "xml", "txt",
}
MAX_CSS_CHARS = 2_000_000
# Google's limits for one sitemap file: 50,000 URLs, 50 MB uncompressed.
MAX_SITEMAP_BYTES = 50 * 1024 * 1024
MAX_SITEMAP_URLS = 50_000
# Read to find the files they name: GET, not HEAD.
READ_KINDS = ("stylesheet", "manifest")


def _file_extension(url: str) -> str:
    path = urlsplit(url).path
    tail = path.rsplit("/", 1)[-1]
    return tail.rsplit(".", 1)[-1].lower() if "." in tail else ""


def _headers(response) -> dict[str, str]:
    out = {}
    for name in KEPT_HEADERS:
        value = response.headers.get(name)
        if value is not None:
            out[name] = value.decode("latin-1")
    return out


class SiteSpider(ScriptedPages, Probes, scrapy.Spider):
    """Crawl one site from its start URLs.

    Arguments may come from the CLI or `scrapy crawl site -a start_urls=URL[,URL]`.
    """

    name = "site"

    def __init__(self, start_urls="", include=(), exclude=(), max_pages=None, max_depth=None,
                 sitemaps=True, known_urls=None, resume=None, frontier=None, seed=True, site_origins=(),
                 *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(start_urls, str):
            start_urls = [u for u in start_urls.split(",") if u]
        normalized = [normalize(u) for u in start_urls]
        if not normalized or None in normalized:
            raise ValueError(f"start URLs must be http(s) URLs: {start_urls!r}")
        self.start_urls = normalized
        if isinstance(site_origins, str):
            site_origins = [u for u in site_origins.split(",") if u]
        self.scope = Scope(normalized, list(include), list(exclude), list(site_origins))
        self.max_pages = int(max_pages) if max_pages else None
        self.max_depth = int(max_depth) if max_depth not in (None, "") else None
        self.sitemaps = sitemaps not in (False, "0", "false", "no")
        # Every URL ever queued: the spider's own duplicate filter (and, when
        # resuming, everything already in the store).
        self.seen: set[str] = set(known_urls or ())
        # A crawl spread over machines (a Redis URL): `seen` is then this process's
        # share of the crawl's URL set in Redis, and only the process that started the
        # run (`seed`) queues the start URLs.
        if frontier:
            from spiders.frontier import SharedURLs

            self.shared = SharedURLs(frontier)
        else:
            self.shared = None
        self.seed = seed not in (False, "0", "false", "no")
        # Resuming: (url, depth) pages and (url, kind) resources still to fetch.
        self.resume = resume
        self.pages_queued = resume.pages_stored if resume else 0
        self.pages_done = 0
        self.resources_done = 0
        self.errors = 0
        self._trap_guard: TrapGuard | None = None
        self.trap_cuts: list[TrapCut] = []  # cut since the last callback yielded them
        self._cut_urls: set[str] = set()
        # URLs only a sitemap names so far: queued when the links run out, so that the
        # page budget goes to linked pages first and a sitemap never resets click depth.
        self.sitemap_later: list[str] = []
        self.extractor: Extractor | None = None  # pages parsed in worker processes, during a crawl
        self.turns = Turns() if self.max_pages or self.max_depth is not None else None
        self.init_scripts()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.queue_sitemap_urls, signal=signals.spider_idle)
        crawler.signals.connect(spider.close_renderer, signal=signals.spider_closed)
        spider.extractor = Extractor(rendered=spider.js == "always")
        crawler.signals.connect(spider.extractor.close, signal=signals.spider_closed)
        return spider

    def queue_sitemap_urls(self, spider=None):
        """When the crawl is idle: fetch what only sitemaps list (to learn its status and
        find orphans). Its links are followed only when no --max-depth bounds the crawl,
        since its click depth is unknown."""
        pending, self.sitemap_later = self.sitemap_later, []
        queued = False
        depth = self.max_depth if self.max_depth is not None else 0
        for url in pending:
            request = self.page_request(url, depth, priority=-50)
            if request:
                self.crawler.engine.crawl(request)
                queued = True
        if queued:
            raise DontCloseSpider

    @property
    def trap_guard(self) -> TrapGuard:
        # Built on first use: the crawler's settings are not there yet in __init__.
        if self._trap_guard is None:
            settings = self.settings
            self._trap_guard = TrapGuard(TrapLimits(
                max_url_length=settings.getint("AUDITOR_TRAP_MAX_URL_LENGTH", TrapLimits.max_url_length),
                max_path_repeats=settings.getint("AUDITOR_TRAP_PATH_REPEATS", TrapLimits.max_path_repeats),
                max_query_variants=settings.getint("AUDITOR_TRAP_QUERY_VARIANTS", TrapLimits.max_query_variants),
            ))
            for url in self.seen:  # resuming: what the store holds was admitted before
                self._trap_guard.note(url)
        return self._trap_guard

    def cut_as_trap(self, url: str, source: str | None) -> bool:
        """True when queuing `url` would feed a crawl trap; the cut is kept for the store."""
        cut = self.trap_guard.admit(url, source)
        if cut is None:
            return False
        # Not marked seen: a link from another page may still admit it later.
        if url not in self._cut_urls:
            self._cut_urls.add(url)
            self.trap_cuts.append(TrapCut(url, cut.kind, cut.pattern, source))
        return True

    def drain_trap_cuts(self):
        """Yield the trap cuts recorded since the last call (for the store)."""
        cuts, self.trap_cuts = self.trap_cuts, []
        yield from cuts

    # -- scheduling --------------------------------------------------------------

    async def start(self):
        if not self.seed:
            return
        if self.resume:
            for request in self.resume_requests():
                yield request
            return
        if self.sitemaps:
            for origin in dict.fromkeys(f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in self.start_urls):
                yield scrapy.Request(
                    origin + "/robots.txt", callback=self.parse_robots, errback=self.robots_failed,
                    meta={"dont_obey_robotstxt": True, "origin": origin}, dont_filter=True, priority=10,
                )
        for url in self.start_urls:
            request = self.page_request(url, 0, force=True)
            if request:
                yield request
        for probe in self.probe_requests():
            yield probe

    def resume_requests(self):
        """Carry on from the store: only what it does not hold yet is fetched."""
        for url, depth in self.resume.pages:
            if depth is None:  # listed only in a sitemap
                self.sitemap_later.append(url)
            elif self.scope.allows(url) and (self.max_depth is None or depth <= self.max_depth):
                request = self.page_request(url, depth)
                if request:
                    yield request
        for url, kind in self.resume.resources:
            if self.scope.allows_resource(url):
                request = self.resource_request(url, kind)
                if request:
                    yield request
        if self.js == "auto":
            yield from self.resume_scripts(self.resume.script_pages)

    def page_request(self, url: str, depth: int, force: bool = False, priority: int = 0, source: str | None = None):
        """The request for a page, or None. `source` is the page linking to it."""
        if url in self.seen and not force:
            return None
        if self.max_pages and self.pages_queued >= self.max_pages:
            return None
        if force:
            self.trap_guard.note(url)
        elif self.cut_as_trap(url, source):
            return None
        if not self.claim(url) and not force:
            return None
        if _file_extension(url) in FILE_EXTENSIONS:
            return self.resource_request(url, "file", seen=True)
        if self.shared and self.max_pages and not self.shared.count_page(url, self.max_pages):
            return None  # the page budget is spent, counting every machine's pages
        self.pages_queued += 1
        return scrapy.Request(
            url, callback=self.parse_page, errback=self.page_failed, dont_filter=True,
            meta={"url": url, "depth": depth}, priority=priority - depth,
        )

    def claim(self, url: str) -> bool:
        """Mark `url` queued; False when it already was (by any machine of the crawl)."""
        if url in self.seen:
            return False
        self.seen.add(url)
        return self.shared is None or self.shared.claim(url)

    def resource_request(self, url: str, kind: str, seen: bool = False):
        if not seen and not self.claim(url):
            return None
        method = "GET" if kind in READ_KINDS else "HEAD"
        return scrapy.Request(
            url, method=method, callback=self.parse_resource, errback=self.resource_failed,
            dont_filter=True, meta={"url": url, "kind": kind}, priority=-100,
        )

    # -- pages -------------------------------------------------------------------

    async def parse_page(self, response):
        # With a page or depth limit, links are queued in the order pages were fetched (spiders/turns.py)
        turn = self.turns.take() if self.turns is not None else None
        try:
            async for item in self._parse_page(response, turn):
                yield item
        finally:  # a page that fails or is cut off gives its turn up
            if turn is not None:
                self.turns.done(turn)

    async def _parse_page(self, response, turn: int | None):
        url = response.meta["url"]
        depth = response.meta["depth"]
        headers = _headers(response)
        content_type = headers.get("content-type", "")
        record = PageRecord(
            url=url,
            status=response.status,
            final_url=response.url,
            headers=headers,
            content_type=content_type.split(";")[0].strip().lower(),
            bytes=len(response.body),
            response_ms=round(response.meta.get("download_latency", 0) * 1000, 1),
        )
        if not response.meta.get("render"):  # not a page fetched again to be rendered
            self.pages_done += 1
        if 300 <= response.status < 400:
            location = headers.get("location")
            record.redirect_to = self.scope.local(normalize(location, url)) if location else None
            if not record.redirect_to:
                record.error = error_text("no-location")
            elif url in self.start_urls:
                self.scope.add_origin(record.redirect_to)
            yield record
            await self.my_turn(turn)
            if record.redirect_to and self.scope.allows(record.redirect_to):
                request = self.page_request(record.redirect_to, depth, source=url)
                if request:
                    yield request
            for cut in self.drain_trap_cuts():
                yield cut
            return

        record.is_html = record.content_type in HTML_TYPES or (
            not record.content_type and response.body[:512].lstrip()[:1] == b"<"
        )
        if record.is_html and response.body:
            try:
                if self.extractor is not None:
                    record = await self.extractor.extract(record, response.body, content_type or None)
                else:
                    extract(record, response.body, content_type or None)
            except Exception as exc:  # one malformed page never stops the crawl
                record.error = error_text("extraction-failed", detail=f"{type(exc).__name__}: {exc}")
                self.logger.exception("extraction failed on %s", url)
        self.localize(record)
        refreshed_to = (record.facts.get("refresh") or {}).get("url")
        if refreshed_to and url in self.start_urls:
            self.scope.add_origin(refreshed_to)  # where a start URL sends the visitor is the site too
        if refreshed_to and self.scope.on_site(refreshed_to):
            # A refresh that loads another page is a redirect made by the page, as Google
            # reads it: the visitor goes on without a click, and its content is not the page's.
            record.script_redirect = refreshed_to
        for link in record.links:
            link.internal = link.kind in ("a", "area") and self.scope.on_site(link.href)
        # The HTML's links are queued before the page is rendered, so that waiting for
        # the browser never lets deeper pages take the place of shallower ones.
        await self.my_turn(turn)
        for item in self.follow(record, depth):
            yield item
        if turn is not None:  # its links are queued: later pages need not wait for its rendering
            self.turns.done(turn)
        if record.is_html and not record.error:
            if self.js == "never":
                record.facts["js"] = {"rendered": False}
            else:
                try:
                    record = await self.with_scripts(record, response)
                except Exception:
                    if not self.stopping:
                        raise
                    # the crawl stopped before the page could be rendered
                    if not response.meta.get("render"):
                        self.pages_done -= 1  # not stored: a resume fetches it again
                    return
                for request in self.release_waiting():
                    yield request
                if record.facts["js"].get("rendered"):
                    for item in self.follow(record, depth):
                        yield item
        if record.error or response.status >= 400:
            self.errors += 1
        yield record

    async def my_turn(self, turn: int | None) -> None:
        """Wait until every page fetched before this one has queued its links."""
        if turn is not None:
            await self.turns.wait(turn)

    def follow(self, record: PageRecord, depth: int):
        """Requests for the pages and files a fetched page links to (and trap cuts)."""
        if record.status != 200 or not record.is_html:
            return
        if self.max_depth is None or depth < self.max_depth:
            # Canonical and hreflang targets are URLs the site asks search engines to
            # index: fetch them too, so a broken one is known.
            declared = record.canonicals + [entry["href"] for entry in record.hreflang]
            # where the page's scripts send the visitor (recorded, not followed, while rendering)
            declared += [u for u in map(normalize, record.facts.get("js", {}).get("navigation_blocked", ())) if u]
            declared += [record.script_redirect] if record.script_redirect else []
            for url in [link.href for link in record.links if link.internal] + declared:
                if url not in self.seen and self.scope.allows(url):
                    request = self.page_request(url, depth + 1, source=record.url)
                    if request:
                        yield request
            yield from self.drain_trap_cuts()
        for resource in record.resources:
            if resource.url not in self.seen and self.scope.allows_resource(resource.url):
                request = self.resource_request(resource.url, resource.kind)
                if request:
                    yield request

    def localize(self, record: PageRecord) -> None:
        """URLs on a declared site origin (--site-origin) read as this copy's own."""
        local = self.scope.local
        if not self.scope.aliases:
            return
        for link in record.links:
            link.href = local(link.href)
        record.canonicals = [local(u) for u in record.canonicals]
        for entry in record.hreflang:
            entry["href"] = local(entry.get("href") or "")
        for key in ("og:url",):
            if record.meta.get(key):
                record.meta[key] = local(record.meta[key])
        refresh = record.facts.get("refresh")
        if refresh and refresh["url"]:
            refresh["url"] = local(refresh["url"])

    def page_failed(self, failure):
        request = failure.request
        self.pages_done += 1
        self.errors += 1
        yield PageRecord(url=request.meta["url"], error=describe(failure, request))

    # -- resources ---------------------------------------------------------------

    def parse_resource(self, response):
        url, kind = response.meta["url"], response.meta["kind"]
        if response.request.method == "HEAD" and response.status in (403, 405, 501):
            # Some servers refuse HEAD: ask again with GET before calling it broken.
            yield response.request.replace(method="GET")
            return
        self.resources_done += 1
        headers = _headers(response)
        body = None
        if kind == "stylesheet" and response.status == 200 and len(response.body) <= MAX_CSS_CHARS:
            body = response.body.decode(getattr(response, "encoding", None) or "utf-8", "replace")
        size = len(response.body) if response.request.method == "GET" else _int(headers.get("content-length"))
        if 300 <= response.status < 400:
            location = headers.get("location")
            target = normalize(location, url) if location else None
            if target and self.scope.allows_resource(target):
                request = self.resource_request(target, kind)
                if request:
                    yield request
        yield ResourceCheck(url, kind, response.status, headers.get("content-type", ""), size, None, body)
        if response.status == 200 and kind in READ_KINDS:
            yield from self.references(url, kind, body if kind == "stylesheet" else response.body)

    def references(self, url: str, kind: str, content):
        """The files a stylesheet or a web app manifest names: stored, and each checked once."""
        if content is None:
            return
        try:
            targets = css_references(content, url) if kind == "stylesheet" else manifest_references(content, url)
        except ValueError:  # a manifest that is not JSON: nothing to follow
            return
        if not targets:
            return
        yield References(url, targets)
        for target, target_kind in targets:
            if target not in self.seen and self.scope.allows_resource(target):
                request = self.resource_request(target, target_kind)
                if request:
                    yield request

    def resource_failed(self, failure):
        meta = failure.request.meta
        self.resources_done += 1
        yield ResourceCheck(meta["url"], meta["kind"], None, error=describe(failure, failure.request))

    # -- robots.txt and sitemaps -------------------------------------------------

    def parse_robots(self, response):
        origin = response.meta["origin"]
        listed = []
        if response.status == 200:
            # As robots.txt rules are read: the first 500 KiB (lines that are not UTF-8 are skipped).
            head = response.body[:MAX_ROBOTS_BYTES]
            # a sitemap on the site's declared production origin is the audited copy's (--site-origin)
            listed = [self.scope.local(normalize(u, origin)) for u in sitemap_urls_from_robots(head, base_url=origin)]
            yield RobotsFile(origin, head.decode("utf-8-sig", "ignore"))
        named = [u for u in listed if u]
        for url in dict.fromkeys(named + [origin + "/sitemap.xml"]):
            source = "robots.txt" if url in named else "default"
            if not self.scope.on_site(url):
                # search engines accept a sitemap on another host only when that host is verified
                yield SitemapCheck(url, source, error="on another host")
            elif self.claim(url):
                yield self.sitemap_request(url, source)

    def sitemap_request(self, url: str, source: str):
        return scrapy.Request(url, callback=self.parse_sitemap, errback=self.sitemap_failed, dont_filter=True,
                              priority=5, meta={"url": url, "source": source})

    def robots_failed(self, failure):
        self.logger.info("not read: %s (%s)", failure.request.url, describe(failure, failure.request))

    def sitemap_failed(self, failure):
        meta = failure.request.meta
        yield SitemapCheck(meta["url"], meta["source"], error=describe(failure, failure.request))

    def parse_sitemap(self, response):
        url, source = response.meta["url"], response.meta["source"]
        if response.status != 200:
            yield SitemapCheck(url, source, response.status)
            return
        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                body = gunzip(body, max_size=MAX_SITEMAP_BYTES)
            except Exception:
                yield SitemapCheck(url, source, response.status, "unreadable gzip", bytes=len(body))
                return
        try:
            kind, entries = read_sitemap(body)
        except ValueError as exc:
            yield SitemapCheck(url, source, response.status, str(exc), bytes=len(body))
            return
        located = [(self.scope.local(normalize(loc, response.url)), line) for loc, line in entries]
        located = [(u, line) for u, line in located if u]
        mine = [(u, line) for u, line in located if self.scope.on_site(u)]
        error = None
        if len(located) > MAX_SITEMAP_URLS or len(body) > MAX_SITEMAP_BYTES:
            error = "too large"
        yield SitemapCheck(url, source, response.status, error, len(located), len(located) - len(mine), len(body))
        if kind == "sitemapindex":
            for child, _line in mine:
                if self.claim(child):
                    yield self.sitemap_request(child, url)
            return
        yield SitemapUrls(url, [u for u, _ in mine], [line for _, line in mine])
        self.sitemap_later += [listed for listed, _line in mine if listed not in self.seen and self.scope.allows(listed)]


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
