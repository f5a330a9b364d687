"""The browser that renders pages while crawling: what it keeps in memory."""

from __future__ import annotations

import asyncio

from auditor.browser.chromium import LAUNCH_ARGS
from auditor.browser.crawl_render import CRAWL_ARGS, CrawlRenderer, merged_features

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
        session = await renderer._browser.new_browser_cdp_session()
        info = await session.send("SystemInfo.getProcessInfo")
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
    enabled = next(a for a in CRAWL_ARGS if a.startswith("--enable-features=")).split("=", 1)[1].split(",")
    assert "SkipListAccountsWithoutGaiaCookies" in enabled


REDIRECTING = (b"<!doctype html><title>Redirecting</title><p>Redirecting to the Arabic site</p>"
               b"<script>location.href = 'home/'</script><p>after the script</p>")


async def _render_redirect(chromium: str, site: str):
    renderer = CrawlRenderer(chromium, concurrency=1, timeout_s=20)
    try:
        return await renderer.render(f"{site}/ar/", 200, HEADERS, REDIRECTING)
    finally:
        await renderer.close()


def test_a_page_that_redirects_while_loading_is_read_without_waiting_out_the_timeout(chromium, site):
    # Chromium stops parsing and loading the page for the navigation, which is answered
    # "no content": `load` never comes. The page is read as it stands, with where it sends
    # the visitor, instead of failing after 20 s.
    outcome = asyncio.run(_render_redirect(chromium, site))
    assert outcome.error is None
    assert outcome.blocked_navigations == [f"{site}/ar/home/"]
    assert "Redirecting to the Arabic site" in outcome.html
