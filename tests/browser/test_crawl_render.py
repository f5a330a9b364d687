"""The browser that renders pages while crawling: what it keeps in memory."""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
from pathlib import Path

import pytest

from auditor.browser import crawl_render
from auditor.browser.chromium import LAUNCH_ARGS
from auditor.browser.crawl_render import CRAWL_ARGS, CrawlRenderer, merged_features
from auditor.browser.devtools_pipe import DevToolsError
from auditor.browser.metrics import same_site

PAGE = b"<!doctype html><title>t</title><p>text</p><script>document.body.append('x')</script>"
HEADERS = {"content-type": "text/html; charset=utf-8"}


def test_repeated_feature_switches_are_joined_into_one():
    args = merged_features(("--a", "--disable-features=X,Y", "--enable-features=E", "--disable-features=Y,Z", "--b"))
    assert args == ("--a", "--disable-features=X,Y,Z", "--enable-features=E", "--b")


def test_the_crawl_flags_keep_the_shared_flags_features():
    switches = [a for a in CRAWL_ARGS if a.startswith("--disable-features=")]
    assert len(switches) == 1  # Chromium reads only the last one
    shared = next(a for a in LAUNCH_ARGS if a.startswith("--disable-features=")).split("=", 1)[1].split(",")
    assert set(shared) <= set(switches[0].split("=", 1)[1].split(","))


async def _processes_after_one_page(chromium: str, site: str) -> list[str]:
    renderer = CrawlRenderer(chromium, concurrency=1)
    try:
        outcome = await renderer.render(f"{site}/one.html", 200, HEADERS, PAGE)
        assert outcome.html and "x" in outcome.html
        info = await renderer._pipe.send("SystemInfo.getProcessInfo")
        return sorted(p["type"] for p in info["processInfo"])
    finally:
        await renderer.close()


def test_one_tab_costs_one_renderer_and_no_network_process(chromium, site):
    # the address bar's pop-up renderer and a separate network service process are not started
    kinds = asyncio.run(_processes_after_one_page(chromium, site))
    assert kinds.count("renderer") == 1, kinds
    assert not [k for k in kinds if "NetworkService" in k], kinds


def test_the_shared_flags_keep_the_features_playwright_disables_that_the_audit_relies_on():
    # Ours is the last --disable-features, so it replaces Playwright's own list.
    switches = [a for a in LAUNCH_ARGS if a.startswith("--disable-features=")]
    assert len(switches) == 1
    disabled = set(switches[0].split("=", 1)[1].split(","))
    assert {"HttpsUpgrades", "OptimizationHints", "NetworkTimeServiceQuerying", "PreconnectToSearch",
            "AvoidCorsURLLoaderRestartOnRedirect", "WebUIOmniboxPopup"} <= disabled
    # names are looked up by the system's resolver, as the crawl's own requests are
    assert "AsyncDns" in disabled
    enabled = next(a for a in CRAWL_ARGS if a.startswith("--enable-features=")).split("=", 1)[1].split(",")
    assert "SkipListAccountsWithoutGaiaCookies" in enabled


async def _render_across_restarts(chromium: str, site: str, pages: int) -> tuple[list, list]:
    renderer = CrawlRenderer(chromium, concurrency=2)
    browsers = []
    start = renderer._browser_up

    async def watched():  # every Chromium started, and whether the ones before it were stopped first
        pipe = await start()
        if pipe not in browsers:
            assert not [b for b in browsers if b.proc.returncode is None], "two browsers at once"
            browsers.append(pipe)
        return pipe

    renderer._browser_up = watched
    body = "<!doctype html><title>{0}</title><script>document.write('<p>rendered {0}</p>')</script>"
    try:
        outcomes = await asyncio.gather(*(renderer.render(f"{site}/p{i}.html", 200, HEADERS, body.format(i).encode())
                                          for i in range(pages)))
    finally:
        await renderer.close()
    assert not [b for b in browsers if b.proc.returncode is None]
    return outcomes, browsers


def test_the_browser_is_replaced_after_its_pages_and_no_page_is_lost(chromium, site, monkeypatch):
    monkeypatch.setattr(crawl_render, "BROWSER_PAGES", 3)
    outcomes, browsers = asyncio.run(_render_across_restarts(chromium, site, 10))
    assert [o.error for o in outcomes] == [None] * 10
    assert all(f"<p>rendered {i}</p>" in o.html for i, o in enumerate(outcomes))
    assert len(browsers) == 4  # 3 + 3 + 3 + 1 pages


GARBAGE = (b"<!doctype html><title>g</title><p>text</p><script>"
           b"window.junk = Array.from({length: 300000}, (_, i) => ({i, s: 'x' + i}));"
           b"setTimeout(() => { window.junk = null }, 0)</script>")


async def _heap_after_a_page(chromium: str, site: str) -> int:
    renderer = CrawlRenderer(chromium, concurrency=1)
    try:
        outcome = await renderer.render(f"{site}/garbage.html", 200, HEADERS, GARBAGE)
        assert outcome.html and "text" in outcome.html
        tab = renderer._free[0]
        return (await tab.send("Runtime.getHeapUsage"))["usedSize"]
    finally:
        await renderer.close()


def test_a_pages_garbage_is_collected_before_its_tab_takes_the_next_page(chromium, site):
    # a renderer would otherwise hold it until its heap grows enough to be collected
    used = asyncio.run(_heap_after_a_page(chromium, site))
    assert used < 8_000_000, used


def _children() -> list[str]:
    """The programs this process has started (their command's first word)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == os.getpid():
                found.append(Path((entry / "cmdline").read_bytes().split(b"\0")[0].decode()).name)
        except (OSError, IndexError):
            continue
    return found


async def _children_while_rendering(chromium: str, site: str) -> list[str]:
    renderer = CrawlRenderer(chromium, concurrency=1)
    try:
        assert (await renderer.render(f"{site}/one.html", 200, HEADERS, PAGE)).html
        return _children()
    finally:
        await renderer.close()


def test_chromium_is_driven_with_no_driver_process_between(chromium, site):
    # Playwright's Node driver would hold more memory than a renderer
    assert asyncio.run(_children_while_rendering(chromium, site)) == [Path(chromium).name]
    assert _children() == []  # and Chromium is gone once the renderer is closed


REDIRECTING = (b"<!doctype html><title>Redirecting</title><p>Redirecting to the Arabic site</p>"
               b"<script>location.href = 'home/'</script><p>after the script</p>")


async def _render_once(chromium: str, url: str, body: bytes):
    """One page in a renderer of its own (a 20 s timeout)."""
    renderer = CrawlRenderer(chromium, concurrency=1, timeout_s=20)
    try:
        return await renderer.render(url, 200, HEADERS, body)
    finally:
        await renderer.close()


def test_a_page_that_redirects_while_loading_is_read_without_waiting_out_the_timeout(chromium, site):
    # Chromium stops parsing and loading the page for the navigation, which is answered
    # "no content": `load` never comes. The page is read as it stands, with where it sends
    # the visitor, instead of failing after 20 s.
    outcome = asyncio.run(_render_once(chromium, f"{site}/ar/", REDIRECTING))
    assert outcome.error is None
    assert outcome.blocked_navigations == [f"{site}/ar/home/"]
    assert "Redirecting to the Arabic site" in outcome.html


# A portrait with a fallback for when it fails, as themes write it. Were images failed
# rather than answered, each error would swap in the fallback, which fails in turn: the
# page would never fire `load`.
FALLBACK_IMAGE = (b"<!doctype html><title>About</title><h1>About us</h1>"
                  b"<img src='/portrait.png' onerror=\"this.src='/placeholder.svg'\" alt='Our founder'>"
                  b"<script>addEventListener('load', () => document.body.append('loaded'))</script>")


def test_an_image_with_a_fallback_on_error_does_not_keep_the_page_loading(chromium, site, server):
    outcome = asyncio.run(_render_once(chromium, f"{site}/about.html", FALLBACK_IMAGE))
    assert outcome.error is None
    assert "loaded" in outcome.html and "Our founder" in outcome.html
    assert not [p for p in server.log if p in ("/portrait.png", "/placeholder.svg")]  # nothing was downloaded


LOADING = b"<!doctype html><title>loading</title><p>text</p><script src='/slow.js?delay=10000'></script>"


async def _a_crash_then_a_page(chromium: str, site: str, server):
    renderer = CrawlRenderer(chromium, concurrency=1, timeout_s=20)
    try:
        crashing = asyncio.ensure_future(renderer.render(f"{site}/crash.html", 200, HEADERS, LOADING))
        while "/slow.js?delay=10000" not in server.log:  # the page is loading
            await asyncio.sleep(0.05)
        session = next(iter(renderer._pipe.sessions))
        with contextlib.suppress(DevToolsError):  # the command may get no answer but the crash
            await renderer._pipe.send("Page.crash", session=session)
        crashed = await asyncio.wait_for(crashing, 5)  # not the page's 20 s
        return crashed, await renderer.render(f"{site}/one.html", 200, HEADERS, PAGE)
    finally:
        await renderer.close()


def test_a_page_that_crashes_its_tab_is_that_pages_error_and_the_next_page_gets_a_new_tab(chromium, site, server):
    crashed, after = asyncio.run(_a_crash_then_a_page(chromium, site, server))
    assert crashed.html is None and "crash" in crashed.error
    assert after.error is None and "x" in after.html


async def _pages_around_a_dead_browser(chromium: str, site: str):
    renderer = CrawlRenderer(chromium, concurrency=1)
    try:
        before = await renderer.render(f"{site}/one.html", 200, HEADERS, PAGE)
        first = renderer._pipe
        first.proc.kill()
        await first.proc.wait()
        failed = await renderer.render(f"{site}/two.html", 200, HEADERS, PAGE)
        after = await renderer.render(f"{site}/three.html", 200, HEADERS, PAGE)
        return before, failed, after, renderer._pipe is not first
    finally:
        await renderer.close()


def test_a_browser_that_dies_is_started_again_for_the_next_page(chromium, site):
    before, failed, after, restarted = asyncio.run(_pages_around_a_dead_browser(chromium, site))
    assert before.html and after.html and "x" in after.html and restarted
    assert failed.html is None and failed.error  # the page in the dead browser's tab says why


def test_a_browser_that_cannot_start_says_what_it_printed(tmp_path):
    broken = tmp_path / "chromium"
    broken.write_text("#!/bin/sh\necho 'error while loading shared libraries: libnss3.so' >&2\nexit 127\n")
    broken.chmod(0o755)
    # the crawl records this on the page and keeps its HTML reading
    with pytest.raises(DevToolsError, match="did not start: error while loading shared libraries: libnss3.so"):
        asyncio.run(_render_once(str(broken), "http://127.0.0.1:9/", PAGE))
    assert not list(Path(tempfile.gettempdir()).glob("auditor-chromium-*/chromium"))  # nothing left behind


async def _hash_routed(chromium: str, site: str, bodies: dict[str, str]) -> dict[str, tuple[bool, list[str]]]:
    renderer = CrawlRenderer(chromium, concurrency=1)
    try:
        out = {}
        for name, body in bodies.items():
            outcome = await renderer.render(f"{site}/{name}.html", 200, HEADERS, body.encode())
            assert outcome.html, outcome.error
            out[name] = (outcome.hash_routed, outcome.blocked_navigations)
        return out
    finally:
        await renderer.close()


def test_a_page_whose_scripts_answer_its_fragments_is_told_from_broken_anchors(chromium, site):
    examples = ("<!doctype html><title>Examples</title><a href='#hello-world'>Hello</a> <a href='#grid'>Grid</a>"
                "<div id='repl'></div><script>const show = () => document.getElementById('repl').textContent ="
                " 'Example ' + location.hash.slice(1); addEventListener('hashchange', show);"
                " if (!location.hash) location.hash = '#hello-world'; show();</script>")  # shows its first view
    toc = ("<!doctype html><title>Guide</title><a href='#install'>Install</a> <a href='#usage'>Usage</a>"
           "<h2 id='install'>Install</h2><script>document.body.append('ready')</script>")
    whole = "<!doctype html><title>Guide</title><a href='#install'>Install</a><h2 id='install'>Install</h2>"
    # a page that leaves when its fragment changes: that navigation is the probe's, not the page's
    leaves = ("<!doctype html><title>Old</title><a href='#go'>Go</a>"
              "<script>addEventListener('hashchange', () => { location.href = '/elsewhere.html'; });</script>")
    out = asyncio.run(_hash_routed(chromium, site, {"examples": examples, "toc": toc, "whole": whole,
                                                    "leaves": leaves}))
    assert out == {"examples": (True, []), "toc": (False, []), "whole": (False, []), "leaves": (False, [])}


async def _shown(chromium: str, site: str, pages: int) -> list[str]:
    renderer = CrawlRenderer(chromium, concurrency=pages)
    body = ("<!doctype html><title>t</title><p id='state'></p>"
            "<script>document.getElementById('state').textContent = document.visibilityState;</script>")
    try:
        outcomes = await asyncio.gather(*(renderer.render(f"{site}/shown{i}.html", 200, HEADERS, body.encode())
                                          for i in range(pages)))
        return [o.html.split("<p id=\"state\">", 1)[1].split("<", 1)[0] for o in outcomes]
    finally:
        await renderer.close()


def test_every_tab_is_shown_as_a_visitors_page_is(chromium, site):
    # a tab behind another is hidden: it draws no frame (requestAnimationFrame never runs)
    # and its scripts may wait to be shown before they build the page
    assert asyncio.run(_shown(chromium, site, 3)) == ["visible"] * 3


def test_only_requests_that_build_the_dom_are_waited_for():
    # a prefetch of the pages a page links to (type Other) never reports its end to the tab
    tab = object.__new__(crawl_render._Tab)
    tab.in_flight, tab.job = {}, None
    for n, kind in enumerate(("Script", "XHR", "Fetch", "Other", "Prefetch", "Image", "Stylesheet")):
        tab.sent({"requestId": str(n), "type": kind})
    assert tab.in_flight.keys() == {"0", "1", "2"}


@pytest.mark.parametrize(("url", "page", "own"), [
    ("https://www.example.com/app.js", "https://www.example.com/", True),
    ("https://api.example.com/menu.json", "https://www.example.com/ar/", True),
    ("https://example.com/app.js", "https://www.example.com/", True),
    ("https://static.shop.example.sa/app.js", "https://shop.example.sa/", True),
    ("https://www.googletagmanager.com/gtm.js", "https://www.example.com/", False),
    ("https://notexample.com/app.js", "https://example.com/", False),
    ("https://example.com.evil.net/app.js", "https://example.com/", False),
])
def test_a_request_is_the_sites_own_on_its_host_or_under_it(url, page, own):
    assert same_site(url, page) is own


# An analytics script on another site that never answers, and the site's own menu script.
OFFSITE_SCRIPT = ("<!doctype html><title>Shop</title><p>Welcome</p>"
                  "<script async src='{other}/analytics.js?delay=30000'></script>"
                  "<script async src='/menu.js?delay=500'></script>")


def test_a_page_waits_for_its_own_scripts_and_not_for_another_sites_that_hold_back_load(chromium, site, server,
                                                                                           monkeypatch):
    # `load` waits for the analytics script: the page would be read only at its timeout.
    # Another site's name, served by the same server on 127.0.0.1 (which a public site's
    # page may not reach: that check is off here).
    monkeypatch.setattr(crawl_render, "CRAWL_ARGS", merged_features((
        *CRAWL_ARGS, "--host-resolver-rules=MAP stats.example 127.0.0.1",
        "--disable-features=LocalNetworkAccessChecks")))
    other = site.replace("127.0.0.1", "stats.example")
    outcome = asyncio.run(_render_once(chromium, f"{site}/shop.html", OFFSITE_SCRIPT.format(other=other).encode()))
    assert "/analytics.js?delay=30000" in server.log  # loaded, as a visitor's browser does
    assert outcome.error is None
    assert "built by a script" in outcome.html
