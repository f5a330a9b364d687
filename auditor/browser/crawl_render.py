"""Load a crawled page in Chromium and hand back the DOM a visitor's browser builds.

The crawl has already fetched the page (robots.txt, traps, retries and statuses are
Scrapy's): the browser is served that same response, so the page is not downloaded
twice and what is rendered is exactly what was crawled. Its scripts and data then load
from the site. Only what builds the DOM is loaded (scripts and the data they fetch),
and nothing the crawl itself would not fetch: a caller's `allowed(url)` (the site's
scope, --exclude and robots.txt) decides for each request. Stylesheets, fonts and media
are not loaded, and every image gets a blank one from the browser itself (links and
text need none of them). The page never leaves its URL (a script's navigation is
recorded, not followed; a page that redirects while loading is read as it stands),
forms are never sent, dialogs are dismissed, and each page is bounded by a timeout and
a cap on waiting for the network to go quiet.

A few tabs are kept open and reused (opening one costs more than loading a small
page), in one browser context (one per tab would cost a renderer each); a tab's garbage is
collected after each page, a tab is replaced every TAB_PAGES pages, the browser and
Playwright's driver every BROWSER_PAGES pages, and the browser is started again after a
crash. Tabs keep a renderer process each: in a shared one, a page whose script never
yields would stall the others.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
from dataclasses import dataclass, field

from .chromium import LAUNCH_ARGS, merged_features


# Memory: no spare renderer is kept warm for the next tab, the GPU and network services
# run inside the browser process instead of their own, and Chromium's low-end device
# mode (smaller caches and raster buffers) about halves what a renderer holds. This
# --enable-features replaces Playwright's, so it keeps its guard against a start-up
# request to the sign-in server. The on-device model service (a utility process that
# benchmarks the machine for built-in AI, started minutes in) is not wanted either.
CRAWL_ARGS = merged_features((*LAUNCH_ARGS, "--disable-features=SpareRendererForSitePerProcess,"
                              "OptimizationGuideModelExecution,LogOnDeviceMetricsOnStartup",
                              "--in-process-gpu",
                              "--enable-features=NetworkServiceInProcess2,SkipListAccountsWithoutGaiaCookies",
                              "--enable-low-end-device-mode"))

# What builds the DOM; stylesheets, images, fonts, media, icons and beacons are not loaded.
LOADED = ("script", "xhr", "fetch", "eventsource")
# Every image is answered with this one (1x1, transparent), from the browser itself.
BLANK_GIF = "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
# After `load`, scripts fetch their data: wait until no request has been in flight for
# QUIET_S, but no longer than the cap (pages that poll or stream never go quiet).
QUIET_S = 0.1
QUIET_CAP_S = 3.0
READ_S = 10  # reading the DOM of a page that has loaded
READ_AFTER_TIMEOUT_S = 2  # ... and of one that has not (its scripts may never yield)
TAB_PAGES = 100  # pages per tab: the tab's memory starts afresh after
# pages per browser: then Chromium and Playwright's driver, whose memory grows with the
# pages they have served, are stopped (once their last pages are done) and started afresh
BROWSER_PAGES = 500
# Playwright's driver (Node) lets its young generation grow to tens of MB between
# collections while it relays the tabs' messages: a 1 MB semi-space held it at 125-131 MB
# instead of 140-190 over 2,142 pages, at no measured cost in speed.
DRIVER_NODE_OPTIONS = "--max-semi-space-size=1"
DROPPED_HEADERS = {"content-encoding", "content-length", "transfer-encoding", "set-cookie"}
READ_DOM = "() => (document.doctype ? '<!DOCTYPE html>' : '') + document.documentElement.outerHTML"


@dataclass
class Rendered:
    html: str | None  # the DOM after scripts ran (None when nothing could be read)
    error: str | None = None
    blocked_navigations: list[str] = field(default_factory=list)  # where scripts tried to go
    blocked_posts: list[str] = field(default_factory=list)  # forms sent by scripts (never sent)


@dataclass
class _Job:
    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    served: bool = False
    outcome: Rendered = field(default_factory=lambda: Rendered(None))
    left: asyncio.Event = field(default_factory=asyncio.Event)  # a script or form sent the visitor elsewhere


class _Tab:
    """One reusable page. Its requests are intercepted on a DevTools session of its own:
    Playwright's routes would create objects for every request in its driver and here,
    and they would only be freed when the tab closes."""

    def __init__(self, page, session, main_frame: str, allowed, pages_left: int) -> None:
        self.allowed = allowed
        self.page = page
        self.session = session
        self.main_frame = main_frame
        self.job: _Job | None = None
        self.pages_left = pages_left
        self.in_flight: set[str] = set()
        page.on("dialog", lambda dialog: asyncio.ensure_future(dialog.dismiss()))
        session.on("Fetch.requestPaused", self.paused)
        session.on("Network.requestWillBeSent", lambda event: self.in_flight.add(event["requestId"]))
        session.on("Network.loadingFinished", lambda event: self.in_flight.discard(event["requestId"]))
        session.on("Network.loadingFailed", lambda event: self.in_flight.discard(event["requestId"]))

    async def paused(self, event: dict) -> None:
        try:
            method, params = self.answer(event)
            await self.session.send(method, {"requestId": event["requestId"], **params})
        except Exception:  # the tab was closed meanwhile: nothing is waiting for this request
            pass

    def answer(self, event: dict) -> tuple[str, dict]:
        """What to do with a request: the DevTools command and its parameters."""
        request, job = event["request"], self.job
        kind = event.get("resourceType", "").lower()
        if kind == "document" and event.get("frameId") == self.main_frame:
            if job is not None and not job.served and request["url"].split("#")[0] == job.url.split("#")[0]:
                job.served = True
                headers = [{"name": k, "value": v} for k, v in job.headers.items() if k.lower() not in DROPPED_HEADERS]
                return "Fetch.fulfillRequest", {"responseCode": job.status, "responseHeaders": headers,
                                                "body": base64.b64encode(job.body).decode("ascii")}
            if job is not None and request["url"] != "about:blank":
                blocked = job.outcome.blocked_navigations if request["method"] == "GET" else job.outcome.blocked_posts
                blocked.append(request["url"])
                job.left.set()
            # a script sending the visitor elsewhere, or a form: never followed. A 204 answer
            # leaves the page where it is (aborting would show the browser's error page).
            return "Fetch.fulfillRequest", {"responseCode": 204, "responseHeaders": [], "body": ""}
        if kind == "image":
            # An image that failed would fire its `onerror`, and a handler that swaps in a
            # fallback image that fails in turn loops, so that `load` never comes.
            return "Fetch.fulfillRequest", {"responseCode": 200, "body": BLANK_GIF,
                                            "responseHeaders": [{"name": "Content-Type", "value": "image/gif"}]}
        if kind not in LOADED or not self.allowed(request["url"]):
            return "Fetch.failRequest", {"errorReason": "Failed"}
        return "Fetch.continueRequest", {}


class CrawlRenderer:
    """Renders pages for the crawl, `concurrency` at once. Chromium starts on first use."""

    def __init__(self, executable_path: str, concurrency: int = 4, timeout_s: float = 15.0,
                 user_agent: str | None = None, allowed=lambda url: True) -> None:
        self._exe = executable_path
        self._allowed = allowed
        self._size = max(1, concurrency)
        self._timeout_ms = timeout_s * 1000
        self._user_agent = user_agent
        self._pw = None
        self._browser = None
        self._context = None
        self._starting = asyncio.Lock()
        self._free: list[_Tab] = []
        self._open = 0
        self._opened = 0
        self._taken = 0  # pages handed to the running browser
        self._retiring = False  # it has had its BROWSER_PAGES: no more pages until it is replaced
        self._returned = asyncio.Condition()

    async def _browser_up(self):
        async with self._starting:
            if self._browser is None or not self._browser.is_connected():
                if self._pw is None:
                    self._pw = await _start_driver()
                self._open -= len(self._free)  # tabs of a browser that crashed
                self._free.clear()
                self._browser = await self._pw.chromium.launch(
                    executable_path=self._exe, args=list(CRAWL_ARGS), headless=True)
                self._context = await self._browser.new_context(
                    service_workers="block", user_agent=self._user_agent, accept_downloads=False)
            return self._context

    async def _new_tab(self) -> _Tab:
        context = await self._browser_up()
        page = await context.new_page()
        # A new renderer holds most over its first pages: the first tabs are replaced
        # after 1/4, 2/4, 3/4 and all of TAB_PAGES, so that the tabs are not all new at once.
        self._opened += 1
        first = self._opened <= self._size
        session = await context.new_cdp_session(page)
        tree = await session.send("Page.getFrameTree")
        tab = _Tab(page, session, tree["frameTree"]["frame"]["id"], self._allowed,
                   TAB_PAGES * self._opened // self._size if first else TAB_PAGES)
        await session.send("Network.enable")
        await session.send("Fetch.enable", {"patterns": [{"urlPattern": "*"}]})
        return tab

    async def _take(self) -> _Tab:
        async with self._returned:
            while self._retiring or (not self._free and self._open >= self._size):
                await self._returned.wait()
            self._taken += 1
            self._retiring = self._taken >= BROWSER_PAGES
            if self._free:
                return self._free.pop()
            self._open += 1
        try:
            return await self._new_tab()
        except BaseException:
            await self._give_back(None)
            raise

    async def _give_back(self, tab: _Tab | None) -> None:
        async with self._returned:
            if tab is None:
                self._open -= 1
            else:
                self._free.append(tab)
            if self._retiring and len(self._free) == self._open:  # its last pages are done
                await self._stop_browser()
                self._taken = self._opened = 0
                self._retiring = False
                self._returned.notify_all()
            else:
                self._returned.notify()

    async def render(self, url: str, status: int, headers: dict[str, str], body: bytes) -> Rendered:
        tab = await self._take()
        job = tab.job = _Job(url, status, headers, body)
        try:
            await self._load(tab, job)
        except Exception as exc:  # a page that crashes its tab is that page's problem
            job.outcome.error = _describe(exc, self._timeout_ms)
            job.outcome.html = None
            await _close(tab.page)
            tab = None
        finally:
            if tab is not None:
                tab.job = None
                tab.pages_left -= 1
                if tab.pages_left <= 0 or tab.page.is_closed():
                    await _close(tab.page)
                    tab = None
            await self._give_back(tab)
        return job.outcome

    async def _load(self, tab: _Tab, job: _Job) -> None:
        page = tab.page
        tab.in_flight.clear()
        read_within = READ_S
        try:
            if not await _loaded_or_left(page.goto(job.url, wait_until="load", timeout=self._timeout_ms), job.left):
                # A script sent the visitor elsewhere while the page loaded (a client-side
                # redirect): answered "no content", that navigation never ends, nor would
                # the wait for `load`. What the page has parsed by then is read.
                await _parsed(page)
        except Exception as exc:
            if page.is_closed() or not self._browser.is_connected():
                raise
            job.outcome.error = _describe(exc, self._timeout_ms)  # read what has loaded all the same
            read_within = READ_AFTER_TIMEOUT_S  # a page whose scripts never yield would not answer
        await _quiet(tab.in_flight)
        job.outcome.html = await asyncio.wait_for(page.evaluate(READ_DOM), read_within)
        # A renderer lets the garbage of the pages it has shown pile up (from about 50 to
        # 125 MB over a few dozen small pages) before collecting it: collect it now.
        with contextlib.suppress(Exception):
            await asyncio.wait_for(tab.session.send("HeapProfiler.collectGarbage"), READ_AFTER_TIMEOUT_S)

    async def close(self) -> None:
        await self._stop_browser()

    async def _stop_browser(self) -> None:
        """Stop Chromium (its tabs with it: the free ones, none is in use) and the driver."""
        self._open -= len(self._free)
        self._free.clear()
        if self._browser is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._browser.close(), 15)
        if self._pw is not None:
            with contextlib.suppress(Exception):
                await self._pw.stop()
        self._browser = self._context = self._pw = None


async def _start_driver():
    """Playwright, its driver started with DRIVER_NODE_OPTIONS (this process's own
    environment is left as it was)."""
    from playwright.async_api import async_playwright

    before = os.environ.get("NODE_OPTIONS")
    os.environ["NODE_OPTIONS"] = f"{before} {DRIVER_NODE_OPTIONS}" if before else DRIVER_NODE_OPTIONS
    try:
        return await async_playwright().start()
    finally:
        if before is None:
            del os.environ["NODE_OPTIONS"]
        else:
            os.environ["NODE_OPTIONS"] = before


async def _close(page) -> None:
    with contextlib.suppress(Exception):
        await asyncio.wait_for(page.close(), 5)


async def _loaded_or_left(goto, left: asyncio.Event) -> bool:
    """True once `goto` has loaded the page; False as soon as `left` is set first."""
    loading, leaving = asyncio.ensure_future(goto), asyncio.ensure_future(left.wait())
    await asyncio.wait((loading, leaving), return_when=asyncio.FIRST_COMPLETED)
    leaving.cancel()
    if loading.done():
        loading.result()  # raises the navigation's error
        return True
    # the tab's next page interrupts this navigation: its error is of no interest
    loading.add_done_callback(lambda task: task.cancelled() or task.exception())
    return False


async def _parsed(page) -> None:
    """Wait (a little) until the page's HTML is parsed."""
    with contextlib.suppress(Exception):
        await asyncio.wait_for(page.evaluate(
            "() => document.readyState !== 'loading' || new Promise(r => addEventListener('DOMContentLoaded', r))"),
            READ_AFTER_TIMEOUT_S)


async def _quiet(in_flight: set) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + QUIET_CAP_S
    quiet_since = None
    while loop.time() < deadline:
        now = loop.time()
        if in_flight:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        elif now - quiet_since >= QUIET_S:
            return
        await asyncio.sleep(0.025)


def _describe(exc: Exception, timeout_ms: float) -> str:
    if type(exc).__name__ == "TimeoutError":
        return f"the page did not finish loading within {timeout_ms / 1000:g} s"
    return f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
