"""How the render stage measures: one timed load at a time, each page's untimed work
(axe, collectors, screenshot) beside the next page's timed load, nothing lost."""

import asyncio

import pytest

from auditor.browser import measure_pages
from auditor.browser.render import RenderOptions, measurement

pytestmark = pytest.mark.browser
PAGES = ["/text.html", "/images.html", "/shift.html", "/lcp_late.html"]


async def slow_collector(page):
    """Untimed work that takes a while, as axe does on a big page."""
    await asyncio.sleep(1.5)
    return {"title": await page.title()}


@pytest.fixture(scope="module")
def measured(site, chromium):
    how = measurement(RenderOptions(mode="all", profile="desktop", timeout_s=20, chromium=chromium))
    how["collectors"] = {**how["collectors"], "slow": slow_collector}
    return measure_pages([site + p for p in PAGES], **how)


def overlap(a, b) -> float:
    return min(a[1], b[1]) - max(a[0], b[0])


def test_timed_loads_never_overlap(measured):
    windows = sorted(w for r in measured for w in r["timed_windows"])
    assert len(windows) == len(PAGES)
    for before, after in zip(windows, windows[1:]):
        assert before[1] <= after[0], windows


def test_untimed_work_runs_beside_the_next_timed_load(measured):
    extras = [r["extras_window"] for r in measured]
    timed = [(r["url"], w) for r in measured for w in r["timed_windows"]]
    beside = [(r["url"], url) for r in measured for url, w in timed
              if url != r["url"] and overlap(r["extras_window"], w) > 0.2]
    assert beside, (extras, timed)


def test_every_page_keeps_its_timings_and_untimed_facts(measured):
    for r in measured:
        assert r["error"] is None, r["error"]
        assert r["metrics"]["fcp"] > 0 and r["metrics"]["lcp"] > 0
        assert r["axe"] is not None and r["axe_version"]
        assert r["screenshot_jpeg_b64"]
        assert r["collected"]["rtl"]["is_rtl"] is False
        assert r["collected"]["slow"]["title"], r["collector_errors"]
