"""Measure pages in Chromium: the render stage's public entry points.

- `measure_pages_async(urls, ...)`: async iterator of results, in completion order.
- `iter_measure_pages(urls, ...)`: the same as a plain generator; the browser
  runs on its own thread and event loop, so it works from any caller,
  including one that already runs an event loop.
- `measure_pages(urls, ...)`: list in input order; `on_result` is called with
  each result as it completes, on the caller's thread (safe for a SQLite store).

Each result is a plain JSON-serialisable dict:

  url, final_url, status (HTTP status of the main document; a 404 is measured,
  not an error), error (None, or why the page could not be measured: timeout,
  page crashed, browser closed or crashed, redirected off-site to URL,
  navigation failed: ...), profile, runs, run_errors, median_run (run whose
  details are reported), metric_runs {metric: run index}, run_metrics (each
  run's metrics), run_ms / timed_ms (wall time per run, whole / timed part),
  timed_windows (each run's timed part: start, end, handed_over (when the next
  page could start its own) and quiet_end (when its quiet window closed), in
  seconds on this process's monotonic clock), extras_window ([start, end] of the
  untimed work: axe, collectors, screenshot),
  settled (the network went quiet within 10 s of load; False: read then, still
  busy), pending (URLs still loading when the page was read), index (input order),
  browser_version, browser_launch (1 for the first browser, 2 after a restart...),
  metrics: ttfb, fcp, lcp, tbt, load_ms, dom_content_loaded_ms (ms), cls,
    transfer_bytes, requests, js_bytes, image_bytes, css_bytes, font_bytes,
    third_party_bytes, dom_nodes,
  lcp_element {selector, kind: image|text|background-image|video, url, size, tag, text (a text element's first 100 characters)},
  layout_shifts [{value, start, selectors}], layout_shift_count,
  long_tasks [{start, duration}],
  resources [{url, type, transfer_bytes, decoded_bytes, status, content_encoding,
    cache_control, render_blocking, mime, failed (None, an error text, or
    "pending": still loading when read)}]; on an error, what was loading,
  images [{src, natural_w, natural_h, display_w, display_h, has_size_attrs, css_sized (CSS fixes
    its box: width and height, or aspect-ratio; None when it has the attributes),
    loading, bytes}],
  axe [{id, impact, help, help_url, tags, node_count, nodes [{target, html}]}]
    or None, axe_version,
  screenshot_jpeg_b64 (first screen, at most 60 KB) or None,
  collected {name: value}, collector_errors {name: message},
  dialogs [{type, message}] (dismissed), warnings [text].

Collectors (`collectors={name: collector}`) run once per URL after the timed
load, in the profile's viewport, and their values land in `collected[name]`:
a collector is the source of a JS function (sync or async, no arguments)
evaluated in the page, or an async Python callable `collector(page)` given
Playwright's page, for checks that need the DevTools protocol
(`page.context.new_cdp_session(page)`) or another viewport width
(`page.set_viewport_size`); such a collector must leave the page as it found
it (size, scroll, styles). Either returns plain JSON; a failure or a timeout
is that collector's entry in `collector_errors`. See auditor/browser/rtl_render.py.

Speed Index is not reported: it needs a filmstrip and a visual-progress
computation, which this stage does not do.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import gc
import queue
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from typing import Any

from playwright.async_api import async_playwright

from .axe import axe_source
from .chromium import find_chromium
from .page_run import RunOptions, TimedLoads, measure_run
from .pool import BrowserPool
from .profiles import get_profile
from .runs import combine_runs


async def measure_pages_async(
    urls: Iterable[str] | concurrent.futures.Future,
    *,
    profile: str = "mobile",
    runs: int = 1,
    timeout_s: float = 30,
    screenshot: bool = True,
    axe: bool = True,
    restart_every: int = 50,
    collectors: dict[str, Any] | None = None,
    concurrency: int = 2,
    quiet_ms: int = 1000,
    executable_path: str | None = None,
) -> AsyncIterator[dict[str, Any]]:
    """Yield one result per URL as it completes (each carries its input `index`).

    `concurrency` pages are open at once, but only one at a time is in its
    timed load (see page_run); `runs` fresh-context loads per URL are folded
    into per-metric medians.
    """
    prof = get_profile(profile)
    exe = find_chromium(executable_path)
    if axe:
        axe_source()  # a missing engine is a setup error, raised before any page
    # Each untimed extra (screenshot, axe, one collector) gets the page timeout.
    opts = RunOptions(timeout_s=timeout_s, quiet_ms=quiet_ms, screenshot=screenshot, axe=axe,
                      collectors=dict(collectors or {}), extras_timeout_s=timeout_s)
    runs = max(1, int(runs))
    results: asyncio.Queue = asyncio.Queue()
    lock = TimedLoads()

    async with async_playwright() as pw:
        pool = BrowserPool(pw, exe, restart_every)
        if isinstance(urls, concurrent.futures.Future):  # started before the pages are known
            await _warm_up(pool, prof)
            urls = await asyncio.wrap_future(urls)
        pending = enumerate(urls)

        async def worker() -> None:
            for index, url in pending:
                await results.put(await _measure_url(pool, lock, index, url, prof.name, prof, runs, opts))

        workers = [asyncio.create_task(worker()) for _ in range(max(1, concurrency))]
        done_signal = asyncio.ensure_future(asyncio.gather(*workers))
        try:
            while True:
                getter = asyncio.ensure_future(results.get())
                await asyncio.wait({getter, done_signal}, return_when=asyncio.FIRST_COMPLETED)
                if getter.done():
                    yield getter.result()
                    continue
                getter.cancel()
                while not results.empty():
                    yield results.get_nowait()
                done_signal.result()  # re-raise a worker's unexpected failure
                break
        finally:
            for task in workers:
                task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
            done_signal.cancel()
            if done_signal.done() and not done_signal.cancelled():
                with contextlib.suppress(BaseException):
                    done_signal.exception()  # the workers were cancelled on purpose: no news
            await pool.close()


async def _warm_up(pool: BrowserPool, prof: Any) -> None:
    """Launch the browser and open a first context: both take longest the first time."""
    with contextlib.suppress(Exception):  # a failure here shows again, on the first page
        async with pool.lease() as slot:
            context = await asyncio.wait_for(slot.browser.new_context(**prof.context_options(slot.version)), 30)
            with contextlib.suppress(Exception):
                await asyncio.wait_for(context.new_page(), 30)
            await asyncio.wait_for(context.close(), 30)


async def _measure_url(pool: BrowserPool, lock: TimedLoads, index: int, url: str, profile_name: str,
                       prof: Any, runs: int, opts: RunOptions) -> dict[str, Any]:
    started = time.monotonic()
    run_results: list[dict[str, Any]] = []
    browser_version, launch = None, None
    try:
        async with pool.lease() as slot:
            browser_version, launch = slot.version, slot.launch
            for _ in range(runs):
                with_extras = not any(r.get("extras") for r in run_results)
                run = await measure_run(slot, url, prof, opts, lock, with_extras)
                run_results.append(run)
                if slot.dead:
                    break
    except Exception as exc:  # noqa: BLE001 - e.g. the browser failed to launch: this page's error
        run_results.append({"final_url": url, "error": f"browser unavailable: {type(exc).__name__}: {exc}"})
    result = combine_runs(url, profile_name, run_results)
    result["index"] = index
    result["browser_version"] = browser_version
    result["browser_launch"] = launch
    result["elapsed_ms"] = round((time.monotonic() - started) * 1000)
    return result


_DONE = object()


class _Failure:
    def __init__(self, exc: BaseException) -> None:
        self.exc = exc


class _BrowserThread:
    """measure_pages_async on its own thread and event loop, started at once."""

    def __init__(self, urls: Iterable[str] | concurrent.futures.Future, options: dict[str, Any]) -> None:
        self._out: queue.Queue = queue.Queue()
        self._running: dict[str, Any] = {}
        self._started = threading.Event()
        self._urls, self._options = urls, options
        self._thread = threading.Thread(target=self._run, name="auditor-browser", daemon=True)
        self._thread.start()

    async def _produce(self) -> None:
        running = self._running
        loop = running["loop"] = asyncio.get_running_loop()
        running["task"] = asyncio.current_task()

        def on_error(loop, context):
            # Once the consumer has left, Playwright calls cut short fail as they
            # unwind: expected, and no news to the person who stopped the run.
            if not running.get("stopping"):
                loop.default_exception_handler(context)

        loop.set_exception_handler(on_error)
        self._started.set()
        async for result in measure_pages_async(self._urls, **self._options):
            self._out.put(result)

    def _run(self) -> None:
        try:
            asyncio.run(self._produce())
        except BaseException as exc:  # noqa: BLE001 - handed to the consumer's thread
            self._out.put(_Failure(exc))
        finally:
            # Free the run's reference cycles (Playwright's objects) here and
            # now, rather than in whatever code the next collection interrupts.
            gc.collect()
            self._started.set()
            self._out.put(_DONE)

    def results(self) -> Iterator[dict[str, Any]]:
        try:
            while True:
                item = self._out.get()
                if item is _DONE:
                    break
                if isinstance(item, _Failure):
                    raise item.exc
                yield item
        finally:
            self.stop()

    def stop(self) -> None:
        if self._thread.is_alive():
            # The consumer left early: cancel the measurement, which closes
            # every page and the browser on its way out.
            self._started.wait(timeout=10)
            self._running["stopping"] = True
            loop, task = self._running.get("loop"), self._running.get("task")
            if loop is not None and task is not None:
                with contextlib.suppress(RuntimeError):  # the loop may have just closed
                    loop.call_soon_threadsafe(task.cancel)
            self._thread.join(timeout=8)  # a stop must not wait on a browser that hangs


def iter_measure_pages(urls: Iterable[str], **options: Any) -> Iterator[dict[str, Any]]:
    """Generator form of measure_pages_async (same keyword options).

    Results come in completion order. Leaving the loop early stops the
    measurement and closes the browser.
    """
    yield from _BrowserThread(urls, options).results()


class EarlyBrowser:
    """A measurement whose browser starts now, before its pages are known (the
    render stage starts it while the crawl runs, so Chromium is up and warm
    when the pages come): `measure(urls)` yields what iter_measure_pages would;
    `close()` stops it, used or not."""

    def __init__(self, **options: Any) -> None:
        self._urls: concurrent.futures.Future = concurrent.futures.Future()
        self._thread = _BrowserThread(self._urls, options)

    def measure(self, urls: Iterable[str]) -> Iterator[dict[str, Any]]:
        self._urls.set_result(list(urls))
        return self._thread.results()

    def close(self) -> None:
        self._thread.stop()


def measure_pages(
    urls: Iterable[str],
    *,
    profile: str = "mobile",
    runs: int = 1,
    timeout_s: float = 30,
    screenshot: bool = True,
    axe: bool = True,
    restart_every: int = 50,
    on_result: Callable[[dict[str, Any]], None] | None = None,
    collectors: dict[str, Any] | None = None,
    concurrency: int = 2,
    quiet_ms: int = 1000,
    executable_path: str | None = None,
) -> list[dict[str, Any]]:
    """Measure every URL; return the results in input order."""
    results: list[dict[str, Any]] = []
    for result in iter_measure_pages(
        urls, profile=profile, runs=runs, timeout_s=timeout_s, screenshot=screenshot, axe=axe,
        restart_every=restart_every, collectors=collectors, concurrency=concurrency,
        quiet_ms=quiet_ms, executable_path=executable_path,
    ):
        if on_result is not None:
            on_result(result)
        results.append(result)
    results.sort(key=lambda r: r["index"])
    return results
