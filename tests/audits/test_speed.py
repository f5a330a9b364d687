"""Load speed audits, from hand-built measurements of the render stage."""

from __future__ import annotations

import string

import pytest

from auditor.audits import all_audits, get_audit
from auditor.audits.speed.cache_policy import lifetime
from tests.factories import BASE, findings, make_page, make_site

SPEED_IDS = sorted(a.meta.id for a in all_audits() if a.meta.category == "speed")

# A fast page: every metric well inside "good".
GOOD_METRICS = {
    "ttfb": 300, "fcp": 1000, "lcp": 1500, "cls": 0.01, "tbt": 50, "transfer_bytes": 500_000, "requests": 12,
    "dom_nodes": 400, "js_bytes": 100_000, "image_bytes": 300_000, "css_bytes": 20_000, "font_bytes": 40_000,
    "third_party_bytes": 0, "load_ms": 1800, "dom_content_loaded_ms": 1200,
}


def measured_page(path: str = "/p", metrics=None, render=None, resources=(), images=(), **overrides):
    facts = {
        "metrics": {**GOOD_METRICS, **(metrics or {})},
        "render": {"profile": "mobile", "runs": 1, "median_run": 0, "error": None, "status": 200,
                   "lcp_element": None, "layout_shifts": [], "long_tasks": [], "final_url": BASE + path,
                   **(render or {})},
        "screenshot": None,
        "_resources": list(resources),
        "_images": list(images),
        "_axe": [],
    }
    return make_page(path, facts=facts, **overrides)


def resource(path, type_="script", size=10_000, **fields):
    url = path if "://" in path else BASE + path
    return {"url": url, "type": type_, "transfer_bytes": size, "decoded_bytes": size, "status": 200,
            "content_encoding": "br", "cache_control": "max-age=31536000", "render_blocking": False,
            "mime": "application/javascript", "failed": None, **fields}


def image(path, natural=(800, 600), display=(400, 300), size=50_000, sized=True, **fields):
    return {"src": BASE + path, "natural_w": natural[0], "natural_h": natural[1], "display_w": display[0],
            "display_h": display[1], "has_size_attrs": sized, "loading": None, "bytes": size, **fields}


def keyed(found) -> list[tuple[str, dict]]:
    return [(f.message_key, f.data) for f in found]


def score(audit, page) -> float:
    return audit.page_score(page, make_site([page]), findings(audit, page))


# -- every speed audit -----------------------------------------------------------------


@pytest.mark.parametrize("audit_id", SPEED_IDS)
def test_speed_audits_do_not_apply_to_pages_that_were_not_measured(audit_id):
    page = make_page("/p")
    assert not get_audit(audit_id).applies(page, make_site([page]))


@pytest.mark.parametrize("audit_id", SPEED_IDS)
def test_speed_audits_do_not_apply_when_the_measurement_failed(audit_id):
    page = measured_page(render={"error": "timeout"}, resources=[resource("/a.js", render_blocking=True)],
                         images=[image("/a.jpg", sized=False)])
    assert not get_audit(audit_id).applies(page, make_site([page]))


@pytest.mark.parametrize("audit_id", SPEED_IDS)
def test_speed_audits_do_not_apply_to_a_measured_404(audit_id):
    page = measured_page(status=404, images=[image("/a.jpg")])
    assert not get_audit(audit_id).applies(page, make_site([page]))


def test_the_speed_audits_are_the_declared_set():
    assert SPEED_IDS == sorted([
        "cache-policy", "cumulative-layout-shift", "first-contentful-paint", "image-optimization",
        "largest-contentful-paint", "render-blocking-resources", "server-response-time", "text-compression",
        "total-blocking-time", "total-byte-weight", "unsized-images",
    ])


def test_a_fast_well_served_page_passes_every_speed_audit():
    page = measured_page(resources=[resource("/app.js"), resource("/hero.jpg", "image", mime="image/jpeg")],
                         images=[image("/hero.jpg")])
    site = make_site([page])
    for audit_id in SPEED_IDS:
        audit = get_audit(audit_id)
        assert audit.applies(page, site), audit_id
        assert list(audit.check(page, site)) == [], audit_id


# (audit id, message key) -> a measured page that provokes exactly that message
PROVOKE = {
    ("largest-contentful-paint", "slow"): lambda: measured_page(metrics={"lcp": 3000}),
    ("cumulative-layout-shift", "unstable"): lambda: measured_page(metrics={"cls": 0.2}),
    ("total-blocking-time", "blocked"): lambda: measured_page(metrics={"tbt": 400}),
    ("first-contentful-paint", "slow"): lambda: measured_page(metrics={"fcp": 2500}),
    ("server-response-time", "slow"): lambda: measured_page(metrics={"ttfb": 1000}),
    ("total-byte-weight", "heavy"): lambda: measured_page(metrics={"transfer_bytes": 2_000_000}),
    ("render-blocking-resources", "blocking"): lambda: measured_page(
        resources=[resource("/a.css", "stylesheet", render_blocking=True)]),
    ("unsized-images", "unsized"): lambda: measured_page(images=[image("/a.jpg", sized=False)]),
    ("image-optimization", "oversized"): lambda: measured_page(
        images=[image("/a.jpg", natural=(3000, 2000), display=(400, 300), size=900_000)]),
    ("image-optimization", "heavy"): lambda: measured_page(
        images=[image("/a.bmp", natural=(400, 300), display=(400, 300), size=360_000)]),
    ("text-compression", "uncompressed"): lambda: measured_page(
        resources=[resource("/a.js", content_encoding=None)]),
    ("cache-policy", "short-lived"): lambda: measured_page(resources=[resource("/a.js", cache_control=None)]),
}


def test_every_declared_speed_message_has_a_provoking_case():
    declared = {(a.meta.id, key) for a in all_audits() if a.meta.category == "speed" for key in a.meta.messages}
    assert set(PROVOKE) == declared


@pytest.mark.parametrize(("audit_id", "key"), sorted(PROVOKE))
def test_speed_message_formats_with_the_data_of_its_finding(audit_id, key):
    audit = get_audit(audit_id)
    page = PROVOKE[(audit_id, key)]()
    found = findings(audit, page)
    assert [f.message_key for f in found] == [key]
    template = audit.meta.messages[key]
    placeholders = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    assert placeholders <= set(found[0].data)
    text = template.format(**found[0].data)
    for name in placeholders:
        assert str(found[0].data[name]) in text


# -- largest-contentful-paint ------------------------------------------------------------

LCP = get_audit("largest-contentful-paint")
HERO = {"selector": "main > img.hero", "kind": "image", "url": BASE + "/hero.jpg", "size": 120000}


@pytest.mark.parametrize("lcp", [1500, 2500])
def test_lcp_up_to_good_passes(lcp):
    assert findings(LCP, measured_page(metrics={"lcp": lcp})) == []


def test_lcp_between_good_and_poor_needs_improvement_and_names_the_element():
    found = findings(LCP, measured_page(metrics={"lcp": 3000.4}, render={"lcp_element": HERO}))
    assert keyed(found) == [("slow", {
        "value": 3000, "good": 2500, "poor": 4000, "rating": "needs improvement", "saving_ms": 500,
        "element": "main > img.hero", "kind": "image", "element_url": BASE + "/hero.jpg",
    })]
    assert found[0].selector == "main > img.hero"


def test_lcp_at_poor_still_needs_improvement():
    assert findings(LCP, measured_page(metrics={"lcp": 4000}))[0].data["rating"] == "needs improvement"


def test_lcp_beyond_poor_is_rated_poor():
    found = findings(LCP, measured_page(metrics={"lcp": 5200}))
    assert (found[0].data["rating"], found[0].data["saving_ms"]) == ("poor", 2700)


def test_lcp_without_an_identified_element_says_so():
    found = findings(LCP, measured_page(metrics={"lcp": 3000}))
    assert (found[0].data["element"], found[0].data["kind"], found[0].selector) == ("not identified", "unknown", None)


def test_lcp_not_measured_is_not_applicable():
    page = measured_page(metrics={"lcp": None})
    assert not LCP.applies(page, make_site([page]))


@pytest.mark.parametrize(("lcp", "expected"), [(2500, 0.9), (4000, 0.5), (3000, 0.784), (2400, 0.918)])
def test_lcp_scores_on_the_log_normal_curve(lcp, expected):
    assert score(LCP, measured_page(metrics={"lcp": lcp})) == expected


# -- cumulative-layout-shift ---------------------------------------------------------------

CLS = get_audit("cumulative-layout-shift")


@pytest.mark.parametrize("cls", [0.0, 0.1])
def test_cls_up_to_good_passes(cls):
    assert findings(CLS, measured_page(metrics={"cls": cls})) == []


def test_cls_lists_the_elements_of_the_biggest_shifts_first():
    shifts = [
        {"start": 100, "value": 0.01, "selectors": ["footer"]},
        {"start": 900, "value": 0.2, "selectors": ["main > p", "#banner"]},
        {"start": 500, "value": 0.08, "selectors": ["#banner"]},
    ]
    found = findings(CLS, measured_page(metrics={"cls": 0.29123}, render={"layout_shifts": shifts}))
    assert keyed(found) == [("unstable", {
        "value": 0.291, "good": 0.1, "poor": 0.25, "rating": "poor",
        "elements": "main > p, #banner, footer",
        "shifts": [{"value": 0.2, "selectors": ["main > p", "#banner"]}, {"value": 0.08, "selectors": ["#banner"]},
                   {"value": 0.01, "selectors": ["footer"]}],
    })]
    assert found[0].selector == "main > p"
    assert "saving_ms" not in found[0].data


def test_cls_without_recorded_shifts_still_reports_the_value():
    found = findings(CLS, measured_page(metrics={"cls": 0.15}))
    assert (found[0].data["rating"], found[0].data["elements"], found[0].selector) == (
        "needs improvement", "not identified", None)


@pytest.mark.parametrize(("cls", "expected"), [(0.1, 0.9), (0.25, 0.5), (0.0, 1.0)])
def test_cls_scores_on_the_log_normal_curve(cls, expected):
    assert score(CLS, measured_page(metrics={"cls": cls})) == expected


# -- total-blocking-time -------------------------------------------------------------------

TBT = get_audit("total-blocking-time")


def test_tbt_up_to_good_passes():
    assert findings(TBT, measured_page(metrics={"tbt": 200})) == []


def test_tbt_lists_the_longest_tasks():
    tasks = [{"start": 1000.2, "duration": 80}, {"start": 2000, "duration": 320.6}, {"start": 1500, "duration": 150}]
    found = findings(TBT, measured_page(metrics={"tbt": 450}, render={"long_tasks": tasks}))
    assert keyed(found) == [("blocked", {
        "value": 450, "good": 200, "poor": 600, "rating": "needs improvement", "saving_ms": 250,
        "longest": "321 ms at 2000 ms, 150 ms at 1500 ms, 80 ms at 1000 ms",
        "long_tasks": [{"start": 2000, "duration": 321}, {"start": 1500, "duration": 150},
                       {"start": 1000, "duration": 80}],
    })]


def test_tbt_keeps_five_tasks_at_most():
    tasks = [{"start": i * 100, "duration": 60 + i} for i in range(8)]
    found = findings(TBT, measured_page(metrics={"tbt": 700}, render={"long_tasks": tasks}))
    assert [t["duration"] for t in found[0].data["long_tasks"]] == [67, 66, 65, 64, 63]
    assert found[0].data["rating"] == "poor"


# -- first-contentful-paint ----------------------------------------------------------------

FCP = get_audit("first-contentful-paint")


def test_fcp_up_to_good_passes():
    assert findings(FCP, measured_page(metrics={"fcp": 1800})) == []


def test_fcp_counts_the_render_blocking_resources():
    page = measured_page(metrics={"fcp": 3100}, resources=[
        resource("/a.css", "stylesheet", render_blocking=True), resource("/b.js", render_blocking=True),
        resource("/c.js")])
    assert keyed(findings(FCP, page)) == [("slow", {
        "value": 3100, "good": 1800, "poor": 3000, "rating": "poor", "saving_ms": 1300, "blocking": 2,
    })]


# -- server-response-time ------------------------------------------------------------------

TTFB = get_audit("server-response-time")


def test_ttfb_up_to_good_passes():
    assert findings(TTFB, measured_page(metrics={"ttfb": 800})) == []


def test_ttfb_names_the_profile_it_was_measured_on():
    page = measured_page(metrics={"ttfb": 1000}, render={"profile": "desktop"})
    assert keyed(findings(TTFB, page)) == [("slow", {
        "value": 1000, "good": 800, "poor": 1800, "rating": "needs improvement", "saving_ms": 200,
        "profile": "desktop",
    })]


@pytest.mark.parametrize(("ttfb", "expected"), [(800, 0.9), (1800, 0.5)])
def test_ttfb_scores_on_the_log_normal_curve(ttfb, expected):
    assert score(TTFB, measured_page(metrics={"ttfb": ttfb})) == expected


# -- total-byte-weight ---------------------------------------------------------------------

WEIGHT = get_audit("total-byte-weight")


def test_page_weight_up_to_1600_kib_passes():
    assert findings(WEIGHT, measured_page(metrics={"transfer_bytes": 1600 * 1024})) == []


def test_heavy_page_lists_its_heaviest_resources():
    res = [resource(f"/r{i}.js", size=1000 * i) for i in range(1, 8)]
    found = findings(WEIGHT, measured_page(metrics={"transfer_bytes": 2_000_000}, resources=res))
    assert keyed(found) == [("heavy", {
        "value": 2_000_000, "good": 1_638_400, "poor": 4_096_000, "rating": "needs improvement",
        "saving_bytes": 361_600, "value_kib": 1953, "good_kib": 1600, "poor_kib": 4000,
        "heaviest": f"{BASE}/r7.js (6.8 KiB), {BASE}/r6.js (5.9 KiB), {BASE}/r5.js (4.9 KiB), "
                    f"{BASE}/r4.js (3.9 KiB), {BASE}/r3.js (2.9 KiB)",
        "resources": [{"url": f"{BASE}/r{i}.js", "type": "script", "bytes": 1000 * i} for i in (7, 6, 5, 4, 3)],
    })]


def test_page_weight_scores_at_the_lighthouse_references():
    assert score(WEIGHT, measured_page(metrics={"transfer_bytes": 1600 * 1024})) == 0.9
    assert score(WEIGHT, measured_page(metrics={"transfer_bytes": 4000 * 1024})) == 0.5
    assert score(WEIGHT, measured_page(metrics={"transfer_bytes": 6000 * 1024})) < 0.5


# -- render-blocking-resources -------------------------------------------------------------

BLOCKING = get_audit("render-blocking-resources")


def test_no_render_blocking_resource_passes():
    assert findings(BLOCKING, measured_page(resources=[resource("/a.js")])) == []


def test_render_blocking_resources_are_listed_with_an_estimated_saving():
    # 30 KiB on the mobile network: 562.5 ms latency + 30720 B at 188.74 B/ms = 725 ms,
    # below the 2200 ms between first byte and first paint
    page = measured_page(metrics={"ttfb": 800, "fcp": 3000}, resources=[
        resource("/a.css", "stylesheet", size=20 * 1024, render_blocking=True),
        resource("/lazy.js"),
        resource("/b.js", size=10 * 1024, render_blocking=True)])
    assert keyed(findings(BLOCKING, page)) == [("blocking", {
        "count": 2, "total_kib": 30.0, "urls": f"{BASE}/a.css, {BASE}/b.js", "saving_ms": 725,
        "resources": [{"url": BASE + "/a.css", "type": "stylesheet", "bytes": 20 * 1024},
                      {"url": BASE + "/b.js", "type": "script", "bytes": 10 * 1024}],
    })]


def test_render_blocking_saving_is_capped_by_the_time_from_first_byte_to_first_paint():
    page = measured_page(metrics={"ttfb": 900, "fcp": 1200},
                         resources=[resource("/a.css", "stylesheet", size=30 * 1024, render_blocking=True)])
    assert findings(BLOCKING, page)[0].data["saving_ms"] == 300


def test_render_blocking_saving_on_desktop_uses_the_desktop_network():
    # 40 ms + 30720 B at 1310.72 B/ms = 63 ms
    page = measured_page(metrics={"ttfb": 200, "fcp": 1000}, render={"profile": "desktop"},
                         resources=[resource("/a.css", "stylesheet", size=30 * 1024, render_blocking=True)])
    assert findings(BLOCKING, page)[0].data["saving_ms"] == 63


def test_render_blocking_message_lists_three_urls_and_counts_the_rest():
    res = [resource(f"/{i}.css", "stylesheet", render_blocking=True) for i in range(5)]
    found = findings(BLOCKING, measured_page(resources=res))
    assert found[0].data["urls"] == f"{BASE}/0.css, {BASE}/1.css, {BASE}/2.css and 2 more"


# -- unsized-images ------------------------------------------------------------------------

UNSIZED = get_audit("unsized-images")


def test_unsized_displayed_image_is_a_finding():
    page = measured_page(images=[
        image("/sized.jpg"),
        image("/unsized.jpg", display=(360, 240), sized=False),
        image("/hidden.jpg", display=(0, 0), sized=False),
        image("/unknown.jpg", sized=None),
    ])
    found = findings(UNSIZED, page)
    assert keyed(found) == [("unsized", {"src": BASE + "/unsized.jpg", "display_w": 360, "display_h": 240})]
    assert found[0].snippet == BASE + "/unsized.jpg"


def test_an_image_whose_box_css_fixes_is_sized():
    page = measured_page(images=[image("/avatar.jpg", display=(48, 48), sized=False, css_sized=True),
                                 image("/fluid.jpg", display=(360, 240), sized=False, css_sized=False)])
    assert [f.data["src"] for f in findings(UNSIZED, page)] == [BASE + "/fluid.jpg"]


def test_an_svg_written_into_the_page_is_not_unsized():
    svg = "data:image/svg+xml,%3csvg%20width='27'%20height='24'%20xmlns='http://www.w3.org/2000/svg'%3e%3c/svg%3e"
    page = measured_page(images=[{**image("/x", display=(27, 24), sized=False), "src": svg},
                                 {**image("/y", display=(27, 24), sized=False), "src": "data:image/png;base64,AAAA"}])
    assert [f.data["src"] for f in findings(UNSIZED, page)] == ["data:image/png;base64,AAAA"]


def test_unsized_images_do_not_apply_to_a_page_without_images():
    page = measured_page()
    assert not UNSIZED.applies(page, make_site([page]))


def test_unsized_image_with_a_data_uri_is_shortened():
    page = measured_page(images=[{**image("/x", sized=False), "src": "data:image/png;base64," + "A" * 5000}])
    src = findings(UNSIZED, page)[0].data["src"]
    assert len(src) == 300 and src.endswith("\u2026") and src.startswith("data:image/png;base64,AAA")


# -- image-optimization --------------------------------------------------------------------

IMAGES = get_audit("image-optimization")


def test_oversized_image_on_desktop():
    # 2000x1500 shown at 400x300: 96% of its pixels are wasted
    page = measured_page(render={"profile": "desktop"},
                         images=[image("/big.jpg", natural=(2000, 1500), display=(400, 300), size=600 * 1024)],
                         resources=[resource("/big.jpg", "image", size=600 * 1024, mime="image/jpeg")])
    found = findings(IMAGES, page)
    assert keyed(found) == [("oversized", {
        "src": BASE + "/big.jpg", "natural_w": 2000, "natural_h": 1500, "display_w": 400, "display_h": 300,
        "device_w": 400, "device_h": 300, "bytes": 614_400, "kib": 600, "format": "jpeg",
        "saving_bytes": 589_824, "saving_kib": 576,
    })]
    assert found[0].snippet == BASE + "/big.jpg"


def test_image_size_is_judged_in_device_pixels_of_the_profile():
    # 1000x750 shown at 400x300: 2.5x on desktop, but only 1.43x the 700x525 device pixels of mobile
    img = image("/photo.jpg", natural=(1000, 750), display=(400, 300), size=300 * 1024)
    desktop = findings(IMAGES, measured_page(render={"profile": "desktop"}, images=[img]))
    mobile = findings(IMAGES, measured_page(render={"profile": "mobile"}, images=[img]))
    assert [(f.message_key, f.data["saving_bytes"]) for f in desktop] == [("oversized", 258_048)]
    # on mobile it is not oversized, but heavy: 307200 B for 367500 device pixels
    assert [(f.message_key, f.data["bytes_per_pixel"], f.data["saving_bytes"]) for f in mobile] == [
        ("heavy", 0.84, 215_325)]


def test_uncompressed_bmp_is_heavy_for_its_pixels():
    page = measured_page(render={"profile": "desktop"},
                         images=[image("/photo.bmp", natural=(800, 600), display=(800, 600), size=1_440_054)],
                         resources=[resource("/photo.bmp", "image", mime="image/bmp")])
    assert keyed(findings(IMAGES, page)) == [("heavy", {
        "src": BASE + "/photo.bmp", "natural_w": 800, "natural_h": 600, "display_w": 800, "display_h": 600,
        "device_w": 800, "device_h": 600, "bytes": 1_440_054, "kib": 1406, "format": "bmp",
        "saving_bytes": 1_320_054, "saving_kib": 1289, "bytes_per_pixel": 3.0,
    })]


def test_format_falls_back_on_the_file_extension():
    page = measured_page(render={"profile": "desktop"},
                         images=[image("/photo.PNG", natural=(800, 600), display=(800, 600), size=900_000)])
    assert findings(IMAGES, page)[0].data["format"] == "png"


@pytest.mark.parametrize("img", [
    image("/ok.jpg", natural=(800, 600), display=(800, 600), size=100 * 1024),  # 0.21 B/px: well compressed
    image("/small.png", natural=(400, 400), display=(100, 100), size=20 * 1024),  # savings under 50 KiB
    image("/unknown.jpg", natural=(4000, 3000), display=(400, 300), size=None),  # bytes not known
    image("/hidden.jpg", natural=(4000, 3000), display=(0, 0), size=900_000),  # not displayed
    image("/broken.jpg", natural=(0, 0), display=(400, 300), size=900_000),  # did not decode
], ids=["well-compressed", "small-saving", "no-bytes", "hidden", "not-decoded"])
def test_images_not_worth_a_finding(img):
    assert findings(IMAGES, measured_page(render={"profile": "desktop"}, images=[img])) == []


def test_svg_is_never_judged_by_its_pixels():
    svg = image("/logo.svg", natural=(3000, 3000), display=(100, 100), size=400_000)
    assert findings(IMAGES, measured_page(images=[svg])) == []
    by_mime = {**svg, "src": BASE + "/logo"}
    res = [resource("/logo", "image", mime="image/svg+xml")]
    assert findings(IMAGES, measured_page(images=[by_mime], resources=res)) == []


def test_the_same_image_twice_is_one_finding():
    img = image("/big.jpg", natural=(3000, 2000), display=(400, 300), size=900_000)
    assert len(findings(IMAGES, measured_page(images=[img, dict(img)]))) == 1


# -- text-compression ----------------------------------------------------------------------

COMPRESSION = get_audit("text-compression")


def test_uncompressed_text_responses_over_1400_bytes_are_listed():
    page = measured_page(resources=[
        resource("/p", "document", 20_000, content_encoding=None, mime="text/html"),
        resource("/a.css", "stylesheet", 9000, content_encoding="gzip", mime="text/css"),
        resource("/tiny.js", "script", 1400, content_encoding=None),
        resource("/photo.png", "image", 90_000, content_encoding=None, mime="image/png"),
        resource("/data.json", "fetch", 8000, content_encoding="zstd", mime="application/json"),
        resource("/icons.svg", "image", 5000, content_encoding=None, mime="image/svg+xml"),
        resource("/old.js", "script", 5000, content_encoding=None, status=304),
        resource("/gone.js", "script", 5000, content_encoding=None, failed="net::ERR_FAILED"),
    ])
    assert keyed(findings(COMPRESSION, page)) == [("uncompressed", {
        "count": 2, "total_kib": 24.4, "urls": f"{BASE}/p, {BASE}/icons.svg",
        "saving_bytes": 17_500, "saving_kib": 17.1,
        "resources": [{"url": BASE + "/p", "mime": "text/html", "bytes": 20_000},
                      {"url": BASE + "/icons.svg", "mime": "image/svg+xml", "bytes": 5000}],
    })]


@pytest.mark.parametrize("mime", ["application/javascript", "text/javascript", "application/ld+json"])
def test_script_and_json_types_count_as_text(mime):
    page = measured_page(resources=[resource("/x", size=5000, content_encoding=None, mime=mime)])
    assert findings(COMPRESSION, page)[0].data["count"] == 1


def test_a_listed_encoding_among_several_counts_as_compressed():
    page = measured_page(resources=[resource("/x.js", size=5000, content_encoding="identity, BR")])
    assert findings(COMPRESSION, page) == []


# -- cache-policy --------------------------------------------------------------------------

CACHE = get_audit("cache-policy")


@pytest.mark.parametrize(("header", "expected"), [
    (None, (None, False)),
    ("public, max-age=604800", (604800, False)),
    ("max-age=31536000, immutable", (31536000, True)),
    ("no-cache", (0, False)),
    ("private, no-store, max-age=3600", (0, False)),
    ("s-maxage=999999", (None, False)),
    ('max-age="120"', (120, False)),
])
def test_cache_lifetime_is_read_from_cache_control(header, expected):
    assert lifetime(header) == expected


def test_static_same_site_files_cached_under_7_days_are_listed():
    page = measured_page(resources=[
        resource("/app.js", size=30_000, cache_control=None),
        resource("/style.css", "stylesheet", 10_000, cache_control="public, max-age=3600"),
        resource("/hero.jpg", "image", cache_control="max-age=31536000"),
        resource("/font.woff2", "font", cache_control="max-age=60, immutable"),
        resource("/week.js", cache_control="max-age=604800"),
        resource("https://static.shop.example/p.png", "image", 2000, cache_control="no-cache"),
        resource("https://cdn.other.example/lib.js", cache_control=None),
        resource("/p", "document", cache_control=None),
        resource("/api", "fetch", cache_control=None),
    ])
    assert keyed(findings(CACHE, page)) == [("short-lived", {
        "count": 3, "total_kib": 41.0,
        "urls": f"{BASE}/app.js (none), {BASE}/style.css (1 h), https://static.shop.example/p.png (0 s)",
        "saving_bytes": 42_000, "saving_kib": 41.0,
        "resources": [
            {"url": BASE + "/app.js", "type": "script", "bytes": 30_000, "max_age": None, "lifetime": "none"},
            {"url": BASE + "/style.css", "type": "stylesheet", "bytes": 10_000, "max_age": 3600, "lifetime": "1 h"},
            {"url": "https://static.shop.example/p.png", "type": "image", "bytes": 2000, "max_age": 0,
             "lifetime": "0 s"},
        ],
    })]


def test_cache_policy_judges_same_site_against_the_final_url():
    # the page redirected to another host: that host's files are the site's own
    page = measured_page(render={"final_url": "https://shop.other.example/p"},
                         resources=[resource("https://shop.other.example/app.js", cache_control=None),
                                    resource("/old.js", cache_control=None)])
    assert findings(CACHE, page)[0].data["urls"] == "https://shop.other.example/app.js (none)"
