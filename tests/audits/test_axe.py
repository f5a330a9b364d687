"""axe-violations: axe-core's findings on a rendered page, relayed one per rule."""

from __future__ import annotations

import pytest

from auditor.audits import get_audit
from tests.factories import BASE, findings, make_page, make_site

AXE = get_audit("axe-violations")


def violation(rule, impact="serious", nodes=1, help_text=None):
    return {
        "id": rule, "impact": impact, "help": help_text or f"Help for {rule}",
        "help_url": f"https://dequeuniversity.com/rules/axe/4.10/{rule}", "tags": ["wcag2a"],
        "node_count": nodes,
        "nodes": [{"target": f"#{rule}-{i}", "html": f'<div id="{rule}-{i}">'} for i in range(min(nodes, 25))],
    }


def rendered(axe, error=None, **overrides):
    return make_page("/p", facts={"metrics": {"lcp": 1000}, "render": {"error": error}, "_axe": axe}, **overrides)


def test_not_applicable_when_axe_did_not_run():
    page = make_page("/p")
    assert not AXE.applies(page, make_site([page]))


def test_not_applicable_when_the_render_failed():
    page = rendered([violation("label")], error="timeout")
    assert not AXE.applies(page, make_site([page]))


def test_not_applicable_to_a_rendered_404():
    page = rendered([violation("label")], status=404)
    assert not AXE.applies(page, make_site([page]))


def test_no_violation_passes_with_a_full_score():
    page = rendered([])
    assert AXE.applies(page, make_site([page]))
    assert findings(AXE, page) == []
    assert AXE.page_score(page, make_site([page]), []) == 1.0


def test_one_finding_per_rule_with_its_first_targets_and_first_snippet():
    page = rendered([violation("color-contrast", "serious", nodes=7, help_text="Elements must meet contrast")])
    found = findings(AXE, page)
    assert [(f.url, f.message_key, f.data) for f in found] == [(BASE + "/p", "violation", {
        "rule": "color-contrast", "impact": "serious", "help": "Elements must meet contrast",
        "help_url": "https://dequeuniversity.com/rules/axe/4.10/color-contrast", "nodes": 7,
        "targets": ["#color-contrast-0", "#color-contrast-1", "#color-contrast-2", "#color-contrast-3",
                    "#color-contrast-4"],
    })]
    assert (found[0].selector, found[0].snippet) == ("#color-contrast-0", '<div id="color-contrast-0">')
    assert AXE.meta.messages["violation"].format(**found[0].data) == (
        "serious: Elements must meet contrast (color-contrast, 7 elements)")


def test_node_count_is_axes_count_not_the_examples_kept():
    page = rendered([violation("link-name", nodes=40)])
    found = findings(AXE, page)
    assert (found[0].data["nodes"], len(found[0].data["targets"])) == (40, 5)


def test_findings_come_worst_impact_first_then_most_elements():
    page = rendered([
        violation("region", "moderate", nodes=9),
        violation("label", "critical", nodes=1),
        violation("link-name", "serious", nodes=2),
        violation("color-contrast", "serious", nodes=12),
        violation("new-rule", None),
    ])
    assert [(f.data["rule"], f.data["impact"]) for f in findings(AXE, page)] == [
        ("label", "critical"), ("color-contrast", "serious"), ("link-name", "serious"), ("region", "moderate"),
        ("new-rule", "unknown"),
    ]


def test_rules_the_static_audits_report_are_not_repeated():
    page = rendered([violation("image-alt", "critical"), violation("heading-order", "moderate"),
                     violation("label", "critical")])
    assert [f.data["rule"] for f in findings(AXE, page)] == ["label"]


def test_a_violation_without_nodes_has_no_selector_or_snippet():
    page = rendered([{**violation("document-title"), "nodes": [], "node_count": 1}])
    found = findings(AXE, page)
    assert (found[0].selector, found[0].snippet, found[0].data["targets"]) == (None, None, [])


@pytest.mark.parametrize(("impacts", "expected"), [
    (["minor"], 0.75),
    (["minor", "moderate"], 0.5),
    (["moderate", "serious", "minor"], 0.25),
    (["serious", "critical"], 0.0),
    ([None], 0.75),
])
def test_page_score_follows_the_worst_violation(impacts, expected):
    page = rendered([violation(f"rule-{i}", impact) for i, impact in enumerate(impacts)])
    assert AXE.page_score(page, make_site([page]), findings(AXE, page)) == expected
