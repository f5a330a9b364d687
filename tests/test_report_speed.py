"""The HTML report's load speed section, from a hand-built result."""

from __future__ import annotations

import copy
import re

from auditor.audits import all_audits
from reports import charts, html

SITE = "https://shop.example"
SHOT = "/9j/4AAQSkZJRgABAQ=="  # the start of a JPEG, in base64
HOSTILE = "<img src=x onerror=alert(1)>"


def metrics(fcp, lcp, cls, tbt, ttfb, transfer):
    return {"fcp": fcp, "lcp": lcp, "cls": cls, "tbt": tbt, "ttfb": ttfb, "transfer_bytes": transfer,
            "requests": 20, "dom_nodes": 500}


def page(path, template, page_metrics=None, lcp_selector="main > h1", screenshot=None):
    out = {"url": SITE + path, "status": 200, "is_html": True, "depth": 1, "title": f"Page {path}", "lang": "en",
           "dir": None, "final_url": SITE + path, "redirect_to": None, "error": None, "content_type": "text/html",
           "word_count": 300, "in_sitemap": True, "template": template}
    if page_metrics is not None:
        out["metrics"] = page_metrics
        out["render"] = {"profile": "mobile", "runs": 3, "median_run": 1, "error": None, "status": 200,
                         "lcp_element": {"selector": lcp_selector, "kind": "text", "url": None, "size": 900},
                         "layout_shifts": [], "long_tasks": [], "final_url": SITE + path}
        out["screenshot"] = screenshot
    return out


def speed_audit(audit_id, impact, effort, findings):
    return {
        "id": audit_id, "title": f"{audit_id} passes", "failure_title": f"Failing {audit_id}",
        "description": "Why it matters.", "category": "speed", "impact": impact, "effort": effort, "weight": 1,
        "journey": ["awareness"], "seo_outcome": "Page experience.", "cx_outcome": "Visitors leave.",
        "help_url": "https://web.dev/", "how_to_fix": "Fix it.", "required_artifacts": ["page.facts.metrics"],
        "messages": {"slow": "Slow: {value}."}, "score": 0.5, "applicable": 3,
        "failing_pages": len({f["url"] for f in findings}), "findings": findings, "errors": [],
    }


def finding(path, **data):
    return {"url": SITE + path, "message_key": "slow", "data": data}


PRODUCT = "/products/* [main+nav|12|img|]"
HOME = "/ [main+nav|12|img|]"


def measured_result() -> dict:
    pages = [
        page("/", HOME, metrics(1200, 2000, 0.02, 100, 500, 900 * 1024), screenshot=SHOT),
        page("/products/a", PRODUCT, metrics(2000, 3000, 0.05, 300, 700, 1000 * 1024), lcp_selector=HOSTILE,
             screenshot="not base64 \" onerror=\"alert(1)"),
        page("/products/b", PRODUCT, metrics(2600, 5000, 0.30, 700, 900, 2000 * 1024), screenshot=SHOT),
        page("/products/c", PRODUCT, metrics(3200, 6000, 0.40, 900, 1900, 5000 * 1024)),
        page("/products/d", PRODUCT),  # crawled, not measured
    ]
    audits = {
        "largest-contentful-paint": speed_audit("largest-contentful-paint", "serious", "medium", [
            finding("/products/a", value=3000, saving_ms=500), finding("/products/b", value=5000, saving_ms=2500),
            finding("/products/c", value=6000, saving_ms=3500)]),
        "text-compression": speed_audit("text-compression", "moderate", "small", [
            finding("/products/b", value=1, saving_bytes=300 * 1024), finding("/products/c", value=1, saving_bytes=212 * 1024)]),
        "cache-policy": speed_audit("cache-policy", "minor", "small", []),
    }
    for audit in all_audits():  # each metric's thresholds, as the audit that scores it writes them
        if audit.scoring():
            audits.setdefault(audit.meta.id, speed_audit(audit.meta.id, "minor", "small", []))["scoring"] = audit.scoring()
    return {
        "schema_version": "1.0",
        "run": {
            "start_urls": [SITE + "/"], "site": SITE + "/", "started_at": "2026-01-05T10:00:00+00:00",
            "finished_at": "2026-01-05T10:05:00+00:00", "settings": {"render": "sample"}, "versions": {},
            "timings": {}, "counts": {},
            "render": {
                "mode": "sample", "profile": "mobile", "runs": 3,
                "templates": {
                    HOME: {"pattern": "/", "pages": 1, "sampled": [SITE + "/"], "reasons": {SITE + "/": "start page"}},
                    PRODUCT: {"pattern": "/products/*", "pages": 40,
                              "sampled": [SITE + "/products/a", SITE + "/products/b", SITE + "/products/c"],
                              "reasons": {SITE + "/products/a": "template sample", SITE + "/products/b": "template sample",
                                          SITE + "/products/c": "customer touchpoint"}},
                },
            },
        },
        "categories": {"speed": {"title": "Load speed", "score": 0.5, "audits": list(audits)}},
        "audits": audits,
        "pages": pages,
    }


def section(report: str) -> str:
    match = re.search(r'<section id="speed".*?</section>', report, re.DOTALL)
    assert match, "no speed section"
    return match.group(0)


def row(html_text: str, first_cell: str) -> str:
    match = re.search(r"<tr><(?:th|td)[^>]*>(?:(?!</tr>).)*?" + re.escape(first_cell) + r".*?</tr>", html_text, re.DOTALL)
    assert match, first_cell
    return match.group(0)


def cells(row_html: str) -> list[tuple[str, str]]:
    """(rating class, visible text) of each metric cell of a row."""
    found = re.findall(r'<td class="metric m-([a-z-]+)">(.*?)</td>', row_html, re.DOTALL)
    return [(css, re.sub(r"<[^>]+>", "", text).strip()) for css, text in found]


def test_speed_section_says_how_the_pages_were_measured():
    text = re.sub(r"<[^>]+>", "", section(html.render(measured_result(), "en")))
    text = " ".join(text.split())
    assert "Measured in Chromium on the mobile profile, 3 runs per page; each figure is the median run." in text
    assert "4 pages were measured, sampled from 2 page templates covering 41 pages" in text
    assert "template sample: 2" in text and "start page: 1" in text and "customer touchpoint: 1" in text


def test_template_rows_show_the_median_of_their_measured_pages_rated():
    speed = section(html.render(measured_result(), "en"))
    products = row(speed, "<code dir=\"ltr\">/products/*</code>")
    assert "3 of 40" in re.sub(r"<[^>]+>", "", products)
    # medians of a, b, c: FCP 2600, LCP 5000, CLS 0.30, TBT 700, TTFB 900, 2000 KiB
    assert cells(products) == [
        ("needs-improvement", "2,600 ms needs improvement"),
        ("poor", "5,000 ms poor"),
        ("poor", "0.300 poor"),
        ("poor", "700 ms poor"),
        ("needs-improvement", "900 ms needs improvement"),
        ("needs-improvement", "2,000 KiB needs improvement"),
    ]
    home = row(speed, "<code dir=\"ltr\">/</code>")
    assert cells(home) == [("good", "1,200 ms good"), ("good", "2,000 ms good"), ("good", "0.020 good"),
                           ("good", "100 ms good"), ("good", "500 ms good"), ("good", "900 KiB good")]


def test_every_measured_page_has_a_row_with_its_lcp_element():
    speed = section(html.render(measured_result(), "en"))
    page_c = row(speed, f'href="{SITE}/products/c"')
    assert cells(page_c) == [("poor", "3,200 ms poor"), ("poor", "6,000 ms poor"), ("poor", "0.400 poor"),
                             ("poor", "900 ms poor"), ("poor", "1,900 ms poor"), ("poor", "5,000 KiB poor")]
    assert "<code dir=\"ltr\">main &gt; h1</code>" in page_c
    assert f'href="{SITE}/products/d"' not in speed  # crawled but not measured


def test_a_hostile_lcp_selector_is_escaped():
    report = html.render(measured_result(), "en")
    assert HOSTILE not in report
    assert "<code dir=\"ltr\">&lt;img src=x onerror=alert(1)&gt;</code>" in section(report)


def test_screenshots_are_inline_jpegs_with_alt_text_and_only_base64_gets_in():
    speed = section(html.render(measured_result(), "en"))
    images = re.findall(r"<img [^>]*>", speed)
    assert images == [
        f'<img src="data:image/jpeg;base64,{SHOT}" alt="First screen of {SITE}/" loading="lazy">',
        f'<img src="data:image/jpeg;base64,{SHOT}" alt="First screen of {SITE}/products/b" loading="lazy">',
    ]


def test_at_most_six_screenshots():
    result = measured_result()
    result["pages"] = [page(f"/p{i}", PRODUCT, metrics(1000, 2000, 0, 0, 300, 1000), screenshot=SHOT)
                       for i in range(9)]
    assert len(re.findall(r"<img ", section(html.render(result, "en")))) == 6


def test_top_speed_fixes_carry_their_estimated_saving():
    speed = section(html.render(measured_result(), "en"))
    fixes = re.search(r'<ol class="speed-fixes">(.*?)</ol>', speed, re.DOTALL).group(1)
    items = [" ".join(re.sub(r"<[^>]+>", "", li).split()) for li in re.findall(r"<li>(.*?)</li>", fixes, re.DOTALL)]
    # LCP: serious, 3 of 4 measured pages; text compression: moderate but small effort, 2 pages
    assert items == [
        "Failing largest-contentful-paint 3 pages · estimated saving: 2500 ms per page (median)",
        "Failing text-compression 2 pages · estimated saving: 512 KiB in all",
    ]


def test_speed_section_is_absent_when_no_page_has_metrics():
    result = measured_result()
    for p in result["pages"]:
        for key in ("metrics", "render", "screenshot"):
            p.pop(key, None)
    report = html.render(result, "en")
    assert 'id="speed"' not in report
    assert 'href="#speed"' not in report


def test_speed_section_is_linked_from_the_contents_when_present():
    assert '<a href="#speed">Load speed</a>' in html.render(measured_result(), "en")


def test_a_page_with_a_missing_metric_shows_a_dash_without_a_rating():
    result = copy.deepcopy(measured_result())
    result["pages"][0]["metrics"]["lcp"] = None
    home = row(section(html.render(result, "en")), f'href="{SITE}/"')
    assert cells(home)[1] == ("na", "\u2013")


def test_metric_cell_ratings_at_the_thresholds():
    limits = charts.thresholds(measured_result())
    assert html.metric_cell("lcp", 2500, limits)["css"] == "good"
    assert html.metric_cell("lcp", 4000, limits)["css"] == "needs-improvement"
    assert html.metric_cell("lcp", 4001, limits)["css"] == "poor"
    assert html.metric_cell("transfer_bytes", 1600 * 1024, limits) == {"text": "1,600 KiB", "rating": "good", "css": "good"}


def test_report_colours_follow_the_thresholds_in_result_json():
    """A colour never disagrees with a score: move an audit's thresholds and the report's colours move with them."""
    result = copy.deepcopy(measured_result())
    home = row(section(html.render(result, "en")), f'href="{SITE}/"')
    assert cells(home)[1][0] == "good"  # LCP 2000 ms, good up to 2500
    result["audits"]["largest-contentful-paint"]["scoring"].update(good=1000, poor=1500)
    home = row(section(html.render(result, "en")), f'href="{SITE}/"')
    assert cells(home)[1][0] == "poor"
    assert "<bdi>1,000</bdi> ms" in section(html.render(result, "en"))


def test_scored_metrics_write_their_thresholds_to_the_result():
    """The audit pass puts each metric audit's good and poor thresholds in result.json."""
    from auditor.facts.runner import run_audits
    from tests.factories import make_page, make_site

    page = make_page("/", facts={"metrics": {"lcp": 3000.0}, "render": {"profile": "mobile"}})
    out = run_audits([page], make_site([page]))
    lcp = out["audits"]["largest-contentful-paint"]
    assert lcp["scoring"] == {"metric": "lcp", "good": 2500, "poor": 4000, "unit": "ms"}
    assert lcp["score"] < 0.9 and lcp["findings"][0]["data"]["good"] == lcp["scoring"]["good"]


def test_the_render_plan_lists_every_template_with_its_pages_measured_and_not():
    result = measured_result()
    other = "/products/* [en/ltr 9f]"
    result["run"]["render"]["templates"][other] = {"pattern": "/products/*", "pages": 7, "example": SITE + "/en/p/1",
                                                   "sampled": [], "reasons": {}, "measured": False}
    result["run"]["render"]["templates"][PRODUCT]["example"] = SITE + "/products/a"
    result["run"]["render"]["templates"][HOME]["example"] = SITE + "/"
    plan = re.search(r'<table class="plan">.*?</table>', section(html.render(result, "en")), re.DOTALL).group(0)
    rows = [" ".join(re.sub(r"<[^>]+>", " ", r).split()) for r in re.findall(r"<tr>.*?</tr>", plan, re.DOTALL)[1:]]
    assert rows == [
        "/products/* #1 40 /products/a /products/a template sample /products/b template sample "
        "/products/c customer touchpoint 37",
        "/products/* en/ltr 7 /en/p/1 none 7",
        "/ 1 / / start page 0",
    ]
