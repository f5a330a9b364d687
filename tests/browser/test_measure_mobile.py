"""The mobile profile really throttles network and CPU, and looks like a phone."""

import base64

import pytest

from auditor.browser.measure import measure_pages

COLLECTORS = {
    "screen": "() => [screen.width, screen.height, devicePixelRatio, matchMedia('(pointer: coarse)').matches]",
    "ua": "() => navigator.userAgent",
    # Collectors run once throttling is lifted: the same work, unthrottled;
    # the fastest of three repeats, so a busy machine cannot hide the slowdown.
    "fixed_work_slowdown": "() => window.fixedWorkMs / Math.min(fixedWork(), fixedWork(), fixedWork())",
}


@pytest.fixture(scope="module")
def mobile(site, chromium):
    return measure_pages([site + "/text.html", site + "/cpu.html"], profile="mobile", axe=False,
                         collectors=COLLECTORS, timeout_s=15, concurrency=1, executable_path=chromium)


def test_request_latency_shows_in_ttfb(mobile):
    text = mobile[0]
    assert text["error"] is None and text["profile"] == "mobile"
    # 562.5 ms of emulated latency before the first byte.
    assert text["metrics"]["ttfb"] >= 500
    assert text["metrics"]["fcp"] >= 500


def test_phone_viewport_user_agent_and_screenshot(mobile, jpeg_size):
    collected = mobile[0]["collected"]
    assert collected["screen"] == [412, 823, 1.75, True]
    assert "Mobile" in collected["ua"] and "Headless" not in collected["ua"]
    shot = base64.b64decode(mobile[0]["screenshot_jpeg_b64"])
    assert jpeg_size(shot) == (412, 823) and len(shot) < 60_000


def test_cpu_is_slowed_down_during_the_timed_load(mobile):
    slowdown = mobile[1]["collected"]["fixed_work_slowdown"]
    # 4x nominal, compared within one page; a loaded machine compresses the ratio (2.2 seen
    # beside other runs), while without throttling it stays near 1.
    assert slowdown > 2, slowdown
