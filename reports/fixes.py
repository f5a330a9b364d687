"""The fix plan: findings grouped by cause, one fix per cause rather than per page.

A template bug found on 800 pages is one fix. Each audit's findings are grouped by
their message key and, where there is one, the cause they share:

- a shared target in the finding's data (the broken link's target, the image's
  src, the axe rule, the stylesheet rule, the shared title...): one fix per target;
- otherwise the page template (`pages[].template`, its URL pattern): a page-level
  defect on the pages of one template is one fix;
- otherwise the message key alone (results without templates).

A finding linked to a root cause on its page (`data.root_cause`, e.g. bidi runs on a
page declared right to left by mistake) is folded into that cause's fix, counted in
its `folded`. Fixes rank by impact x reach / effort. Pure over result.json.
"""

from __future__ import annotations

from collections import Counter
from itertools import islice
from dataclasses import dataclass, field

IMPACT_WEIGHT = {"critical": 4, "serious": 3, "moderate": 2, "minor": 1}
EFFORT_COST = {"small": 1, "medium": 2, "large": 3}
# Finding data that names the one thing to change, in order of preference.
CAUSE_KEYS = ("target", "src", "rule", "stylesheet", "css_rule", "title", "description", "code")
URL_KEYS = frozenset({"target", "src"})  # these name a cause only when they hold a URL
# Page text (a title, a description) is a cause only when several findings share it:
# a duplicated title is one fix, an over-long title is a page's own.
SHARED_ONLY = frozenset({"title", "description", "code"})
# Audits whose defect is visible on the page: their fixes show a screenshot.
VISUAL_CATEGORIES = frozenset({"rtl"})
VISUAL_AUDITS = frozenset({"cumulative-layout-shift", "unsized-images", "image-optimization",
                           "largest-contentful-paint", "broken-resource", "viewport"})
EXAMPLES = 5
EVIDENCE = 3


def priority(impact: str, effort: str, pages: int, total_pages: int) -> float:
    """Impact x reach / effort; reach has a floor so a one-page critical defect still counts."""
    reach = min(pages / max(total_pages, 1), 1.0)
    return round(IMPACT_WEIGHT.get(impact, 1) * (0.2 + reach) / EFFORT_COST.get(effort, 2), 4)


def template_pattern(template: str | None) -> str | None:
    """The URL pattern of a template key (`/products/* [main+nav]` -> `/products/*`)."""
    if not template:
        return None
    return template.split(" [", 1)[0]


@dataclass
class Fix:
    id: str
    audit: dict
    message_key: str
    cause: str  # "target", "template" or "site"
    cause_value: str | None
    evidence: list[dict] = field(default_factory=list)  # the first few findings
    finding_count: int = 0
    pages: dict[str, None] = field(default_factory=dict)  # affected URLs, first seen first
    templates: list[tuple[str, int]] = field(default_factory=list)  # (URL pattern, pages)
    priority: float = 0.0
    screenshot_url: str | None = None  # a page with a screenshot, for visual defects
    folded: Counter = field(default_factory=Counter)  # audit id -> findings that follow from this fix's cause

    @property
    def page_count(self) -> int:
        return len(self.pages)

    @property
    def examples(self) -> list[str]:
        return list(islice(self.pages, EXAMPLES))

    @property
    def cause_field(self) -> str | None:
        """The data field naming the shared target (`target`, `src`, `rule`...)."""
        return self.cause_value.split("=", 1)[0] if self.cause == "target" and self.cause_value else None

    @property
    def cause_text(self) -> str | None:
        if self.cause == "target" and self.cause_value:
            return self.cause_value.split("=", 1)[1]
        return self.cause_value


def _cause_values(finding: dict) -> list[str]:
    data = finding.get("data") or {}
    found = []
    for key in CAUSE_KEYS:
        value = data.get(key)
        if isinstance(value, (str, int)) and str(value) and (key not in URL_KEYS or "/" in str(value)):
            found.append(f"{key}={value}")
    return found


def _cause(finding: dict, template: str | None, shared: Counter) -> tuple[str, str | None]:
    for value in _cause_values(finding):
        if value.split("=", 1)[0] not in SHARED_ONLY or shared[value] > 1:
            return "target", value
    if template:
        return "template", template
    return "site", None


def _add(fixes: dict, fix_of_page: dict, audit_id: str, audit: dict, finding: dict, cause: tuple) -> None:
    key_name = finding.get("message_key", "")
    key = (audit_id, key_name, *cause)
    fix = fixes.get(key)
    if fix is None:
        fix = fixes[key] = Fix(f"fix-{len(fixes) + 1}", audit, key_name, *cause)
    fix.finding_count += 1
    if len(fix.evidence) < EVIDENCE:
        fix.evidence.append(finding)
    fix.pages[finding.get("url")] = None
    fix_of_page.setdefault((audit_id, key_name, finding.get("url")), fix)


def build_fixes(result: dict) -> list[Fix]:
    """Every fix of the result, most valuable first."""
    pages = result.get("pages", [])
    template_of = {p["url"]: template_pattern(p.get("template")) for p in pages}
    total = sum(1 for p in pages if p.get("is_html") and p.get("status") == 200) or len(pages)
    with_screenshot = {p["url"] for p in pages if p.get("screenshot")}
    fixes: dict[tuple, Fix] = {}
    fix_of_page: dict[tuple[str, str, str], Fix] = {}  # (audit, message key, page) -> its fix
    consequences: list[tuple[str, dict, dict]] = []
    for audit_id, audit in result.get("audits", {}).items():
        # two passes over the findings, as they may be read from disk: shared causes, then fixes
        shared = Counter(v for f in audit.get("findings", []) if not f.get("ignored") for v in _cause_values(f))
        for finding in audit.get("findings", []):
            if finding.get("ignored"):
                continue
            if isinstance((finding.get("data") or {}).get("root_cause"), dict):
                consequences.append((audit_id, audit, finding))
                continue
            _add(fixes, fix_of_page, audit_id, audit, finding, _cause(finding, template_of.get(finding.get("url")), shared))
    for audit_id, audit, finding in consequences:
        root = finding["data"]["root_cause"]
        fix = fix_of_page.get((root.get("audit"), root.get("message_key"), finding.get("url")))
        if fix is not None:
            fix.folded[audit_id] += 1
        else:  # its cause was ignored or is not in this result: a fix of its own
            _add(fixes, fix_of_page, audit_id, audit, finding, _cause(finding, template_of.get(finding.get("url")), Counter()))
    for fix in fixes.values():
        counts = Counter(template_of.get(url) for url in fix.pages)
        fix.templates = sorted(((t, n) for t, n in counts.items() if t), key=lambda tn: (-tn[1], tn[0]))
        fix.priority = priority(fix.audit.get("impact", "minor"), fix.audit.get("effort", "medium"), fix.page_count, total)
        if fix.audit.get("category") in VISUAL_CATEGORIES or fix.audit.get("id") in VISUAL_AUDITS:
            fix.screenshot_url = next((u for u in fix.pages if u in with_screenshot), None)
    ranked = sorted(fixes.values(), key=lambda f: (-f.priority, -f.page_count, f.audit.get("id", ""), str(f.cause_value)))
    for n, fix in enumerate(ranked, 1):
        fix.id = f"fix-{n}"
    return ranked
