"""Budgets judged over a result: minimum scores, maximum findings, metric limits.

Pure: it reads a result dict (and optionally a baseline result) and says which
budget failed, its limit, the actual value and by how much.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from auditor.ci.diff import diff_results


@dataclass(frozen=True)
class IgnoreRule:
    """Findings of `audit` (on pages whose URL matches `url`, when given) do not count."""

    audit: str
    reason: str
    url: str | None = None

    @cached_property
    def _pattern(self) -> re.Pattern | None:
        return re.compile(self.url) if self.url else None

    def matches(self, audit_id: str, url: str) -> bool:
        if audit_id != self.audit:
            return False
        return self._pattern is None or self._pattern.search(url or "") is not None


@dataclass(frozen=True)
class AuditBudget:
    min_score: float | None = None
    max_findings: int | None = None


@dataclass(frozen=True)
class Budgets:
    categories: dict[str, float] = field(default_factory=dict)  # category -> minimum score
    audits: dict[str, AuditBudget] = field(default_factory=dict)
    metrics: dict[str, float] = field(default_factory=dict)  # metric -> maximum per page
    ignore: tuple[IgnoreRule, ...] = ()

    @property
    def has_limits(self) -> bool:
        return bool(self.categories or self.audits or self.metrics)


@dataclass(frozen=True)
class BudgetFailure:
    kind: str  # category-score, audit-score, audit-findings, metric, new-findings, findings
    subject: str  # the category, audit or metric it is about
    limit: float
    actual: float
    over_by: float  # how far past the limit, always positive
    pages: tuple[tuple[str, float], ...] = ()  # (url, value) for metric and finding budgets

    @property
    def text(self) -> str:
        what = {
            "category-score": f"category {self.subject} score {_num(self.actual)} is below the minimum {_num(self.limit)}",
            "audit-score": f"audit {self.subject} score {_num(self.actual)} is below the minimum {_num(self.limit)}",
            "audit-findings": f"audit {self.subject} has {_num(self.actual)} findings, more than the maximum {_num(self.limit)}",
            "metric": f"metric {self.subject}: {len(self.pages)} page(s) over {_num(self.limit)}, worst {_num(self.actual)}",
            "new-findings": f"audit {self.subject} has {_num(self.actual)} new findings since the baseline",
            "findings": f"audit {self.subject} has {_num(self.actual)} findings",
        }[self.kind]
        return f"{what} (by {_num(self.over_by)})"

    def to_dict(self) -> dict:
        return {"kind": self.kind, "subject": self.subject, "limit": self.limit, "actual": self.actual,
                "over_by": self.over_by, "pages": [{"url": u, "value": v} for u, v in self.pages], "text": self.text}


def _num(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def ignored_by(rules: tuple[IgnoreRule, ...], audit_id: str, finding: dict) -> IgnoreRule | None:
    return next((r for r in rules if r.matches(audit_id, finding.get("url", ""))), None)


def counted_findings(result: dict, audit_id: str, rules: tuple[IgnoreRule, ...]) -> list[dict]:
    """An audit's findings less those an ignore rule drops."""
    audit = result["audits"].get(audit_id) or {}
    return [f for f in audit.get("findings", []) if ignored_by(rules, audit_id, f) is None]


def ignored_summary(result: dict, rules: tuple[IgnoreRule, ...]) -> list[dict]:
    """How many findings each rule dropped, with its reason."""
    out = []
    for rule in rules:
        audit = result["audits"].get(rule.audit) or {}
        count = sum(1 for f in audit.get("findings", []) if ignored_by(rules, rule.audit, f) is rule)
        out.append({"audit": rule.audit, "url": rule.url, "reason": rule.reason, "findings": count})
    return out


def evaluate(result: dict, budgets: Budgets, baseline: dict | None = None) -> list[BudgetFailure]:
    """Every broken budget; with a baseline, also every audit with findings new since it."""
    failures: list[BudgetFailure] = []
    for cat, minimum in budgets.categories.items():
        score = (result.get("categories", {}).get(cat) or {}).get("score")
        if score is not None and score < minimum:
            failures.append(BudgetFailure("category-score", cat, minimum, score, round(minimum - score, 4)))
    for audit_id, budget in budgets.audits.items():
        audit = result["audits"].get(audit_id)
        if audit is None:
            continue
        score = audit.get("score")
        if budget.min_score is not None and score is not None and score < budget.min_score:
            failures.append(BudgetFailure("audit-score", audit_id, budget.min_score, score,
                                          round(budget.min_score - score, 4)))
        if budget.max_findings is not None:
            findings = counted_findings(result, audit_id, budgets.ignore)
            if len(findings) > budget.max_findings:
                failures.append(BudgetFailure("audit-findings", audit_id, budget.max_findings, len(findings),
                                              len(findings) - budget.max_findings, _finding_pages(findings)))
    for metric, limit in budgets.metrics.items():
        over = [(p["url"], p["metrics"][metric]) for p in result.get("pages", [])
                if isinstance(p.get("metrics"), dict) and isinstance(p["metrics"].get(metric), (int, float))
                and p["metrics"][metric] > limit]
        if over:
            over.sort(key=lambda item: -item[1])
            worst = over[0][1]
            failures.append(BudgetFailure("metric", metric, limit, worst, round(worst - limit, 4), tuple(over)))
    if baseline is not None:
        failures.extend(new_findings(result, baseline, budgets.ignore))
    return failures


def unmeasured(result: dict, budgets: Budgets) -> list[str]:
    """The budgeted metrics no page has a value for (say, pages not measured with --render none):
    neither passed nor failed."""
    return [metric for metric in budgets.metrics
            if not any(isinstance((p.get("metrics") or {}).get(metric), (int, float)) for p in result.get("pages", []))]


def new_findings(result: dict, baseline: dict, rules: tuple[IgnoreRule, ...] = ()) -> list[BudgetFailure]:
    """One failure per audit with findings the baseline did not have."""
    failures = []
    for audit_id, change in diff_results(baseline, result)["audits"].items():
        new = [f for f in change["new"] if ignored_by(rules, audit_id, f) is None]
        if new:
            failures.append(BudgetFailure("new-findings", audit_id, 0, len(new), len(new), _finding_pages(new)))
    return failures


def any_findings(result: dict, rules: tuple[IgnoreRule, ...] = ()) -> list[BudgetFailure]:
    """One failure per audit with any finding left after the ignore rules."""
    failures = []
    for audit_id in result["audits"]:
        findings = counted_findings(result, audit_id, rules)
        if findings:
            failures.append(BudgetFailure("findings", audit_id, 0, len(findings), len(findings), _finding_pages(findings)))
    return failures


def _finding_pages(findings: list[dict]) -> tuple[tuple[str, float], ...]:
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.get("url", "")] = counts.get(f.get("url", ""), 0) + 1
    return tuple(counts.items())
