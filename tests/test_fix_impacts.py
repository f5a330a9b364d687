"""Impact per kind of finding: an audit's message keys may weigh differently (Meta.impacts),
and the fix plan, the report and the other writers use the finding's own weight."""

import pytest

from auditor.audits import all_audits, get_audit
from auditor.audits.base import IMPACTS, Meta
from reports import html, rank, sarif
from reports.fixes import build_fixes

BASE = "https://shop.example"


def _pages(n, depth=2, inlinks=3):
    home = [{"url": f"{BASE}/", "status": 200, "is_html": True, "depth": 0, "inlinks": 20, "template": "/ [main]"}]
    return home + [{"url": f"{BASE}/p/{i}.html", "status": 200, "is_html": True, "depth": depth, "inlinks": inlinks,
                    "template": "/p/* [main]"} for i in range(n)]


def _audit(audit_id, findings):
    meta = get_audit(audit_id).meta.to_dict()
    return {**meta, "findings": findings, "failing_pages": len({f["url"] for f in findings}), "score": 0.5,
            "applicable": 1, "errors": []}


def _canonical_result():
    pages = _pages(40)
    findings = [{"url": p["url"], "message_key": "missing", "data": {}, "selector": "head"} for p in pages[1:]]
    findings.append({"url": pages[5]["url"], "message_key": "offsite", "selector": 'link[rel="canonical"]',
                     "data": {"target": "https://staging.shop.example/p/4.html"}})
    return {"audits": {"canonical": _audit("canonical", findings)}, "pages": pages}


def test_a_canonical_to_another_host_outranks_missing_canonicals_on_every_page():
    fixes = build_fixes(_canonical_result())
    assert [(f.message_key, f.impact, f.page_count) for f in fixes] == [("offsite", "critical", 1), ("missing", "minor", 40)]
    assert fixes[0].reason["impact"] == "critical" and fixes[1].reason["impact"] == "minor"


def test_a_missing_x_default_weighs_less_than_invalid_codes_on_a_few_pages():
    pages = _pages(30)
    findings = [{"url": p["url"], "message_key": "no-x-default", "data": {}} for p in pages]
    findings += [{"url": p["url"], "message_key": "invalid-code", "data": {"code": "ar_SA", "problem": "underscore"}}
                 for p in pages[1:4]]
    fixes = build_fixes({"audits": {"hreflang": _audit("hreflang", findings)}, "pages": pages})
    assert [(f.message_key, f.impact) for f in fixes] == [("invalid-code", "serious"), ("no-x-default", "minor")]


def test_an_audit_without_impacts_keeps_its_own_impact_for_every_key():
    audit = _audit("document-title", [])
    assert rank.impact_of(audit, "missing") == rank.impact_of(audit, "empty") == audit["impact"]
    assert rank.audit_impact(audit) == audit["impact"]


def test_an_audit_shows_the_gravest_impact_among_its_findings():
    audit = _canonical_result()["audits"]["canonical"]
    assert rank.audit_impact(audit) == "critical"
    only_missing = {**audit, "findings": [f for f in audit["findings"] if f["message_key"] == "missing"]}
    assert rank.audit_impact(only_missing) == "minor"


def test_the_report_and_sarif_show_each_finding_with_its_own_impact():
    result = _canonical_result()
    result.update(run={"start_urls": [BASE + "/"], "settings": {}}, categories={})
    page = html.render(result, "en")
    cards = page.split('id="fix-list"', 1)[1].split("</ol>", 1)[0].split('<li class="fix"')[1:]
    assert 'data-impact="critical"' in cards[0] and 'data-impact="minor"' in cards[1]
    findings = page.split('id="finding-list"', 1)[1]
    assert findings.count('data-impact="minor"') == 40 and findings.count('data-impact="critical"') == 1
    levels = [r["level"] for r in sarif.build(result)["runs"][0]["results"]]
    assert levels.count("note") == 40 and levels.count("error") == 1


def test_declared_impacts_name_known_message_keys_and_levels():
    declared = {a.meta.id: a.meta.impacts for a in all_audits() if a.meta.impacts}
    assert {"canonical", "hreflang"} <= set(declared)
    for audit in all_audits():
        assert set(audit.meta.impacts) <= set(audit.meta.messages)
        assert set(audit.meta.impacts.values()) <= set(IMPACTS)
    fields = {**get_audit("canonical").meta.to_dict()}
    fields.pop("impacts")
    with pytest.raises(AssertionError):
        Meta(**fields, impacts={"no-such-key": "minor"})
    with pytest.raises(AssertionError):
        Meta(**fields, impacts={"missing": "harmless"})


def test_markdown_junit_and_sarif_rules_weigh_an_audit_by_the_findings_it_has(tmp_path):
    from reports import junit, markdown

    result = _canonical_result()
    result.update(run={"start_urls": [BASE + "/"], "settings": {}}, categories={})
    only_missing = {**result["audits"]["canonical"]}
    only_missing["findings"] = [f for f in only_missing["findings"] if f["message_key"] == "missing"]
    for audit, impact, level in ((result["audits"]["canonical"], "critical", "error"), (only_missing, "minor", "note")):
        run = {**result, "audits": {"canonical": audit}}
        assert f"({impact}, " in markdown.render(run)
        rule = sarif.build(run)["runs"][0]["tool"]["driver"]["rules"][0]
        assert rule["defaultConfiguration"]["level"] == level and rule["properties"]["impact"] == impact
        junit.write(run, tmp_path / "junit.xml")
        assert f'type="{impact}"' in (tmp_path / "junit.xml").read_text(encoding="utf-8")
