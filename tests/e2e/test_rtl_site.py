"""The static right-to-left audits through the real CLI: one fixture page per check, a
passing and a failing variant each, a correct bilingual site, and a generated site."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from auditor.demo import serve_site
from benchmarks.sites import generate
from reports.fixes import build_fixes
from tests.e2e.cli import load_result, run_cli
from tests.server import serve

pytestmark = pytest.mark.e2e

STATIC_RTL = ("html-dir", "lang-mismatch", "css-direction", "physical-css", "letter-spacing", "bidi-isolation",
              "bidi-controls", "mirrored-icons", "input-direction", "hreflang-rtl", "charset", "mixed-numerals")

# (page or stylesheet, audit, message key) -> how many findings
EXPECTED = {
    ("/html-dir-missing.html", "html-dir", "missing"): 1,
    ("/html-dir-body-only.html", "html-dir", "not-on-html"): 1,
    ("/html-dir-css-only.html", "html-dir", "css-only"): 1,
    ("/html-dir-css-only.html", "css-direction", "inline-direction"): 1,  # the same cause, folded
    ("/lang-fail.html", "lang-mismatch", "mismatch"): 1,
    ("/css-direction-fail.html", "css-direction", "inline-direction"): 1,
    ("/css-direction-fail.html", "css-direction", "bdo-without-dir"): 1,
    ("/physical.css", "physical-css", "physical"): 3,
    ("/letter-spacing-fail.html", "letter-spacing", "inline"): 1,
    ("/letter-spacing-fail.html", "letter-spacing", "stylesheet"): 1,
    ("/bidi-isolation-fail.html", "bidi-isolation", "unisolated"): 3,
    ("/bidi-controls-fail.html", "bidi-controls", "embedding-controls"): 1,
    ("/bidi-controls-fail.html", "bidi-controls", "unbalanced"): 1,
    ("/bidi-controls-fail.html", "bidi-controls", "invented-entity"): 1,
    ("/mirrored-icons-fail.html", "mirrored-icons", "next"): 1,
    ("/mirrored-icons-fail.html", "mirrored-icons", "prev"): 1,
    ("/mirrored-icons-fail.html", "mirrored-icons", "breadcrumb"): 1,
    ("/input-direction-fail.html", "input-direction", "ltr-field"): 2,
    ("/input-direction-fail.html", "input-direction", "free-text"): 1,
    ("/hreflang-fail.html", "hreflang-rtl", "invalid-code"): 1,
    ("/hreflang-fail.html", "hreflang-rtl", "lang-disagrees"): 1,
    ("/hreflang-fail.html", "hreflang-rtl", "dir-disagrees"): 2,
    ("/charset-fail.html", "charset", "conflict"): 1,
    ("/mixed-numerals-fail.html", "mixed-numerals", "mixed"): 1,
}


def audit(site: str, tmp_path_factory) -> tuple[str, dict]:
    out = tmp_path_factory.mktemp(site)
    with serve(site) as (base, _):
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(out), "--concurrency", "2")
    assert proc.returncode == 0, proc.stderr
    return base, load_result(out)


def tally(result: dict, base: str) -> Counter:
    return Counter((f["url"].removeprefix(base), audit_id, f["message_key"])
                   for audit_id in STATIC_RTL for f in result["audits"][audit_id]["findings"])


@pytest.fixture(scope="module")
def rtl_site(tmp_path_factory):
    return audit("rtl", tmp_path_factory)


def test_each_failing_fixture_page_gives_exactly_its_findings(rtl_site):
    base, result = rtl_site
    assert dict(tally(result, base)) == EXPECTED


def test_passing_variants_give_no_rtl_findings(rtl_site):
    base, result = rtl_site
    found = {url for url, _, _ in tally(result, base)}
    passing = {p["url"].removeprefix(base) for p in result["pages"] if "-pass" in p["url"]}
    assert len(passing) == 10 and not passing & found


def test_findings_carry_their_evidence(rtl_site):
    base, result = rtl_site
    audits = result["audits"]
    phones = [f for f in audits["bidi-isolation"]["findings"] if f["data"]["kind"] == "phone number"]
    assert sorted((f["data"]["text"], f["data"]["displayed"]) for f in phones) == [
        ("+966 50 123 4567", "4567 123 50 966+"), ("011 234 5678", "5678 234 011")]
    assert {f["selector"] for f in phones} == {"body > main > p"}
    rules = sorted((f["data"]["line"], f["selector"], f["data"]["property"], f["data"]["fix"])
                   for f in audits["physical-css"]["findings"])
    assert rules == [(3, ".badge", "float", "float: inline-start"),
                     (3, ".badge", "margin-right", "margin-inline-end: .5rem"),
                     (4, ".price", "text-align", "text-align: start")]
    (spacing,) = [f for f in audits["letter-spacing"]["findings"] if f["message_key"] == "stylesheet"]
    assert (spacing["selector"], spacing["data"]["line"], spacing["data"]["value"]) == (".tagline", 5, "3px")
    (code,) = [f for f in audits["hreflang-rtl"]["findings"] if f["message_key"] == "invalid-code"]
    assert code["data"]["suggestion"] == "ar-SA"


def test_direction_set_in_css_on_body_is_one_problem_in_the_fix_plan(rtl_site):
    base, result = rtl_site
    page = base + "/html-dir-css-only.html"
    (inline,) = [f for f in result["audits"]["css-direction"]["findings"] if f["url"] == page]
    assert inline["data"]["root_cause"] == {"audit": "html-dir", "message_key": "css-only"}
    on_page = [fix for fix in build_fixes(result) if page in fix.pages and fix.audit["category"] == "rtl"]
    assert [(fix.audit["id"], fix.message_key, fix.folded) for fix in on_page] == [
        ("html-dir", "css-only", {"css-direction": 1})]


def test_correct_bilingual_site_has_no_rtl_findings(tmp_path_factory):
    base, result = audit("bilingual", tmp_path_factory)
    assert len(result["pages"]) >= 5
    assert dict(tally(result, base)) == {}
    assert result["audits"]["physical-css"]["score"] == 1.0


def test_generated_arabic_site_truth(tmp_path):
    site, out = tmp_path / "site", tmp_path / "out"
    site.mkdir()
    with serve_site(site) as base:
        generate(site, 300, base, lang="ar")
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(out), "--concurrency", "4")
    assert proc.returncode == 0, proc.stderr
    truth = json.loads((site / "_truth.json").read_text(encoding="utf-8"))["defects"]
    audits = load_result(out)["audits"]
    missing_dir = {f["url"].removeprefix(base).lstrip("/") for f in audits["html-dir"]["findings"]}
    assert truth["missing_dir_rtl"] and missing_dir == set(truth["missing_dir_rtl"])
    assert {f["message_key"] for f in audits["html-dir"]["findings"]} == {"missing"}
    spaced = {f["url"].removeprefix(base).lstrip("/") for f in audits["letter-spacing"]["findings"]}
    assert truth["letter_spacing_arabic"] and spaced == set(truth["letter_spacing_arabic"])
    physical = sorted((f["selector"], f["data"]["property"]) for f in audits["physical-css"]["findings"])
    assert physical == [(".card", "float"), (".card", "margin-right"), (".card", "padding-left"),
                        (".price", "text-align"), ("header a", "margin-left")]
    assert {f["url"].removeprefix(base) for f in audits["physical-css"]["findings"]} == {"/assets/style.css"}
