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
a cap on waiting for the network to go quiet. Other sites' scripts and data load as in a
visitor's browser, but once parsed a page waits for them no longer than OFFSITE_WAIT_S:
analytics, ads and chat widgets hold back its `load` (for seconds where they cannot be
reached) and build none of its links. Once the DOM is read, a page linking to
a #fragment of its own that names no element gets that fragment in its address: if its
scripts then change the page, its fragments are a script's views, not broken links.

A few tabs are kept open and reused (opening one costs more than loading a small
page), in one browser context (one per tab would cost a renderer each; the start page
shown to a browser set to another language gets one of its own, `render_in_language`);
a tab's garbage is collected after each page, a tab is replaced every TAB_PAGES pages, the browser every
BROWSER_PAGES pages, and the browser is started again after a crash. Tabs keep a
renderer process each: in a shared one, a page whose script never yields would stall
the others. Chromium is spoken to over its DevTools pipe (`devtools_pipe.py`), with no
Playwright driver between: the driver would hold more memory than a renderer, and
everything it would do here is a DevTools command.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
from dataclasses import dataclass, field
from importlib.resources import files

from auditor.errors import error_text

from .chromium import LAUNCH_ARGS, merged_features
from .devtools_pipe import DevToolsError, DevToolsPipe
from .metrics import same_site

# Chromium is started here, not by Playwright, so these are all its flags: headless, no
# window at start, and timers and rendering never slowed for tabs it deems hidden.
# Memory: no spare renderer is kept warm for the next tab, the GPU and network services
# run inside the browser process instead of their own, and Chromium's low-end device
# mode (smaller caches and raster buffers) about halves what a renderer holds. No
# request to the sign-in server at start-up either. The on-device model service (a
# utility process that benchmarks the machine for built-in AI, started minutes in) is
# not wanted.
CRAWL_ARGS = merged_features((*LAUNCH_ARGS, "--headless", "--no-startup-window", "--hide-scrollbars", "--mute-audio",
                              "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
                              "--disable-renderer-backgrounding", "--disable-back-forward-cache",
                              "--disable-extensions", "--disable-default-apps", "--disable-breakpad",
                              "--disable-dev-shm-usage", "--disable-hang-monitor", "--disable-popup-blocking",
                              "--disable-prompt-on-repost", "--disable-field-trial-config", "--no-default-browser-check",
                              "--no-service-autorun", "--password-store=basic", "--use-mock-keychain",
                              "--disable-search-engine-choice-screen",
                              "--disable-features=SpareRendererForSitePerProcess,"
                              "OptimizationGuideModelExecution,LogOnDeviceMetricsOnStartup",
                              "--in-process-gpu",
                              "--enable-features=NetworkServiceInProcess2,SkipListAccountsWithoutGaiaCookies",
                              "--enable-low-end-device-mode"))
VIEWPORT = {"width": 1280, "height": 720, "deviceScaleFactor": 1, "mobile": False}
# Service workers would answer the page's requests themselves, out of the crawl's reach.
NO_SERVICE_WORKERS = "if (self.ServiceWorkerContainer) ServiceWorkerContainer.prototype.register = async () => {};"

# What builds the DOM; stylesheets, images, fonts, media, icons and beacons are not loaded.
LOADED = ("script", "xhr", "fetch", "eventsource")
# Every image is answered with this one (1x1, transparent), from the browser itself.
BLANK_GIF = "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
# After `load`, scripts fetch their data: wait until no request has been in flight for
# QUIET_S, but no longer than the cap (pages that poll or stream never go quiet).
QUIET_S = 0.1
QUIET_CAP_S = 3.0
# A request to another site still in flight after this long no longer holds the page back.
OFFSITE_WAIT_S = 1.0
POLL_S = 0.025  # how often a condition on time is checked again
READ_S = 10  # reading the DOM of a page that has loaded
READ_AFTER_TIMEOUT_S = 2  # ... and of one that has not (its scripts may never yield)
TAB_PAGES = 100  # pages per tab: the tab's memory starts afresh after
# pages per browser: then Chromium, whose browser process grows with the pages it has
# served, is stopped (once its last pages are done) and started afresh
BROWSER_PAGES = 500
DROPPED_HEADERS = {"content-encoding", "content-length", "transfer-encoding", "set-cookie"}
READ_DOM = "(document.doctype ? '<!DOCTYPE html>' : '') + document.documentElement.outerHTML"
HASH_PROBE = files("auditor.browser").joinpath("hash_probe.js").read_text(encoding="utf-8")
PARSED = "document.readyState !== 'loading' || new Promise(r => addEventListener('DOMContentLoaded', r))"


class RenderingStopped(RuntimeError):
    """The crawl is stopping: pages not handed to a tab yet are not rendered."""


@dataclass
class Rendered:
    html: str | None  # the DOM after scripts ran (None when nothing could be read)
    error: str | None = None
    blocked_navigations: list[str] = field(default_factory=list)  # where scripts tried to go
    blocked_posts: list[str] = field(default_factory=list)  # forms sent by scripts (never sent)
    hash_routed: bool = False  # its scripts change the page when the #fragment changes (hash_probe.js)


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
    """One reusable page, spoken to on a DevTools session of its own."""

    def __init__(self, pipe: DevToolsPipe, target: str, session: str, main_frame: str, allowed,
                 pages_left: int) -> None:
        self.pipe = pipe
        self.target = target
        self.session = session
        self.allowed = allowed
        self.main_frame = main_frame
        self.job: _Job | None = None
        self.pages_left = pages_left
        # request id -> when it was sent if it goes to another host, else 0 (always waited for)
        self.in_flight: dict[str, float] = {}
        self.loaded: set[str] = set()  # the documents (loader ids) whose `load` has fired
        self.parsed: set[str] = set()  # ... and those whose DOMContentLoaded has
        self.changed = asyncio.Event()  # a document loaded, or the tab crashed
        events = {
            "Fetch.requestPaused": lambda event: asyncio.ensure_future(self.paused(event)),
            "Page.javascriptDialogOpening": lambda _: asyncio.ensure_future(
                self.quietly("Page.handleJavaScriptDialog", {"accept": False})),
            "Page.lifecycleEvent": self.lifecycle,
            "Inspector.targetCrashed": self.crashed,
            "Network.requestWillBeSent": self.sent,
            "Network.loadingFinished": lambda event: self.in_flight.pop(event["requestId"], None),
            "Network.loadingFailed": lambda event: self.in_flight.pop(event["requestId"], None),
        }
        for name, handler in events.items():
            pipe.on(session, name, handler)

    def sent(self, event: dict) -> None:
        """A request the page's DOM may wait for: what scripts load. A prefetch of the pages
        its links lead to (type Other) never reports its end to the tab: counted, it kept
        every page waiting the whole QUIET_CAP_S (VitePress prefetches each link in view)."""
        if event.get("type", "").lower() in LOADED:
            own = self.job is None or same_site(event["request"]["url"], self.job.url)
            self.in_flight[event["requestId"]] = 0.0 if own else asyncio.get_running_loop().time()

    def waiting(self) -> bool:
        """Whether a request the page may be built from is in flight: one to the site, or
        one to another site sent less than OFFSITE_WAIT_S ago."""
        since = asyncio.get_running_loop().time() - OFFSITE_WAIT_S
        return any(sent == 0.0 or sent > since for sent in self.in_flight.values())

    @property
    def closed(self) -> bool:
        return self.session not in self.pipe.sessions

    async def send(self, method: str, params: dict | None = None) -> dict:
        return await self.pipe.send(method, params, self.session)

    async def quietly(self, method: str, params: dict) -> None:
        with contextlib.suppress(DevToolsError):  # the tab was closed meanwhile: nothing waits for this
            await self.send(method, params)

    def lifecycle(self, event: dict) -> None:
        if event["name"] == "load":
            self.loaded.add(event["loaderId"])
            self.changed.set()
        elif event["name"] == "DOMContentLoaded":
            self.parsed.add(event["loaderId"])

    def crashed(self, _event: dict) -> None:
        self.pipe.session_gone(self.session, "the page crashed")
        self.changed.set()

    async def goto(self, url: str) -> None:
        """Navigate and wait for the document's `load`, or only until it is parsed and
        other sites' requests, in flight for OFFSITE_WAIT_S, are all that hold `load` back."""
        self.loaded.clear()
        self.parsed.clear()
        navigation = await self.send("Page.navigate", {"url": url})
        if navigation.get("errorText"):
            raise DevToolsError(f"{navigation['errorText']} at {url}")
        loader = navigation.get("loaderId")  # none when only the fragment changed
        while loader is not None and loader not in self.loaded:
            if self.closed:
                raise DevToolsError("the page crashed")
            if loader in self.parsed and self.in_flight and not self.waiting():
                return
            self.changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), POLL_S)

    async def evaluate(self, expression: str, wait: bool = False):
        """The expression's value (JSON), read in the page; `wait` for it when it is a promise."""
        answer = await self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                      "awaitPromise": wait})
        if "exceptionDetails" in answer:
            raise DevToolsError(answer["exceptionDetails"].get("text", "the script failed"))
        return answer["result"].get("value")

    async def close(self) -> None:
        if self.pipe.connected:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.pipe.send("Target.closeTarget", {"targetId": self.target}), 5)
        self.pipe.session_gone(self.session)

    async def paused(self, event: dict) -> None:
        method, params = self.answer(event)
        await self.quietly(method, {"requestId": event["requestId"], **params})

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
        self._timeout_s = timeout_s
        self._user_agent = user_agent
        self._pipe: DevToolsPipe | None = None
        self._context: str | None = None  # one browser context, in memory only
        self._starting = asyncio.Lock()
        self._free: list[_Tab] = []
        self._open = 0
        self._opened = 0
        self._taken = 0  # pages handed to the running browser
        self._retiring = False  # it has had its BROWSER_PAGES: no more pages until it is replaced
        self._stopping = False
        self._returned = asyncio.Condition()

    async def stop_taking(self) -> None:
        """Pages being rendered finish; those waiting for a tab, and any after, raise RenderingStopped."""
        async with self._returned:
            self._stopping = True
            self._returned.notify_all()

    async def _browser_up(self) -> DevToolsPipe:
        async with self._starting:
            if self._pipe is None or not self._pipe.connected:
                self._open -= len(self._free)  # tabs of a browser that crashed
                self._free.clear()
                if self._pipe is not None:
                    await self._pipe.close()
                self._pipe = await DevToolsPipe.launch(self._exe, list(CRAWL_ARGS))
                self._context = (await self._pipe.send("Target.createBrowserContext"))["browserContextId"]
                await self._pipe.send("Browser.setDownloadBehavior",
                                      {"behavior": "deny", "browserContextId": self._context})
            return self._pipe

    async def _new_tab(self, context: str | None = None, language: str | None = None) -> _Tab:
        """A tab in the crawl's context, or in `context` with the browser's language set to `language`."""
        pipe = await self._browser_up()
        # each tab in a window of its own, shown: a tab behind another is hidden, draws no
        # frame (requestAnimationFrame never runs), and a page's scripts may wait to be shown
        target = (await pipe.send("Target.createTarget", {"url": "about:blank", "newWindow": True,
                                                          "browserContextId": context or self._context}))["targetId"]
        session = await pipe.attach(target)
        # A new renderer holds most over its first pages: the first tabs are replaced
        # after 1/4, 2/4, 3/4 and all of TAB_PAGES, so that the tabs are not all new at once.
        self._opened += 1
        first = self._opened <= self._size
        tree = await pipe.send("Page.getFrameTree", session=session)
        tab = _Tab(pipe, target, session, tree["frameTree"]["frame"]["id"], self._allowed,
                   TAB_PAGES * self._opened // self._size if first else TAB_PAGES)
        commands = [("Page.enable", {}), ("Page.setLifecycleEventsEnabled", {"enabled": True}),
                    ("Page.addScriptToEvaluateOnNewDocument", {"source": NO_SERVICE_WORKERS}),
                    ("Emulation.setDeviceMetricsOverride", VIEWPORT), ("Network.enable", {}),
                    ("Fetch.enable", {"patterns": [{"urlPattern": "*"}]})]
        if self._user_agent or language:
            # (with a language: navigator.languages and the Accept-Language header)
            user_agent = self._user_agent or (await pipe.send("Browser.getVersion"))["userAgent"]
            commands.append(("Network.setUserAgentOverride", {"userAgent": user_agent,
                                                              **({"acceptLanguage": language} if language else {})}))
        if language:
            commands.append(("Emulation.setLocaleOverride", {"locale": language.split(",")[0]}))
        try:
            await asyncio.gather(*(tab.send(method, params) for method, params in commands))
        except BaseException:
            await tab.close()
            raise
        return tab

    async def _take(self) -> _Tab:
        async with self._returned:
            while not self._stopping and (self._retiring or (not self._free and self._open >= self._size)):
                await self._returned.wait()
            if self._stopping:
                raise RenderingStopped("the crawl is stopping")
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
            job.outcome.error = _describe(exc, self._timeout_s)
            job.outcome.html = None
            await tab.close()
            tab = None
        finally:
            if tab is not None:
                tab.job = None
                tab.pages_left -= 1
                if tab.pages_left <= 0 or tab.closed:
                    await tab.close()
                    tab = None
            await self._give_back(tab)
        return job.outcome

    async def render_in_language(self, url: str, status: int, headers: dict[str, str], body: bytes,
                                 language: str) -> Rendered:
        """The page as a browser whose language is `language` (an Accept-Language value) shows it,
        in a context of its own: what its scripts keep of the choice (localStorage, a cookie)
        never reaches the crawl's pages."""
        pipe = await self._browser_up()
        context = (await pipe.send("Target.createBrowserContext"))["browserContextId"]
        tab = None
        job = _Job(url, status, headers, body)
        try:
            tab = await self._new_tab(context, language)
            tab.job = job
            await self._load(tab, job)
        except Exception as exc:  # noqa: BLE001 - this page's problem, told in its outcome
            job.outcome.error = _describe(exc, self._timeout_s)
            job.outcome.html = None
        finally:
            if tab is not None:
                await tab.close()
            with contextlib.suppress(Exception):
                await pipe.send("Target.disposeBrowserContext", {"browserContextId": context})
        return job.outcome

    async def _load(self, tab: _Tab, job: _Job) -> None:
        tab.in_flight.clear()
        read_within = READ_S
        try:
            if not await _loaded_or_left(asyncio.wait_for(tab.goto(job.url), self._timeout_s), job.left):
                # A script sent the visitor elsewhere while the page loaded (a client-side
                # redirect): answered "no content", that navigation never ends, nor would
                # the wait for `load`. What the page has parsed by then is read.
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(tab.evaluate(PARSED, wait=True), READ_AFTER_TIMEOUT_S)
        except Exception as exc:
            if tab.closed:
                raise
            job.outcome.error = _describe(exc, self._timeout_s)  # read what has loaded all the same
            read_within = READ_AFTER_TIMEOUT_S  # a page whose scripts never yield would not answer
        await _quiet(tab)
        job.outcome.html = await asyncio.wait_for(tab.evaluate(READ_DOM), read_within)
        # what the probe's #fragment makes the page's scripts try is no part of the page
        navigations, posts = list(job.outcome.blocked_navigations), list(job.outcome.blocked_posts)
        with contextlib.suppress(Exception):  # (a page whose scripts stall keeps its fragments as links)
            probe = await asyncio.wait_for(tab.evaluate(HASH_PROBE, wait=True), READ_AFTER_TIMEOUT_S)
            job.outcome.hash_routed = bool(probe and probe.get("changed"))
        job.outcome.blocked_navigations[:], job.outcome.blocked_posts[:] = navigations, posts
        # A renderer lets the garbage of the pages it has shown pile up (from about 50 to
        # 125 MB over a few dozen small pages) before collecting it: collect it now.
        with contextlib.suppress(Exception):
            await asyncio.wait_for(tab.send("HeapProfiler.collectGarbage"), READ_AFTER_TIMEOUT_S)

    async def close(self) -> None:
        await self._stop_browser()

    async def _stop_browser(self) -> None:
        """Stop Chromium (its tabs with it: the free ones, none is in use)."""
        self._open -= len(self._free)
        self._free.clear()
        if self._pipe is not None:
            await self._pipe.close()
        self._pipe = self._context = None


async def _loaded_or_left(goto, left: asyncio.Event) -> bool:
    """True once `goto` has loaded the page; False as soon as `left` is set first."""
    loading, leaving = asyncio.ensure_future(goto), asyncio.ensure_future(left.wait())
    try:
        await asyncio.wait((loading, leaving), return_when=asyncio.FIRST_COMPLETED)
    finally:
        leaving.cancel()
        if not loading.done():  # the page is read as it stands: its `load` is of no interest
            loading.cancel()
            await asyncio.wait((loading,))
    if loading.cancelled():
        return False
    loading.result()  # raises the navigation's error
    return True


async def _quiet(tab: _Tab) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + QUIET_CAP_S
    quiet_since = None
    while loop.time() < deadline:
        now = loop.time()
        if tab.waiting():
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        elif now - quiet_since >= QUIET_S:
            return
        await asyncio.sleep(POLL_S)


def _describe(exc: Exception, timeout_s: float) -> str:
    if isinstance(exc, TimeoutError):
        return error_text("render-timeout", seconds=f"{timeout_s:g}")
    return f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"
