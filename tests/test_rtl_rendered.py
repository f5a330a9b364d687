"""The rendered RTL checks end to end: fixture pages served on loopback, measured
in Chromium with the `rtl` collector, then audited.

Each page under tests/sites/rtl-rendered/ is a correct Arabic page (good.html)
with one thing broken; english.html is a left-to-right page with the same faults.
"""

from __future__ import annotations

import base64

import pytest

from auditor.audits import get_audit
from auditor.browser.measure import measure_pages
from auditor.browser.rtl_render import rtl_probe
from auditor.facts.runner import run_audits
from tests.factories import make_page, make_site
from tests.server import serve

RENDERED = ("rtl-overflow", "text-align-rtl", "font-fallback", "line-height-rtl", "computed-direction", "logo-nav-side")

# page -> {audit id: finding count}; every other rendered audit passes on it.
EXPECTED = {
    "good.html": {},
    "overflow.html": {"rtl-overflow": 2},  # only at phone width: the page is 932 px wide, the banner crosses the left edge
    "align-left.html": {"text-align-rtl": 2},
    "direction-ltr.html": {"computed-direction": 3},
    "font-fallback.html": {"font-fallback": 2},  # regular (menu, text) and bold (heading) text
    "line-height.html": {"line-height-rtl": 2},
    # Chromium keeps Arabic letters joined whatever the letter-spacing: the stylesheet check's finding
    "letter-spacing.html": {},
    "header-ltr.html": {"logo-nav-side": 1},
    "english.html": {},
}

# Elements outlined in the screenshot: the banner; the paragraphs (and the English
# heading); the menu's and the heading's blocks; the heading; the logo and the menu.
OUTLINED = {"overflow.html": 1, "align-left.html": 2, "direction-ltr.html": 3, "font-fallback.html": 2,
            "line-height.html": 2, "header-ltr.html": 2}

# Run after the rtl collector: the page must be back as the collector found it.
AFTER = """() => [document.documentElement.clientWidth, document.documentElement.clientHeight, scrollY,
  document.querySelectorAll('[data-auditor-rtl-outline], [data-auditor-rtl-probes], [data-auditor-rtl-font]').length,
  document.querySelectorAll('[style*="outline"]').length]"""


async def broken(page):
    raise RuntimeError("no such thing")


def _measure(names, profile):
    with serve("rtl-rendered") as (base, _log):
        results = measure_pages([f"{base}/{n}" for n in names], profile=profile, screenshot=False, axe=False,
                                timeout_s=15, quiet_ms=300,
                                collectors={"rtl": rtl_probe, "after": AFTER, "broken": broken})
    return base, dict(zip(names, results))


@pytest.fixture(scope="module")
def desktop():
    return _measure(list(EXPECTED), "desktop")


@pytest.fixture(scope="module")
def audited(desktop):
    base, results = desktop
    pages = [make_page(url=r["url"], facts={"_collected": r["collected"]}) for r in results.values()]
    out = run_audits(pages, make_site(pages), [get_audit(i) for i in RENDERED])["audits"]
    counts = {name: {} for name in results}
    for audit_id, audit in out.items():
        assert audit["errors"] == []
        for f in audit["findings"]:
            name = f["url"].removeprefix(base + "/")
            counts[name][audit_id] = counts[name].get(audit_id, 0) + 1
    return out, counts


def test_every_page_is_measured_and_left_as_found(desktop):
    _, results = desktop
    for name, result in results.items():
        assert result["error"] is None, name
        assert "rtl" in result["collected"], (name, result["collector_errors"])
        assert result["collected"]["after"] == [1350, 940, 0, 0, 0], name


def test_a_failing_python_collector_is_its_own_error(desktop):
    _, results = desktop
    errors = results["good.html"]["collector_errors"]
    assert errors == {"broken": "RuntimeError: no such thing"}
    assert "broken" not in results["good.html"]["collected"]


def test_each_page_fails_exactly_its_own_check(audited):
    _, counts = audited
    assert counts == EXPECTED


def test_only_rtl_pages_are_audited(audited, desktop):
    out, _ = audited
    _, results = desktop
    assert results["english.html"]["collected"]["rtl"]["is_rtl"] is False
    assert results["english.html"]["collected"]["rtl"]["rtl_share"] < 0.3
    for audit_id in ("text-align-rtl", "font-fallback", "line-height-rtl", "computed-direction", "rtl-overflow",
                     "logo-nav-side"):
        assert out[audit_id]["applicable"] == len(EXPECTED) - 1, audit_id


def test_overflow_is_found_at_phone_width_only(desktop, audited):
    _, results = desktop
    rtl = results["overflow.html"]["collected"]["rtl"]
    wide, phone = rtl["layouts"]
    assert (wide["width"], wide["scroll_width"], wide["element_count"]) == (1350, 1350, 0)
    assert (phone["width"], phone["client_width"], phone["scroll_width"]) == (412, 412, 932)
    assert [(e["selector"], e["side"], e["width"]) for e in phone["elements"]] == [("body > main > div", "left", 916)]
    findings = audited[0]["rtl-overflow"]["findings"]
    assert [(f["message_key"], f["data"]["width"]) for f in findings] == [("document-wider", 412), ("element-out", 412)]
    assert findings[0]["data"]["extra"] == 520
    assert findings[1]["selector"] == "body > main > div" and "banner" in findings[1]["snippet"]


def test_text_align_and_direction_evidence(audited):
    out, _ = audited
    align = out["text-align-rtl"]["findings"]
    assert [f["selector"] for f in align] == ["body > main > p:nth-of-type(1)", "body > main > p:nth-of-type(2)"]
    assert align[0]["data"]["text_align"] == "left" and align[0]["data"]["direction"] == "rtl"
    assert align[0]["snippet"].startswith("نحمص القهوة")
    direction = out["computed-direction"]["findings"]
    # an English sentence in a right-to-left heading; a Latin name alone (a run shown in order) is right
    assert [(f["message_key"], f["data"]["direction"], f["snippet"][:7]) for f in direction] == [
        ("ltr-text-rtl-block", "rtl", "Roasted"), ("rtl-text-ltr-block", "ltr", "نحمص ال"),
        ("rtl-text-ltr-block", "ltr", "إذا لم ")]
    # where each direction comes from: the page's dir, a CSS rule on the block, a wrapper's dir
    assert [(f["data"]["set_by"], f["data"]["set_with"]) for f in direction] == [
        ("html", 'dir="rtl"'), ("body > main > p", "direction: ltr"), ("body > main > div", 'dir="ltr"')]


def test_font_fallback_names_the_fonts_used(desktop, audited):
    _, results = desktop
    groups = results["font-fallback.html"]["collected"]["rtl"]["fonts"]
    assert [(g["first_family"], g["web_font"], g["fallback"]) for g in groups] == [
        ("Fixture Latin", True, True), ("Fixture Latin", True, True)]
    assert all("Fixture Latin" not in g["fallback_fonts"] and g["fallback_fonts"] for g in groups)
    good = results["good.html"]["collected"]["rtl"]["fonts"]
    assert [(g["first_family"], g["fallback"]) for g in good] == [("Fixture Arabic", False), ("Fixture Arabic", False)]
    assert good[1]["block_fonts"] == [{"family": "Fixture Arabic", "glyphs": 20, "web_font": True}]
    finding = audited[0]["font-fallback"]["findings"][0]
    assert finding["data"]["first_family"] == "Fixture Latin" and finding["selector"]


def test_line_height_evidence(audited):
    out, _ = audited
    tight = out["line-height-rtl"]["findings"]
    assert [f["data"]["ratio"] for f in tight] == [1.1, 1.1]
    assert tight[0]["data"]["line_height"] == "18.7px" and tight[0]["data"]["font_size"] == 17


def test_mirrored_header_is_found(audited):
    finding = audited[0]["logo-nav-side"]["findings"][0]
    assert finding["selector"] == "body > header > a"
    assert (finding["data"]["width"], finding["data"]["items"], finding["data"]["first_item"]) == (1350, 4, "الرئيسية")


def test_outlined_screenshot_only_when_something_was_found(desktop):
    _, results = desktop
    for name, expected in EXPECTED.items():
        rtl = results[name]["collected"]["rtl"]
        if not expected:
            assert rtl.get("outlined_jpeg_b64") is None, name
            continue
        jpeg = base64.b64decode(rtl["outlined_jpeg_b64"])
        assert jpeg[:2] == b"\xff\xd8" and len(jpeg) <= 60_000, name
        # Found at phone width only, the overflow is shown at phone width.
        assert rtl["outlined_width"] == (412 if name == "overflow.html" else 1350), name
        assert rtl["outlined"] == OUTLINED[name], name


def test_phone_profile_sees_the_overflow_at_its_own_width():
    _, results = _measure(["overflow.html"], "mobile")
    result = results["overflow.html"]
    assert result["error"] is None
    assert result["collected"]["after"][:2] == [412, 823]
    phone, wide = result["collected"]["rtl"]["layouts"]
    assert (phone["width"], phone["client_width"], phone["scroll_width"], phone["element_count"]) == (412, 412, 932, 1)
    assert (wide["width"], wide["scroll_width"], wide["element_count"]) == (1350, 1350, 0)
    assert result["collected"]["rtl"]["outlined_width"] == 412
