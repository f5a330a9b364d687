"""Budgets judged over hand-built results."""

from __future__ import annotations

from auditor.ci.budgets import AuditBudget, BudgetFailure, Budgets, IgnoreRule, any_findings, evaluate, ignored_summary
from auditor.ci.gate import judge, summary
from tests.ci.results import SITE, failing, passing

STRICT = Budgets(
    categories={"seo": 0.9, "navigation": 0.8},
    audits={"broken-link": AuditBudget(max_findings=0), "document-title": AuditBudget(min_score=0.95),
            "hreflang": AuditBudget(min_score=0.9)},
    metrics={"lcp": 2500, "cls": 0.1},
)


def test_passing_result_breaks_no_budget():
    assert evaluate(passing(), STRICT) == []


def test_each_broken_budget_says_its_limit_actual_and_margin():
    failures = evaluate(failing(), STRICT)
    assert failures == [
        BudgetFailure("category-score", "seo", 0.9, 0.75, 0.15),
        BudgetFailure("category-score", "navigation", 0.8, 0.5, 0.3),
        BudgetFailure("audit-findings", "broken-link", 0, 2, 2, ((SITE + "/", 1), (SITE + "/faq", 1))),
        BudgetFailure("audit-score", "document-title", 0.95, 0.75, 0.2),
        BudgetFailure("metric", "lcp", 2500, 3100, 600, ((SITE + "/", 3100), (SITE + "/about", 2600))),
        BudgetFailure("metric", "cls", 0.1, 0.25, 0.15, ((SITE + "/about", 0.25),)),
    ]
    assert failures[0].text == "category seo score 0.75 is below the minimum 0.9 (by 0.15)"
    assert failures[2].text == "audit broken-link has 2 findings, more than the maximum 0 (by 2)"
    assert failures[4].text == "metric lcp: 2 page(s) over 2500, worst 3100 (by 600)"


def test_not_applicable_audit_and_missing_metrics_are_not_failures():
    budgets = Budgets(audits={"hreflang": AuditBudget(min_score=1.0)}, metrics={"tbt": 100})
    assert evaluate(failing(), budgets) == []


def test_ignore_rules_drop_findings_before_max_findings_is_judged():
    budgets = Budgets(audits={"image-alt": AuditBudget(max_findings=0)},
                      ignore=(IgnoreRule("image-alt", "legacy catalogue is retired", "/legacy/"),))
    failures = evaluate(failing(), budgets)
    assert failures == [BudgetFailure("audit-findings", "image-alt", 0, 1, 1, ((SITE + "/contact", 1),))]
    assert ignored_summary(failing(), budgets.ignore) == [
        {"audit": "image-alt", "url": "/legacy/", "reason": "legacy catalogue is retired", "findings": 1}]
    everything = (IgnoreRule("image-alt", "all decorative"),)
    assert evaluate(failing(), Budgets(audits=budgets.audits, ignore=everything)) == []


def test_any_finding_fails_unless_ignored():
    rules = (IgnoreRule("broken-link", "external team"), IgnoreRule("image-alt", "later"))
    assert any_findings(failing(), rules) == [
        BudgetFailure("findings", "document-title", 0, 1, 1, ((SITE + "/about", 1),))]
    assert any_findings(passing()) == []


def test_baseline_adds_new_findings_only():
    old = failing()
    new = failing(site="https://preview-42.shop.example")  # same findings on another host
    assert evaluate(new, Budgets(), baseline=old) == []
    new["audits"]["document-title"]["findings"].append(
        {"url": "https://preview-42.shop.example/faq", "message_key": "missing", "data": {}})
    assert evaluate(new, Budgets(), baseline=old) == [
        BudgetFailure("new-findings", "document-title", 0, 1, 1, (("https://preview-42.shop.example/faq", 1),))]


def test_gate_enforces_only_the_named_modes_and_summarises():
    gate = judge(failing(), STRICT, fail_on=())
    assert not gate.failed and len(gate.failures) == 6
    gate = judge(failing(), STRICT, fail_on=("budgets",),)
    assert gate.failed
    text = summary(gate)
    assert text.splitlines()[0] == "CI gate FAILED (fail on: budgets): 6 failed, 0 warning(s)"
    assert "  FAIL audit document-title score 0.75 is below the minimum 0.95 (by 0.2)" in text.splitlines()
    assert f"       {SITE}/ (3100)" in text.splitlines()
    assert len(text.splitlines()) <= 25
    assert not judge(passing(), STRICT, fail_on=("budgets",)).failed


def test_summary_lists_ignore_rules_with_reason():
    budgets = Budgets(ignore=(IgnoreRule("image-alt", "legacy catalogue is retired", "/legacy/"),))
    text = summary(judge(failing(), budgets, fail_on=("any",)))
    assert text.splitlines()[-1] == "  ignored 1 image-alt finding(s) on URLs matching /legacy/: legacy catalogue is retired"
    assert "  FAIL audit image-alt has 1 findings (by 1)" in text.splitlines()


def test_metric_budgets_no_page_was_measured_for_are_said_not_measured():
    unmeasured = passing()
    unmeasured["run"]["render"] = {"mode": "none"}
    for page in unmeasured["pages"]:
        page["metrics"] = None
    gate = judge(unmeasured, STRICT, fail_on=("budgets",))
    assert gate.to_dict()["not_measured"] == ["lcp", "cls"]
    lines = summary(gate).splitlines()
    assert lines[0] == "CI gate passed (fail on: budgets): 0 failed, 0 warning(s), 2 not measured"
    assert "  not measured: metric lcp, metric cls (pages are measured in Chromium; this run had --render none)" in lines
    unmeasured["run"]["render"] = {"mode": "sample"}
    assert "  not measured: metric lcp, metric cls (no measured page has a value)" in summary(judge(unmeasured, STRICT)).splitlines()
    measured = judge(passing(), STRICT, fail_on=("budgets",))
    assert measured.to_dict()["not_measured"] == [] and "not measured" not in summary(measured)
