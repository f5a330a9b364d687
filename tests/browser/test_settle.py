"""A page that has loaded is read when its network goes quiet, not at the timeout: a
request that never answers or a page that polls for ever does not hold the render stage."""

import pytest

from auditor.browser.measure import measure_pages

pytestmark = pytest.mark.browser
TIMEOUT_S = 30


@pytest.fixture(scope="module")
def measured(site, chromium):
    pages = ["/pending.html", "/polling.html", "/text.html", "/slow_favicon.html"]
    results = measure_pages([site + p for p in pages], profile="desktop", timeout_s=TIMEOUT_S,
                            concurrency=1, executable_path=chromium)
    return dict(zip(pages, results))


def test_an_open_long_poll_does_not_hold_the_measurement(measured):
    page = measured["/pending.html"]
    assert page["error"] is None and page["metrics"]["fcp"] > 0
    assert page["settled"] is True
    assert page["timed_ms"][0] < 6000, page["timed_ms"]
    assert any("poll=1" in url for url in page["pending"])


def test_a_page_that_polls_for_ever_is_read_soon_after_load(measured):
    page = measured["/polling.html"]
    assert page["error"] is None and page["metrics"]["fcp"] > 0
    assert page["settled"] is False
    assert page["timed_ms"][0] < 13000, page["timed_ms"]


def test_a_quiet_page_settles_at_once(measured):
    page = measured["/text.html"]
    assert page["settled"] is True and page["pending"] == []
    assert page["timed_ms"][0] < 4000


def test_the_favicon_the_browser_fetches_does_not_hold_the_window(measured, server):
    # Without it, the window would close only when the network stalls (2 s after load).
    page = measured["/slow_favicon.html"]
    assert any(p.startswith("/img/16x16.png") for p in server.log), "the browser asked for no favicon"
    assert page["settled"] is True and page["pending"] == []
    assert page["timed_ms"][0] < 1900, page["timed_ms"]
