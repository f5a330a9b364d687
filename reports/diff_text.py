"""A comparison of two runs (auditor.ci.diff) as plain text or Markdown."""

from __future__ import annotations

from reports.html import message

MAX_FINDINGS = 10  # per audit and list; the JSON form has them all


def _score(value) -> str:
    return "n/a" if value is None else str(round(value * 100))


def _change(entry: dict) -> str:
    """The change between the scores as printed, so "86 -> 86" never reads "-1"."""
    if entry.get("old") is None or entry.get("new") is None:
        return ""
    change = round(entry["new"] * 100) - round(entry["old"] * 100)
    return f"{change:+d}" if change else ""


def _changed_audits(diff: dict) -> list[tuple[str, dict]]:
    return [(a, e) for a, e in diff["audits"].items()
            if e.get("status") == "compared" and (e["new"] or e["fixed"] or _change(e["score"]))]


def _audits_with_status(diff: dict, status: str) -> list[str]:
    """Audits only one of the two runs has (a newer or older auditor, or an audit turned off)."""
    return [a for a, e in diff["audits"].items() if e.get("status") == status]


def text(diff: dict) -> str:
    totals = diff["totals"]
    lines = [f"Compared {diff['old']['site']} ({diff['old']['finished_at']}) with {diff['new']['site']} ({diff['new']['finished_at']})",
             f"{totals['new']} new, {totals['fixed']} fixed, {totals['unchanged']} unchanged findings", "", "Categories:"]
    for entry in diff["categories"].values():
        lines.append(f"  {entry['title']:<28} {_score(entry['old']):>4} -> {_score(entry['new']):>4} {_change(entry)}".rstrip())
    for status, label in (("added", "Audits only in the new run"), ("removed", "Audits only in the old run")):
        if _audits_with_status(diff, status):
            lines += ["", f"{label}: {', '.join(_audits_with_status(diff, status))}"]
    for audit_id, entry in _changed_audits(diff):
        score = entry["score"]
        lines.append("")
        lines.append(f"{audit_id}: {len(entry['new'])} new, {len(entry['fixed'])} fixed, {entry['unchanged']} unchanged; "
                     f"score {_score(score['old'])} -> {_score(score['new'])} {_change(score)}".rstrip())
        for label, findings in (("new", entry["new"]), ("fixed", entry["fixed"])):
            for finding in findings[:MAX_FINDINGS]:
                lines.append(f"  {label:<5} {finding['url']}: {message(entry, finding)}")
            if len(findings) > MAX_FINDINGS:
                lines.append(f"  {label:<5} ... and {len(findings) - MAX_FINDINGS} more")
    if diff["metrics"]:
        lines += ["", "Metrics:"]
        lines += [f"  {m['url']} {m['metric']}: {m['old']:g} -> {m['new']:g} ({m['change']:+g})" for m in diff["metrics"]]
    return "\n".join(lines)


def _cell(value: str) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def markdown(diff: dict, heading: str = "##") -> str:
    totals = diff["totals"]
    lines = [f"{heading} Changes since the baseline", "",
             f"**{totals['new']} new**, **{totals['fixed']} fixed**, {totals['unchanged']} unchanged findings.", ""]
    for status, label in (("added", "Audits only in the new run"), ("removed", "Audits only in the old run")):
        if _audits_with_status(diff, status):
            lines += [f"{label}: " + ", ".join(f"`{a}`" for a in _audits_with_status(diff, status)) + ".", ""]
    changed = _changed_audits(diff)
    if changed:
        lines += ["| Audit | New | Fixed | Score |", "| --- | ---: | ---: | --- |"]
        for audit_id, entry in changed:
            score = entry["score"]
            lines.append(f"| `{audit_id}` | {len(entry['new'])} | {len(entry['fixed'])} | "
                         f"{_score(score['old'])} → {_score(score['new'])} |")
        lines.append("")
    for label, key in (("New", "new"), ("Fixed", "fixed")):
        rows = [(entry, f) for _, entry in changed for f in entry[key]]
        if rows:
            lines.append(f"<details><summary>{label} findings ({len(rows)})</summary>")
            lines.append("")
            lines += [f"- {_cell(f['url'])}: {_cell(message(entry, f))}" for entry, f in rows[:MAX_FINDINGS * 3]]
            if len(rows) > MAX_FINDINGS * 3:
                lines.append(f"- ... and {len(rows) - MAX_FINDINGS * 3} more")
            lines += ["", "</details>", ""]
    if diff["metrics"]:
        lines += ["| Page | Metric | Before | After |", "| --- | --- | ---: | ---: |"]
        lines += [f"| {_cell(m['url'])} | {m['metric']} | {m['old']:g} | {m['new']:g} |" for m in diff["metrics"][:MAX_FINDINGS * 3]]
    return "\n".join(lines).rstrip() + "\n"
