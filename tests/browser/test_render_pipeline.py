"""How the render stage measures: one timed load at a time, each page's untimed work
(axe, collectors, screenshot) beside the next page's timed load, nothing lost."""

import asyncio
import os
import time
from pathlib import Path

import pytest

from auditor.browser.measure import measure_pages
from auditor.browser.profiles import MOBILE
from auditor.browser.render import RenderOptions, measurement, start_browser

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


def in_order(results):
    return sorted(((w, r) for r in results for w in r["timed_windows"]), key=lambda wr: wr[0]["start"])


def test_timed_loads_never_overlap(measured):
    windows = [w for w, _ in in_order(measured)]
    assert len(windows) == len(PAGES)
    for before, after in zip(windows, windows[1:]):
        assert before["end"] <= after["start"], windows


def test_untimed_work_runs_beside_the_next_timed_load(measured):
    extras = [r["extras_window"] for r in measured]
    timed = [(r["url"], w) for r in measured for w in r["timed_windows"]]
    beside = [(r["url"], url) for r in measured for url, w in timed
              if url != r["url"] and overlap(r["extras_window"], (w["start"], w["end"])) > 0.2]
    assert beside, (extras, timed)


@pytest.fixture(scope="module")
def throttled(site, chromium):
    how = measurement(RenderOptions(mode="all", profile="mobile", timeout_s=20, chromium=chromium))
    return measure_pages([site + p for p in ("/text.html", "/images.html", "/text.html?again=1")], **how)


def test_the_next_throttled_load_starts_at_the_last_ones_load_and_gets_no_byte_a_round_trip_before_its_window_ends(throttled):
    # Mobile emulates a round trip of several hundred ms: the next page's request is
    # sent two round trips before the last page's quiet window could close, at its load
    # (these pages load nothing after it); its first byte comes a round trip later.
    round_trip = MOBILE.latency_ms / 1000
    quiet_s = 1.0
    pairs = list(zip(in_order(throttled), in_order(throttled)[1:]))
    assert len(pairs) == 2
    for (before, _), (after, page) in pairs:
        assert page["error"] is None and before["quiet_end"] is not None
        assert after["start"] >= before["handed_over"] >= before["quiet_end"] - quiet_s - 0.01, (before, after)
        assert after["start"] + page["metrics"]["ttfb"] / 1000 >= before["quiet_end"] - round_trip, (before, after)
    # (earlier than one round trip before the window's end: the machine waits for neither)
    assert any(after["start"] < before["quiet_end"] - round_trip for (before, _), (after, _) in pairs), pairs


def test_untimed_work_waits_for_the_next_timed_load_to_reach_its_load(throttled):
    # run beside the next page's first paint, axe and the collectors stretched its FCP;
    # they start once it has loaded, while the page after it waits for its first byte
    ordered = in_order(throttled)
    for (_, page), (after, _) in zip(ordered, ordered[1:]):
        assert page["extras_window"][0] >= after["handed_over"] - 0.01, (page["extras_window"], after)
    (_, last), = ordered[-1:]
    assert last["extras_window"][0] - last["timed_windows"][0]["end"] < 1.0  # nothing left to wait for


@pytest.fixture(scope="module")
def loading_after_load(site, chromium):
    how = measurement(RenderOptions(mode="all", profile="mobile", timeout_s=20, chromium=chromium))
    pages = ("/late_image.html", "/text.html?n=1", "/late_data.html", "/text.html?n=2")
    return in_order(measure_pages([site + p for p in pages], **how))


def window_of(ordered, path):
    """(its timed window, the page, the next page's window or None)."""
    at = next(i for i, (_, page) in enumerate(ordered) if page["url"].endswith(path))
    window, page = ordered[at]
    return window, page, ordered[at + 1][0] if at + 1 < len(ordered) else None


def test_an_image_still_loading_at_load_does_not_hold_the_next_throttled_load(loading_after_load):
    # It is on its way already: it arrives before the next page's first byte.
    window, page, after = window_of(loading_after_load, "/late_image.html")
    assert page["error"] is None and page["metrics"]["load_ms"] > 0
    loaded_at = window["start"] + page["metrics"]["load_ms"] / 1000
    assert window["quiet_end"] - 1.0 > loaded_at + 0.5, (window, page["metrics"])  # the image came later
    assert window["handed_over"] < loaded_at + 0.3, (window, page["metrics"])
    assert after is None or after["start"] >= window["handed_over"]


def test_data_a_script_fetches_at_load_holds_the_next_throttled_load_until_it_arrives(loading_after_load):
    # What it fetches may change what the page shows: that is still this page's load.
    window, page, after = window_of(loading_after_load, "/late_data.html")
    assert page["error"] is None
    loaded_at = window["start"] + page["metrics"]["load_ms"] / 1000
    assert window["handed_over"] > loaded_at + 0.9, (window, page["metrics"])  # the server waits 0.9 s
    assert after is None or after["start"] >= window["handed_over"]


def test_untimed_work_longer_than_a_timed_load_does_not_hold_up_the_next_one(site, chromium):
    # The first page's untimed work (axe, the collectors, the screenshot) lasts longer
    # than the second page's timed load; the third page, already set up, takes the
    # machine as soon as the second lets go.
    how = measurement(RenderOptions(mode="all", profile="desktop", timeout_s=20, chromium=chromium))
    how["collectors"] = {**how["collectors"], "slow": slow_collector}
    results = measure_pages([site + p for p in PAGES[:3]], **how)
    assert all(r["error"] is None and r["collected"]["slow"] for r in results)
    (first_window, first), (second_window, _), (third_window, _) = in_order(results)
    assert first["extras_window"][1] - first["extras_window"][0] > second_window["end"] - second_window["start"]
    assert third_window["start"] - second_window["handed_over"] < 0.3, (second_window, third_window)


def test_every_page_keeps_its_timings_and_untimed_facts(measured):
    for r in measured:
        assert r["error"] is None, r["error"]
        assert r["metrics"]["fcp"] > 0 and r["metrics"]["lcp"] > 0
        assert r["axe"] is not None and r["axe_version"]
        assert r["screenshot_jpeg_b64"]
        assert r["collected"]["rtl"]["is_rtl"] is False
        assert r["collected"]["slow"]["title"], r["collector_errors"]


def chromium_processes() -> set[int]:
    """Chromium processes descended from this test process."""
    parents, commands = {}, {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                commands[int(entry.name)] = (entry / "cmdline").read_bytes()
            except OSError:  # gone meanwhile
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])

    def ours(pid: int) -> bool:
        while pid > 1:
            pid = parents.get(pid, 0)
            if pid == os.getpid():
                return True
        return False

    # (the command may be a wrapper script that starts the real binary)
    return {pid for pid, cmd in commands.items() if b"chrom" in cmd.split(b"\0")[0].lower() and ours(pid)}


def wait_until(predicate, timeout_s: float = 30) -> bool:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_a_browser_started_before_the_pages_are_known_is_up_then_measures_them(site, chromium):
    assert not chromium_processes()
    browser = start_browser(RenderOptions(mode="sample", profile="desktop", timeout_s=20, chromium=chromium))
    try:
        assert wait_until(lambda: chromium_processes()), "no Chromium started before the pages were given"
        [result] = list(browser.measure([site + "/text.html"]))
    finally:
        browser.close()
    assert result["error"] is None and result["metrics"]["fcp"] > 0
    assert result["axe"] is not None and result["screenshot_jpeg_b64"] and result["collected"]["rtl"]["is_rtl"] is False
    assert wait_until(lambda: not chromium_processes(), 10), "the browser outlived its measurement"


def test_a_browser_started_early_and_never_used_closes(chromium):
    browser = start_browser(RenderOptions(mode="all", profile="desktop", chromium=chromium))
    assert wait_until(lambda: chromium_processes())
    browser.close()
    assert wait_until(lambda: not chromium_processes(), 10), "the browser outlived the run"


def test_no_render_starts_no_browser():
    assert start_browser(RenderOptions(mode="none")) is None
