"""`auditor demo`: the bundled example site's planted defects are found, and only those."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.cli import load_result, run_cli

pytestmark = pytest.mark.e2e

EXPECTED = json.loads((Path(__file__).parents[2] / "auditor" / "demo" / "expected.json").read_text(encoding="utf-8"))

# planted defect -> (audit id, message keys that find it)
PAGE_DEFECTS = {
    "missing-title": ("document-title", {"missing", "empty"}),
    "duplicate-title": ("duplicate-title", {"shared"}),
    "title-too-long": ("title-length", {"too-long"}),
    "missing-meta-description": ("meta-description", {"missing", "empty"}),
    "duplicate-meta-description": ("duplicate-meta-description", {"shared"}),
    "missing-h1": ("heading-h1", {"missing"}),
    "multiple-h1": ("heading-h1", {"multiple"}),
    "heading-skip": ("heading-order", {"skip"}),
    "img-missing-alt": ("image-alt", {"missing"}),
    "missing-lang": ("html-lang", {"missing"}),
    "orphan": ("orphan-page", {"orphan"}),
    "deep-page": ("click-depth", {"deep"}),
    "noindex": ("noindex", {"meta"}),
    "missing-viewport": ("viewport", {"missing"}),
    "thin-content": ("thin-content", {"thin"}),
    "canonical-offsite": ("canonical", {"offsite"}),
    "canonical-broken": ("canonical", {"target-status"}),
    "hreflang-missing-return": ("hreflang", {"no-return"}),
    "hreflang-invalid": ("hreflang", {"invalid-code"}),
    "long-sentence": ("long-sentences", {"long"}),
    "long-paragraph": ("long-paragraphs", {"long"}),
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    proc = run_cli("demo", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    result = load_result(out)
    base = result["run"]["start_urls"][0].removesuffix("/index.html")
    return result, base, out, proc


def found_pages(result, base, audit_id, keys) -> set[str]:
    return {f["url"].removeprefix(base) for f in result["audits"][audit_id]["findings"] if f["message_key"] in keys}


@pytest.mark.parametrize("defect", sorted(PAGE_DEFECTS))
def test_each_planted_page_defect_is_found_exactly(demo, defect):
    result, base, *_ = demo
    audit_id, keys = PAGE_DEFECTS[defect]
    assert found_pages(result, base, audit_id, keys) == set(EXPECTED[defect])


def test_broken_links_and_images_are_found_with_their_targets(demo):
    result, base, *_ = demo
    links = {(f["url"].removeprefix(base), f["data"]["target"].removeprefix(base)) for f in result["audits"]["broken-link"]["findings"]}
    assert links == {tuple(pair) for pair in EXPECTED["broken-link"]}
    images = {(f["url"].removeprefix(base), f["data"]["target"].removeprefix(base)) for f in result["audits"]["broken-resource"]["findings"]}
    assert images == {tuple(pair) for pair in EXPECTED["broken-image"]}


def test_click_depths(demo):
    result, base, *_ = demo
    depth = {p["url"].removeprefix(base): p["depth"] for p in result["pages"]}
    for path, expected in EXPECTED["click-depth"].items():
        assert depth[path] == expected, path
    assert depth["/index.html"] == 0


def test_readability_per_page_in_arabic_and_english(demo):
    result, base, out, _ = demo
    pages = {p["url"].removeprefix(base): p for p in result["pages"]}
    arabic = pages["/blog/roasting-levels.html"]["readability"]
    english = pages["/en/about.html"]["readability"]
    assert arabic["language"] == "ar" and arabic["formula"] == "osman" and arabic["band"]
    assert english["language"] == "en" and english["formula"] == "flesch" and english["band"]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "OSMAN" in html and "FLESCH" in html


def test_hostile_page_text_is_escaped_in_the_report(demo):
    result, base, out, _ = demo
    html = (out / "report.html").read_text(encoding="utf-8")
    (title,) = [p["title"] for p in result["pages"] if p["url"] == base + "/products/coffee-scale.html"]
    assert "<b>" in title  # the page's title really holds markup-like text
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_demo_prints_where_the_report_is(demo):
    _, _, out, proc = demo
    assert str((out / "report.html").resolve()) in proc.stdout


# planted right-to-left defect -> (audit id, message keys that find it)
RTL_DEFECTS = {
    "missing-dir": ("html-dir", {"missing"}),
    "letter-spacing-arabic": ("letter-spacing", {"inline"}),
    "unisolated-phone": ("bidi-isolation", {"unisolated"}),
    "input-direction": ("input-direction", {"ltr-field"}),
    "unmirrored-icon": ("mirrored-icons", {"next", "prev"}),
}


@pytest.mark.parametrize("defect", sorted(RTL_DEFECTS))
def test_each_planted_rtl_defect_is_found_exactly(demo, defect):
    result, base, *_ = demo
    audit_id, keys = RTL_DEFECTS[defect]
    assert found_pages(result, base, audit_id, keys) == set(EXPECTED[defect])


def test_physical_css_rules_are_found_once_each(demo):
    result, base, *_ = demo
    found = [{"file": f["url"].removeprefix(base), "selector": f["selector"], "property": f["data"]["property"],
              "value": f["data"]["value"]} for f in result["audits"]["physical-css"]["findings"]]
    assert sorted(found, key=lambda r: r["selector"]) == sorted(EXPECTED["physical-css"], key=lambda r: r["selector"])


def test_invalid_arabic_hreflang_codes_get_a_correction(demo):
    result, base, *_ = demo
    fixes = {(f["url"].removeprefix(base), f["data"]["code"], f["data"]["suggestion"])
             for f in result["audits"]["hreflang-rtl"]["findings"] if f["message_key"] == "invalid-code"}
    assert fixes == {("/faq.html", "ar_SA", "ar-SA"), ("/shipping.html", "ar-KSA", "ar-SA")}
