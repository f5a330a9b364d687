"""Fixture pages measured for real in Chromium with the desktop profile.

All pages are measured in one call (one browser, two pages open at a time),
then each test checks one page's facts.
"""

import base64
import json

import pytest

from auditor.browser.measure import measure_pages

PAGES = {
    "text": "/text.html",
    "gzip": "/text.html?gzip=1&cache=max-age=3600",
    "lcp_late": "/lcp_late.html",
    "lcp_very_late": "/lcp_very_late.html",
    "shift": "/shift.html",
    "long_task": "/long_task.html",
    "images": "/images.html",
    "splash": "/splash.html",
    "alert": "/alert.html",
    "missing": "/missing.html",
    "hang": "/hang.html",
    "offsite": "/redirect?to=http://localhost:9/elsewhere.html",
}


@pytest.fixture(scope="module")
def measured(site, chromium):
    streamed = []
    results = measure_pages(
        [site + path for path in PAGES.values()],
        profile="desktop",
        timeout_s=5,
        on_result=streamed.append,
        executable_path=chromium,
    )
    return {"by_name": dict(zip(PAGES, results)), "streamed": streamed, "site": site}


@pytest.fixture(scope="module")
def result_of(measured):
    return measured["by_name"].__getitem__


def test_every_url_has_one_json_result_in_input_order(measured):
    results = list(measured["by_name"].values())
    assert [r["url"] for r in results] == [measured["site"] + p for p in PAGES.values()]
    assert len(measured["streamed"]) == len(PAGES)
    for result in results:
        json.dumps(result)
        assert result["profile"] == "desktop" and result["runs"] == 1


def test_a_text_lcp_element_says_what_it_shows(result_of):
    element = result_of("text")["lcp_element"]
    assert element["kind"] == "text" and element["url"] is None
    assert element["tag"] == "p" and element["selector"] == "body > p:nth-of-type(11)"  # the largest paragraph
    assert element["text"] == "Paragraph 10: plain text that compresses well, repeated to give the page some weight."


def test_late_image_is_the_lcp_and_arrives_after_its_delay(result_of):
    result = result_of("lcp_late")
    assert result["error"] is None
    assert result["metrics"]["lcp"] >= 1500
    assert result["metrics"]["fcp"] < 1500  # the caption painted long before
    element = result["lcp_element"]
    assert element["kind"] == "image" and element["selector"] == "#hero"
    assert element["tag"] == "img" and element["text"] is None
    assert "/img/600x400.png" in element["url"]


def test_inserted_banner_gives_the_expected_cls(result_of):
    result = result_of("shift")
    # 300px push of a 400px full-width block in a 1350x940 viewport:
    # impact 700/940 x distance 300/1350 = 0.165.
    assert 0.10 <= result["metrics"]["cls"] <= 0.25
    assert any("#content" in shift["selectors"] for shift in result["layout_shifts"])


def test_busy_script_after_paint_counts_as_blocking_time(result_of):
    result = result_of("long_task")
    assert result["metrics"]["tbt"] > 150
    assert any(task["duration"] >= 250 for task in result["long_tasks"])
    assert result_of("text")["metrics"]["tbt"] < 150


def test_uncompressed_and_gzip_documents(result_of):
    plain = result_of("text")["resources"][0]
    zipped = result_of("gzip")["resources"][0]
    assert plain["type"] == "document" and plain["status"] == 200
    assert plain["content_encoding"] is None and zipped["content_encoding"] == "gzip"
    assert zipped["cache_control"] == "max-age=3600"
    assert zipped["transfer_bytes"] < plain["transfer_bytes"] / 5
    assert abs(zipped["decoded_bytes"] - plain["decoded_bytes"]) < 100
    assert plain["mime"] == "text/html"


def test_head_stylesheet_is_render_blocking(result_of):
    result = result_of("text")
    css = [r for r in result["resources"] if r["url"].endswith("/style.css")]
    assert css and css[0]["render_blocking"] is True and css[0]["type"] == "stylesheet"
    assert result["metrics"]["css_bytes"] > 0
    assert result["metrics"]["transfer_bytes"] >= sum(r["transfer_bytes"] for r in result["resources"][:2])


def test_page_totals_and_ttfb(result_of):
    metrics = result_of("text")["metrics"]
    assert metrics["requests"] >= 2
    assert metrics["transfer_bytes"] > 20_000  # the 23 KB page, uncompressed
    assert metrics["dom_nodes"] > 250
    assert 0 <= metrics["ttfb"] < 1000
    assert metrics["third_party_bytes"] == 0
    assert metrics["load_ms"] > 0


def test_images_report_sizes_and_missing_dimensions(result_of):
    images = {img["src"].rsplit("/", 1)[-1]: img for img in result_of("images")["images"]}
    nosize, sized, scaled = images["200x100.png"], images["120x80.png"], images["400x400.png"]
    assert nosize["has_size_attrs"] is False and sized["has_size_attrs"] is True
    assert (scaled["natural_w"], scaled["natural_h"]) == (400, 400)
    assert (scaled["display_w"], scaled["display_h"]) == (100, 100)
    assert all(img["bytes"] > 0 for img in images.values())
    assert result_of("images")["metrics"]["image_bytes"] >= sum(img["bytes"] for img in images.values())


def test_axe_runs_in_the_page(result_of):
    violations = {v["id"]: v for v in result_of("images")["axe"]}
    assert "image-alt" in violations
    node = violations["image-alt"]["nodes"][0]
    assert node["target"] == "#nosize" and "<img" in node["html"]
    assert violations["image-alt"]["help_url"].startswith("https://")
    assert "image-alt" not in {v["id"] for v in result_of("text")["axe"]}


def test_axe_and_the_screenshot_wait_for_a_fading_splash(result_of):
    # Read mid-fade, the splash's white text is half transparent over the page and fails
    # contrast; faded out, it is hidden. The spinner turning forever is not waited for.
    result = result_of("splash")
    assert result["error"] is None
    assert "color-contrast" not in {v["id"] for v in result["axe"]}
    assert not [w for w in result["warnings"] if "animations" in w]


def test_screenshot_is_a_small_jpeg_of_the_first_screen(result_of, jpeg_size):
    data = base64.b64decode(result_of("text")["screenshot_jpeg_b64"])
    assert data[:3] == b"\xff\xd8\xff"
    assert len(data) < 60_000
    assert jpeg_size(data) == (600, 418)  # 1350x940 scaled to 600 wide


def test_alert_is_dismissed_and_the_page_measured(result_of):
    result = result_of("alert")
    assert result["error"] is None
    assert result["dialogs"] == [{"type": "alert", "message": "Hello from the page"}]
    assert result["metrics"]["fcp"] is not None


def test_404_is_measured_with_its_status(result_of):
    result = result_of("missing")
    assert result["status"] == 404 and result["error"] is None
    assert result["resources"][0]["status"] == 404


def measured_site(result):
    return result["url"].rsplit("/", 1)[0]


def test_page_that_never_loads_is_an_error_and_the_run_goes_on(result_of):
    result = result_of("hang")
    assert result["error"].startswith("timeout")
    assert result["metrics"] == {}
    # The request that kept it loading is named.
    stuck = [r for r in result["resources"] if r["failed"] == "pending"]
    assert [r["url"].split("?")[0] for r in stuck] == [measured_site(result) + "/img/10x10.png"]
    # Pages after it in the same run were measured.
    assert result_of("missing")["error"] is None and result_of("offsite")["url"]


def test_off_site_redirect_is_recorded_and_not_followed(result_of):
    result = result_of("offsite")
    assert result["error"].startswith("redirected off-site")
    assert result["final_url"] == "http://localhost:9/elsewhere.html"


# -- the speed audits find what each fixture page was made to show ------------------

def audited(measured, *names):
    """Findings of every audit on the named measured pages, keyed by audit id."""
    from auditor.model import PageRecord
    from auditor.browser.render import facts_from_measurement
    from auditor.facts.runner import run_audits
    from tests.factories import make_site

    pages = []
    for name in names:
        result = measured["by_name"][name]
        page = PageRecord(url=result["url"], status=200, is_html=True, final_url=result["final_url"])
        page.facts.update(facts_from_measurement(result))
        pages.append(page)
    out = run_audits(pages, make_site(pages))["audits"]
    return {audit_id: [f["url"].removeprefix(measured["site"]) for f in a["findings"]]
            for audit_id, a in out.items() if a["category"] in ("speed", "accessibility")}


def test_speed_audits_find_what_each_page_was_made_to_show(measured):
    found = audited(measured, "text", "gzip", "lcp_very_late", "shift", "long_task", "images")
    assert "/lcp_very_late.html" in found["largest-contentful-paint"]
    assert "/shift.html" in found["cumulative-layout-shift"]
    assert "/long_task.html" in found["total-blocking-time"]
    assert "/images.html" in found["unsized-images"]
    assert "/text.html" in found["text-compression"]
    gzip = "/text.html?gzip=1&cache=max-age=3600"
    assert gzip not in found["text-compression"]
    # the quiet pages are not blamed for what they do not do
    assert "/text.html" not in found["cumulative-layout-shift"] + found["total-blocking-time"]
    assert "/shift.html" not in found["total-blocking-time"]
