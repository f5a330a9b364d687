"""One measured load of one URL in a fresh browser context (cold cache).

The timed part (navigation, load, quiet window, reading the timings) runs while
holding the measurement lock, so no other page loads at the same time on the
same CPU cores; the lock passes to the next page two emulated round trips before
this page's quiet window could close at the earliest (at load, on mobile): the next
page's first byte comes a round trip later, and in the window's last round trip it
parses its HTML while this page, most likely idle, is still watched.
Setting up the context and the untimed work after it (axe, screenshot, in-page
collectors, unthrottled, on the page as loaded) overlap with another page's timing: the
untimed work starts once the next timed load has reached its load (TimedLoads), while the
one after it waits on the network.
Every wait has a time limit; whatever goes wrong becomes the run's `error`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from dataclasses import dataclass, field
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import TimeoutError as PlaywrightTimeout

from auditor.errors import error_text

from . import inpage
from .axe import run_axe
from .metrics import byte_totals, same_site, total_blocking_time
from .network import NetworkLog
from .pool import BrowserSlot
from .profiles import Profile, apply_throttling, clear_throttling
from .element_boxes import element_boxes
from .screenshot import first_screen_jpeg

SETUP_TIMEOUT_S = 15
CLOSE_TIMEOUT_S = 10
POLL_S = 0.05
# After load, the quiet window waits at most this long: LCP and layout shifts have
# settled on any page a visitor would wait for.
SETTLE_CAP_S = 10
# The extras wait at most this long for finite animations and transitions to end.
ANIMATIONS_CAP_S = 2
# ... and at most this long for the next page's timed load to reach its load.
EXTRAS_WAIT_CAP_S = 10


@dataclass
class RunOptions:
    timeout_s: float = 30
    quiet_ms: int = 1000
    screenshot: bool = True
    axe: bool = True
    # name -> JS function source, or an async Python callable given the page (see measure.py)
    collectors: dict[str, Any] = field(default_factory=dict)
    extras_timeout_s: float = 20


class TimedLoads(asyncio.Lock):
    """The machine, held by one timed load at a time, counting hand-overs: a page's untimed
    work waits for the next page's timed load to reach its load, so that it runs while the
    one after waits on the network for its first byte, not while a timed page paints
    (measured beside a paint, FCP read 10% late)."""

    def __init__(self) -> None:
        super().__init__()
        self.handovers = 0
        self._handed = asyncio.Event()

    def release(self) -> None:
        super().release()
        self.handovers += 1
        self._handed.set()
        self._handed = asyncio.Event()

    async def next_handover(self, since: int, cap_s: float) -> None:
        """Until a timed load after hand-over `since` hands over, or none is under way; cap_s at most."""
        deadline = time.monotonic() + cap_s
        while self.handovers <= since and self.locked() and time.monotonic() < deadline:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._handed.wait(), deadline - time.monotonic())


class _Aborted(Exception):
    """The page crashed, its browser went away, or it left the site."""


async def _until(awaitable: Any, abort: asyncio.Future, timeout_s: float) -> Any:
    """Await `awaitable`, giving up when `abort` resolves or time runs out."""
    task = asyncio.ensure_future(awaitable)
    # The abandoned call may still fail later; its error is no longer news.
    task.add_done_callback(lambda t: t.cancelled() or t.exception())
    try:
        done, _ = await asyncio.wait({task, abort}, timeout=max(0.0, timeout_s), return_when=asyncio.FIRST_COMPLETED)
    except asyncio.CancelledError:  # the whole measurement is being stopped
        task.cancel()
        raise
    if task in done:
        return task.result()
    task.cancel()
    if abort in done:
        raise _Aborted(abort.result())
    raise asyncio.TimeoutError


async def _close_quietly(page: Any) -> None:
    with contextlib.suppress(Exception):
        await asyncio.wait_for(page.close(), CLOSE_TIMEOUT_S)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


async def measure_run(slot: BrowserSlot, url: str, profile: Profile, opts: RunOptions,
                      lock: TimedLoads, with_extras: bool) -> dict[str, Any]:
    """Load `url` once and return the run's facts; never raises for page faults."""
    loop = asyncio.get_running_loop()
    abort: asyncio.Future = loop.create_future()
    out: dict[str, Any] = {"final_url": url, "status": None, "error": None, "dialogs": [], "warnings": []}
    started = time.monotonic()

    def stop(reason: str) -> None:
        if not abort.done():
            abort.set_result(reason)

    def on_document(doc_url: str) -> None:
        # Following the page off-site would measure somebody else's site.
        if doc_url.startswith(("http:", "https:")) and not same_site(doc_url, url):
            if "timed_ms" in out:  # left after it was measured: the figures stand
                out["warnings"].append(f"navigated off-site to {doc_url} after load")
                stop(error_text("left-site"))
                return
            out["final_url"] = doc_url
            stop(error_text("offsite-redirect", url=doc_url))

    async def on_dialog(dialog: Any) -> None:
        out["dialogs"].append({"type": dialog.type, "message": (dialog.message or "")[:200]})
        with contextlib.suppress(Exception):
            await dialog.dismiss()

    slot.watch(abort)
    context = None
    netlog: NetworkLog | None = None
    try:
        context = await asyncio.wait_for(
            slot.browser.new_context(**profile.context_options(slot.version)), SETUP_TIMEOUT_S)
        await asyncio.wait_for(context.add_init_script(inpage.OBSERVERS), SETUP_TIMEOUT_S)
        page = await asyncio.wait_for(context.new_page(), SETUP_TIMEOUT_S)
        # Pop-ups are not part of the measured page.
        context.on("page", lambda p: p is page or asyncio.ensure_future(_close_quietly(p)))
        page.on("crash", lambda _p: stop(error_text("crashed")))
        page.on("dialog", on_dialog)
        cdp = await asyncio.wait_for(context.new_cdp_session(page), SETUP_TIMEOUT_S)
        netlog = NetworkLog(on_main_frame_document=on_document)
        netlog.attach(cdp)
        await asyncio.wait_for(cdp.send("Network.enable"), SETUP_TIMEOUT_S)
        # Throttling a blank page costs nothing: set before the wait, it is not on the clock.
        await asyncio.wait_for(apply_throttling(cdp, profile), SETUP_TIMEOUT_S)

        await lock.acquire()
        held, handovers = [True], [0]

        def hand_over() -> None:
            if held[0]:
                held[0] = False
                out["handed_over"] = time.monotonic()
                lock.release()
                handovers[0] = lock.handovers

        timed_from = time.monotonic()
        try:
            timing = await _timed_load(page, cdp, url, netlog, abort, opts, out, hand_over, profile.latency_ms / 1000)
        finally:
            hand_over()
            # When the page held the machine: tests check how the windows follow each other.
            out["timed_window"] = {"start": timed_from, "end": time.monotonic(), "handed_over": out.pop("handed_over"),
                                   "quiet_end": out.pop("quiet_end", None)}
        out["timed_ms"] = round((out["timed_window"]["end"] - timed_from) * 1000)

        with contextlib.suppress(Exception):
            await asyncio.wait_for(clear_throttling(cdp, profile), SETUP_TIMEOUT_S)
        facts = await _page_facts(page, abort, opts, out)
        resources = netlog.resources(set(timing.get("render_blocking_urls") or ()))
        _fill_metrics(out, timing, facts, resources, netlog)
        if with_extras:
            extras_from = time.monotonic()
            try:
                with contextlib.suppress(asyncio.TimeoutError):
                    await _until(lock.next_handover(handovers[0], EXTRAS_WAIT_CAP_S), abort, EXTRAS_WAIT_CAP_S + 1)
                extras_from = time.monotonic()
                await _extras(page, cdp, profile, abort, opts, out)
            except _Aborted as exc:
                # The timings stand; only the untimed extras were cut short.
                out["warnings"].append(f"extras stopped: {exc}")
            finally:
                out["extras_window"] = (extras_from, time.monotonic())
    except _Aborted as exc:
        out["error"] = str(exc)
    except Exception as exc:  # noqa: BLE001 - a page fault must never end the whole run
        out["error"] = out.get("error") or f"{type(exc).__name__}: {_first_line(exc)}"
    finally:
        slot.unwatch(abort)
        if out["error"] and netlog is not None:
            # What was loading when the page failed is the first clue to why.
            out["resources"] = netlog.resources()
        if context is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(context.close(), CLOSE_TIMEOUT_S)
    out["elapsed_ms"] = round((time.monotonic() - started) * 1000)
    return out


async def _timed_load(page: Any, cdp: Any, url: str, netlog: NetworkLog, abort: asyncio.Future, opts: RunOptions,
                      out: dict[str, Any], hand_over: Any, lead_s: float) -> dict[str, Any]:
    deadline = time.monotonic() + opts.timeout_s
    try:
        response = await _until(page.goto(url, wait_until="load", timeout=opts.timeout_s * 1000),
                                abort, opts.timeout_s + 1)
    except (PlaywrightTimeout, asyncio.TimeoutError):
        raise _Aborted(error_text("load-timeout", seconds=f"{opts.timeout_s:g}")) from None
    except PlaywrightError as exc:
        if abort.done():
            raise _Aborted(abort.result()) from None
        raise _Aborted(error_text("navigation-failed", detail=_first_line(exc))) from None
    # The renderer reports requests in order: once it answers this, what load's handlers
    # asked for (data, polls) is in the log, so the network is not taken for quiet too soon.
    with contextlib.suppress(Exception):
        await _until(cdp.send("Runtime.evaluate", {"expression": "0"}), abort, 1.0)
    main = netlog.main
    out["status"] = response.status if response is not None else (main.status if main else None)

    # Quiet window: no network activity for quiet_ms, and at least quiet_ms after
    # load, so late paints, shifts and long tasks are seen. A page that keeps the
    # network busy (polling, streaming) is read SETTLE_CAP_S after load, and says
    # so with what was still loading.
    # On a throttled profile the next page may start two emulated round trips (`lead_s`
    # each) before this window could close at the earliest: at load on mobile, whose
    # round trip is over half the window. Its first byte comes one round trip later;
    # till the window closes it only parses its HTML and asks for what it links to,
    # while this page, most likely idle by then, is still watched (a late paint or shift
    # is seen as before). Images and fonts still loading at load (lazy images in view) come
    # back about a round trip later, before the next page's first byte; a page still
    # fetching data (late content, polling) hands over only once its network has been
    # quiet for a poll, or keeps its window open and is read later, beside the next page.
    # The machine does not sit idle through the waits.
    quiet_s = opts.quiet_ms / 1000
    early_s = quiet_s - min(2 * lead_s, quiet_s)
    loaded_at = time.monotonic()
    settle_by = min(deadline, loaded_at + SETTLE_CAP_S)
    while True:
        if abort.done():
            raise _Aborted(abort.result())
        now = time.monotonic()
        quiet_for = netlog.quiet_for()
        # Never while this page still fetches data.
        settling = quiet_for >= max(early_s, POLL_S) or (not early_s and netlog.only_markup_in_flight())
        if early_s < quiet_s and ((settling and now - loaded_at >= early_s)
                                  or settle_by - now <= quiet_s - early_s):
            hand_over()
        if quiet_for >= quiet_s and now - loaded_at >= quiet_s:
            out["settled"] = True
            out["quiet_end"] = max(loaded_at, now - quiet_for) + quiet_s  # when it closed, not when seen
            break
        if now >= settle_by:
            out["settled"] = False
            break
        await asyncio.sleep(POLL_S)
    pending = netlog.pending()
    if pending:
        out["pending"] = pending

    try:
        # A page busy on its main thread answers late: give the read some slack.
        timing = await _until(page.evaluate(inpage.COLLECT_TIMING), abort,
                              max(5.0, deadline - time.monotonic()))
    except asyncio.TimeoutError:
        raise _Aborted(error_text("no-answer-after-load")) from None
    netlog.frozen = True
    return timing


async def _page_facts(page: Any, abort: asyncio.Future, opts: RunOptions, out: dict[str, Any]) -> dict[str, Any]:
    try:
        return await _until(page.evaluate(inpage.COLLECT_PAGE), abort, opts.extras_timeout_s)
    except asyncio.TimeoutError:
        out["warnings"].append("page facts (DOM size, images) timed out")
        return {}


def _fill_metrics(out: dict[str, Any], timing: dict[str, Any], facts: dict[str, Any],
                  resources: list[dict[str, Any]], netlog: NetworkLog) -> None:
    final_url = timing.get("url") or out["final_url"]
    out["final_url"] = final_url
    nav = timing.get("nav") or {}
    fcp = timing.get("fcp")
    metrics: dict[str, Any] = {
        "ttfb": _ms(netlog.ttfb_ms()),
        "fcp": _ms(fcp),
        "lcp": _ms(timing.get("lcp")),
        "cls": round(float(timing.get("cls") or 0), 4),
        "tbt": _ms(total_blocking_time(timing.get("long_tasks") or [], fcp, float(timing.get("now") or 0))),
        "load_ms": _ms(nav.get("load_event_end") or None),
        "dom_content_loaded_ms": _ms(nav.get("dom_content_loaded") or None),
        "dom_nodes": facts.get("dom_nodes"),
    }
    metrics.update(byte_totals(resources, final_url))
    out["metrics"] = metrics
    out["lcp_element"] = timing.get("lcp_element")
    out["layout_shifts"] = [
        {"value": round(s["value"], 4), "start": _ms(s["start"]), "selectors": s.get("selectors") or []}
        for s in timing.get("layout_shifts") or []
    ]
    out["layout_shift_count"] = timing.get("layout_shift_count", 0)
    out["long_tasks"] = [{"start": _ms(t["start"]), "duration": _ms(t["duration"])}
                         for t in timing.get("long_tasks") or []]
    out["resources"] = resources
    bytes_by_url: dict[str, int] = {}
    for res in resources:
        bytes_by_url.setdefault(res["url"], res["transfer_bytes"])
    images = facts.get("images") or []
    for img in images:
        img["bytes"] = bytes_by_url.get(img.get("src") or "")
    out["images"] = images


def _ms(value: float | None) -> float | None:
    return None if value is None else round(float(value), 1)


async def _extras(page: Any, cdp: Any, profile: Profile, abort: asyncio.Future,
                  opts: RunOptions, out: dict[str, Any]) -> None:
    """Untimed work, each part on its own: one failing leaves the others."""
    out["extras"] = True
    # Judged as the page comes to rest, not mid-fade (axe's contrast, the screenshot).
    try:
        if not await _until(page.evaluate(inpage.ANIMATIONS_SETTLED, ANIMATIONS_CAP_S * 1000), abort,
                            ANIMATIONS_CAP_S + 1):
            out["warnings"].append(f"animations still running after {ANIMATIONS_CAP_S:g} s: read as they were")
    except (asyncio.TimeoutError, PlaywrightError):
        pass  # a page busy on its main thread: read as it is
    if opts.axe:
        try:
            found = await _until(run_axe(page, opts.extras_timeout_s), abort, opts.extras_timeout_s + 1)
            out["axe"] = found["violations"]
            out["axe_version"] = found["version"]
        except (asyncio.TimeoutError, PlaywrightError) as exc:
            out["warnings"].append(f"axe failed: {_first_line(exc) or 'timeout'}")
    collected: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, source in opts.collectors.items():
        if callable(source):
            # A Python collector drives the page itself (DevTools protocol,
            # viewport sizes); its value must be plain JSON like any other.
            try:
                value = await _until(source(page), abort, opts.extras_timeout_s)
                collected[name] = json.loads(json.dumps(value))
            except asyncio.TimeoutError:
                errors[name] = f"timeout after {opts.extras_timeout_s:g} s"
            except _Aborted:
                raise
            except Exception as exc:  # noqa: BLE001 - one collector's fault stays its own
                errors[name] = f"{type(exc).__name__}: {_first_line(exc)}"
            continue
        # The page's own result is made plain JSON inside the page, so a DOM
        # node or a cycle becomes an error for this collector only.
        wrapper = f"async () => {{ const f = ({source}); return JSON.stringify(await f()); }}"
        try:
            raw = await _until(page.evaluate(wrapper), abort, opts.extras_timeout_s)
            collected[name] = json.loads(raw) if raw is not None else None
        except asyncio.TimeoutError:
            errors[name] = f"timeout after {opts.extras_timeout_s:g} s"
        except (PlaywrightError, ValueError) as exc:
            errors[name] = _first_line(exc)
    out["collected"] = collected
    out["collector_errors"] = errors
    # Last, because a clipped capture resets the emulated device metrics.
    if opts.screenshot:
        try:  # measured at the top of the page, as the screenshot then shows it
            out["boxes"] = await _until(element_boxes(page, out, profile.viewport_width, profile.viewport_height),
                                        abort, opts.extras_timeout_s)
        except (asyncio.TimeoutError, PlaywrightError) as exc:
            out["warnings"].append(f"element boxes failed: {_first_line(exc) or 'timeout'}")
        try:
            out["screenshot_jpeg_b64"] = await _until(
                first_screen_jpeg(page, cdp, profile.viewport_width, profile.viewport_height, opts.extras_timeout_s),
                abort, opts.extras_timeout_s)
        except (asyncio.TimeoutError, PlaywrightError) as exc:
            out["warnings"].append(f"screenshot failed: {_first_line(exc) or 'timeout'}")
