from auditor.audits.base import Audit, Meta
from auditor.audits.examples import alone

IMPACT_ORDER = ("critical", "serious", "moderate", "minor")
# A page's score by its worst violation: one a screen reader cannot get past
# costs more than a handful of minor ones.
SCORE_BY_WORST = {"critical": 0.0, "serious": 0.25, "moderate": 0.5, "minor": 0.75}
MAX_TARGETS = 5
# Rules the static audits already report on every page (image-alt, heading-order,
# meta-refresh): relaying them too would list each problem twice.
REPORTED_ELSEWHERE = {"image-alt", "heading-order", "meta-refresh"}


def _rank(impact: str | None) -> int:
    return IMPACT_ORDER.index(impact) if impact in IMPACT_ORDER else len(IMPACT_ORDER)


class AxeViolations(Audit):
    meta = Meta(
        id="axe-violations",
        title="No accessibility rule violations found by axe-core",
        failure_title="Accessibility rule violations found by axe-core",
        description="Relays the violations that axe-core, the open-source accessibility rules engine, finds in the rendered page (contrast, labels, names, ARIA, landmarks...): one row per rule and page, with axe's own help text.",
        category="accessibility",
        impact="serious",
        required_artifacts=("page.facts._axe", "page.facts.render"),
        help_url="https://github.com/dequelabs/axe-core/blob/develop/doc/rule-descriptions.md",
        seo_outcome="Accessible markup (names, labels, structure) is the same markup search engines read to understand a page, and Google asks sites to follow accessibility guidance for a good page experience (Google Search Central: page experience; WCAG 2.2).",
        cx_outcome="Visitors who use a screen reader, the keyboard or zoom, and anyone on a phone in the sun, cannot read the text, find the buttons or fill in the form, and take their business elsewhere.",
        journey=("consideration", "decision", "loyalty"),
        effort="medium",
        messages={
            "violation": "{impact}: {help} ({rule}, {nodes} elements)",
        },
        how_to_fix="Open each rule's axe-core help page for what it requires, fix the listed elements in the page templates, and run the audit again; fixing a template fixes every page built from it.",
        weight=3,
    )
    examples = {
        "violation": lambda: alone(facts={"_axe": [
            {"id": "label", "impact": "critical", "help": "Form elements must have labels", "node_count": 1,
             "nodes": [{"target": "#email", "html": '<input id="email">'}]}]}),
    }

    def applies(self, page, site):
        # a list only when axe ran on the rendered page; an empty list means no violation
        render = page.facts.get("render") or {}
        return page.ok_html and isinstance(page.facts.get("_axe"), list) and not render.get("error")

    def check(self, page, site):
        rules = [v for v in page.facts["_axe"] if v.get("id") not in REPORTED_ELSEWHERE]
        for rule in sorted(rules, key=lambda v: (_rank(v.get("impact")), -(v.get("node_count") or 0))):
            nodes = rule.get("nodes") or []
            targets = [n.get("target") for n in nodes[:MAX_TARGETS] if n.get("target")]
            yield self.finding(page, "violation", selector=targets[0] if targets else None,
                               snippet=nodes[0].get("html") if nodes else None,
                               rule=rule.get("id"), impact=rule.get("impact") or "unknown", help=rule.get("help") or "",
                               help_url=rule.get("help_url"), nodes=rule.get("node_count", len(nodes)), targets=targets)

    def page_score(self, page, site, findings):
        if not findings:
            return 1.0
        return min(SCORE_BY_WORST.get(f.data["impact"], 0.75) for f in findings)
