"""The CI gate: which checks a run is held to, whether it passed, and its summary.

Modes (`--fail-on`): `budgets` (the [budgets] table), `new` (findings new since
the baseline run), `any` (any finding). Checks that are measured but not named in
`--fail-on` are shown as warnings and never fail the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.options import BY_NAME
from auditor.ci.budgets import BudgetFailure, Budgets, any_findings, evaluate, ignored_summary, new_findings, unmeasured

FAIL_ON = BY_NAME["fail_on"].choices
MAX_LINES = 20  # the summary fits on one screen of a CI log
MAX_PAGES = 3  # pages shown under each failure


@dataclass
class Gate:
    fail_on: tuple[str, ...]
    failures: list[tuple[str, BudgetFailure]] = field(default_factory=list)  # (mode, failure)
    ignored: list[dict] = field(default_factory=list)
    not_measured: list[str] = field(default_factory=list)  # budgeted metrics no page has a value for
    render_mode: str | None = None

    @property
    def failed(self) -> bool:
        return any(mode in self.fail_on for mode, _ in self.failures)

    def to_dict(self) -> dict:
        return {
            "fail_on": list(self.fail_on),
            "passed": not self.failed,
            "failures": [{"mode": mode, "enforced": mode in self.fail_on, **f.to_dict()} for mode, f in self.failures],
            "ignored": self.ignored,
            "not_measured": self.not_measured,
        }


def judge(result: dict, budgets: Budgets, fail_on: tuple[str, ...] = (), baseline: dict | None = None) -> Gate:
    gate = Gate(tuple(fail_on), ignored=ignored_summary(result, budgets.ignore), not_measured=unmeasured(result, budgets),
                render_mode=(result.get("run", {}).get("render") or {}).get("mode"))
    if budgets.has_limits or "budgets" in fail_on:
        gate.failures += [("budgets", f) for f in evaluate(result, budgets)]
    if baseline is not None:
        gate.failures += [("new", f) for f in new_findings(result, baseline, budgets.ignore)]
    if "any" in fail_on:
        gate.failures += [("any", f) for f in any_findings(result, budgets.ignore)]
    return gate


def summary(gate: Gate) -> str:
    """Plain text for a CI log: the verdict, each failed check and by how much, the ignore rules."""
    enforced = [f for mode, f in gate.failures if mode in gate.fail_on]
    warnings = [f for mode, f in gate.failures if mode not in gate.fail_on]
    modes = ", ".join(gate.fail_on) or "nothing"
    verdict = "FAILED" if gate.failed else "passed"
    unmeasured = f", {len(gate.not_measured)} not measured" if gate.not_measured else ""
    lines = [f"CI gate {verdict} (fail on: {modes}): {len(enforced)} failed, {len(warnings)} warning(s){unmeasured}"]
    if gate.not_measured:
        why = ("pages are measured in Chromium; this run had --render none" if gate.render_mode == "none"
               else "no measured page has a value")
        lines.append(f"  not measured: {', '.join('metric ' + m for m in gate.not_measured)} ({why})")
    for label, failures in (("FAIL", enforced), ("warn", warnings)):
        for failure in failures:
            lines.append(f"  {label} {failure.text}")
            for url, value in failure.pages[:MAX_PAGES]:
                lines.append(f"       {url}" + (f" ({value:g})" if failure.kind == "metric" else f" ({value} finding(s))"))
            if len(failure.pages) > MAX_PAGES:
                lines.append(f"       ... and {len(failure.pages) - MAX_PAGES} more page(s)")
    if len(lines) > MAX_LINES:
        hidden = len(lines) - MAX_LINES + 1
        lines = lines[:MAX_LINES - 1] + [f"  ... {hidden} more line(s): see gate in result.json"]
    for rule in gate.ignored:
        where = f" on URLs matching {rule['url']}" if rule["url"] else ""
        lines.append(f"  ignored {rule['findings']} {rule['audit']} finding(s){where}: {rule['reason']}")
    return "\n".join(lines)
