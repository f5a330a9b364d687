"""Every output format on a passing and a failing result."""

from __future__ import annotations

import csv as stdcsv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from auditor.ci.budgets import AuditBudget, Budgets, IgnoreRule, ignored_by
from auditor.ci.diff import diff_results
from auditor.ci.gate import judge
from reports import csv, formats, junit, markdown, sarif
from tests.ci.results import SITE, failing, passing

SCHEMA = json.loads((Path(__file__).parents[1] / "fixtures" / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
BUDGETS = Budgets(audits={"broken-link": AuditBudget(max_findings=0)},
                  ignore=(IgnoreRule("image-alt", "legacy catalogue is retired", "/legacy/"),))


def gated(result: dict, baseline: dict | None = None) -> dict:
    """A result as the audit writes it after judging the gate."""
    if baseline is not None:
        result["diff"] = diff_results(baseline, result)
    result["gate"] = judge(result, BUDGETS, ("budgets",), baseline).to_dict()
    for audit_id, audit in result["audits"].items():  # as the audit pass tags them
        for finding in audit["findings"]:
            rule = ignored_by(BUDGETS.ignore, audit_id, finding)
            if rule is not None:
                finding["ignored"] = rule.reason
    return result


def test_junit_failing(tmp_path):
    root = ET.parse(junit.write(gated(failing()), tmp_path / "junit.xml")).getroot()
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("4", "3", "1")
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert set(cases) == {"document-title", "broken-link", "image-alt", "hreflang"}
    failure = cases["broken-link"].find("failure")
    assert failure.get("message") == "Links to pages that do not work: 2 finding(s) on 2 page(s)"
    assert failure.text.splitlines() == [
        f"{SITE}/ [head]: The link \u201cOld offer\u201d goes to {SITE}/gone, which answers 404.",
        f"{SITE}/faq [head]: The link \u201cOld offer\u201d goes to {SITE}/gone, which answers 404.",
    ]
    image = cases["image-alt"]  # one finding ignored, one counted
    assert image.find("failure").get("message").endswith("1 finding(s) on 1 page(s)")
    assert "(reason: legacy catalogue is retired)" in image.find("system-out").text
    assert cases["hreflang"].find("skipped").get("message") == "not applicable: no page to check"
    assert cases["document-title"].get("classname") == "auditor.seo"


def test_junit_keeps_hostile_page_text_as_text(tmp_path):
    result = failing()
    hostile = 'Old </failure><x a="1"> & \x0b\x00 offer \u0639\u0631\u0636'
    result["audits"]["broken-link"]["findings"][0]["data"]["text"] = hostile
    root = ET.parse(junit.write(result, tmp_path / "junit.xml")).getroot()
    failure = next(c for c in root.iter("testcase") if c.get("name") == "broken-link").find("failure")
    assert 'The link \u201cOld </failure><x a="1"> & \ufffd\ufffd offer \u0639\u0631\u0636\u201d' in failure.text


def test_junit_passing(tmp_path):
    root = ET.parse(junit.write(passing(), tmp_path / "junit.xml")).getroot()
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("4", "0", "1")
    assert root.find(".//failure") is None


@pytest.mark.parametrize("make", [passing, failing])
def test_sarif_is_valid_2_1_0(tmp_path, make):
    log = json.loads(sarif.write(gated(make()), tmp_path / "report.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["document-title", "broken-link", "image-alt", "hreflang"]
    assert rules[1]["helpUri"] == "https://docs.example/broken-link"
    assert rules[1]["fullDescription"]["text"] == "Why broken-link matters."


def test_sarif_results_locate_findings_at_their_page(tmp_path):
    log = json.loads(sarif.write(gated(failing()), tmp_path / "report.sarif").read_text(encoding="utf-8"))
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in results] == [
        ("document-title", SITE + "/about"), ("broken-link", SITE + "/"), ("broken-link", SITE + "/faq"),
        ("image-alt", SITE + "/legacy/a"), ("image-alt", SITE + "/contact")]
    assert results[0]["message"]["text"] == "The page has no <title> element."
    assert results[0]["level"] == "error"
    assert results[3]["suppressions"] == [{"kind": "external", "justification": "legacy catalogue is retired"}]
    assert "suppressions" not in results[4]
    # the fingerprint does not depend on the host the run was made on
    preview = sarif.build(failing("https://preview.shop.example"))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in preview] == [r["partialFingerprints"] for r in results]


def test_csv_pages_and_findings(tmp_path):
    pages_path, findings_path = csv.write(gated(failing()), tmp_path)
    with open(findings_path, newline="", encoding="utf-8") as f:
        rows = list(stdcsv.DictReader(f))
    assert [(r["audit"], r["url"]) for r in rows] == [
        ("document-title", SITE + "/about"), ("broken-link", SITE + "/"), ("broken-link", SITE + "/faq"),
        ("image-alt", SITE + "/legacy/a"), ("image-alt", SITE + "/contact")]
    assert rows[1] == {"audit": "broken-link", "category": "navigation", "impact": "serious", "url": SITE + "/",
                       "message_key": "broken", "selector": "head", "snippet": "", "ignored": "",
                       "message": f"The link \u201cOld offer\u201d goes to {SITE}/gone, which answers 404."}
    assert rows[3]["ignored"] == "legacy catalogue is retired"
    with open(pages_path, newline="", encoding="utf-8") as f:
        pages = list(stdcsv.DictReader(f))
    assert [p["url"] for p in pages] == [SITE + p for p in ("/", "/about", "/contact", "/faq", "/legacy/a")]
    assert (pages[0]["findings"], pages[0]["lcp"], pages[1]["cls"], pages[2]["lcp"], pages[3]["lcp"]) == ("1", "3100", "0.25", "", "")
    assert pages[0]["in_sitemap"] == "true" and pages[0]["status"] == "200"


def test_csv_passing_has_no_finding_rows(tmp_path):
    _, findings_path = csv.write(passing(), tmp_path)
    assert findings_path.read_text(encoding="utf-8").splitlines() == [",".join(csv.FINDING_COLUMNS)]


def test_markdown_failing_names_the_failed_budget_and_changes(tmp_path):
    baseline = failing()
    baseline["audits"]["document-title"]["findings"] = []
    text = markdown.write(gated(failing(), baseline), tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "**CI gate FAILED**" in text
    assert "- **audit broken-link has 2 findings, more than the maximum 0 (by 2)**" in text
    assert "- `image-alt` on `/legacy/`: 1 finding(s). legacy catalogue is retired" in text
    assert "1. **Links to pages that do not work**" in text
    assert "**1 new**, **0 fixed**, 4 unchanged findings." in text
    assert f"- {SITE}/about: The page has no <title> element." in text
    assert len(text.splitlines()) < 60


def test_markdown_passing(tmp_path):
    text = markdown.write(gated(passing()), tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "**CI gate passed**" in text
    assert "Failed budgets" not in text and "Top fixes" not in text
    assert "| SEO | 100 |" in text


def test_formats_expand_and_write_into_the_folder(tmp_path):
    assert formats.expand(["html", "json"]) == ()
    assert formats.expand(["sarif,junit"]) == ("junit", "sarif")
    assert formats.expand(["all"]) == ("junit", "sarif", "markdown", "csv")
    with pytest.raises(ValueError, match="unknown format pdf"):
        formats.expand(["pdf"])
    written = formats.write(passing(), tmp_path, formats.expand(["all"]))
    assert sorted(p.name for p in written) == ["findings.csv", "junit.xml", "pages.csv", "report.sarif", "summary.md"]


def test_a_reused_output_folder_keeps_no_stale_outputs(tmp_path):
    from auditor.ci.finish import finish

    finish(passing(), tmp_path, budgets=Budgets(), baseline=passing(), formats=formats.expand(["all"]))
    assert {p.name for p in tmp_path.iterdir()} == {"result.json", "junit.xml", "report.sarif", "summary.md",
                                                     "pages.csv", "findings.csv", "diff.json"}
    finish(passing(), tmp_path, budgets=Budgets(), formats=("sarif",))
    assert {p.name for p in tmp_path.iterdir()} == {"result.json", "report.sarif"}


def test_markdown_score_change_is_the_change_of_the_printed_scores(tmp_path):
    baseline, result = passing(), passing()
    baseline["categories"]["seo"]["score"], result["categories"]["seo"]["score"] = 0.864, 0.856  # both print 86
    text = markdown.write(gated(result, baseline), tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "| SEO | 86 |  |" in text, text  # no "-1" from unrounded scores
    baseline["categories"]["seo"]["score"] = 0.874  # 87 -> 86
    text = markdown.write(gated(passing() | {"categories": result["categories"]}, baseline), tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "| SEO | 86 | -1 |" in text
