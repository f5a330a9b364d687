"""A short Markdown summary for pull requests and CI job summaries."""

from __future__ import annotations

from pathlib import Path

from reports import diff_text
from reports.html import fix_priority, message
from reports.rank import audit_impact

TOP_FIXES = 5


def _score(value) -> str:
    return "n/a" if value is None else str(round(value * 100))


def _cell(value) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def render(result: dict) -> str:
    run = result.get("run") or {}
    counts = run.get("counts") or {}
    gate = result.get("gate")
    diff = result.get("diff")
    site = run.get("site") or (run.get("start_urls") or [""])[0]
    lines = [f"## Site audit: {site}", ""]
    summary = f"{counts.get('html_pages', len(result.get('pages', [])))} pages audited."
    if gate is not None:
        summary = f"**CI gate {'passed' if gate['passed'] else 'FAILED'}**. " + summary
    lines += [summary, ""]
    changes = (diff or {}).get("categories", {})
    lines += ["| Category | Score |" + (" Change |" if diff else ""), "| --- | ---: |" + (" ---: |" if diff else "")]
    for cat_id, cat in result.get("categories", {}).items():
        extra = f" {diff_text._change(changes.get(cat_id) or {})} |" if diff else ""
        lines.append(f"| {_cell(cat['title'])} | {_score(cat['score'])} |{extra}")
    lines.append("")
    if gate is not None:
        failed = [f for f in gate["failures"] if f["enforced"]]
        warned = [f for f in gate["failures"] if not f["enforced"]]
        if failed:
            lines += ["### Failed budgets", ""] + [f"- **{_cell(f['text'])}**" for f in failed] + [""]
        if warned:
            lines += ["### Warnings", ""] + [f"- {_cell(f['text'])}" for f in warned] + [""]
        if gate["ignored"]:
            lines += ["### Ignored", ""]
            for rule in gate["ignored"]:
                where = f" on `{_cell(rule['url'])}`" if rule["url"] else ""
                lines.append(f"- `{rule['audit']}`{where}: {rule['findings']} finding(s). {_cell(rule['reason'])}")
            lines.append("")
    fixes = _top_fixes(result)
    if fixes:
        lines += ["### Top fixes", ""]
        for i, audit in enumerate(fixes, 1):
            first = next(f for f in audit["findings"] if "ignored" not in f)
            lines.append(f"{i}. **{_cell(audit['failure_title'])}** ({audit_impact(audit)}, {audit['failing_pages']} page(s)): "
                         f"{_cell(audit.get('how_to_fix') or audit['description'])} "
                         f"E.g. {_cell(first['url'])}: {_cell(message(audit, first))}")
        lines.append("")
    out = "\n".join(lines)
    if diff:
        out += "\n" + diff_text.markdown(diff, heading="###")
    return out.rstrip() + "\n"


def _top_fixes(result: dict) -> list[dict]:
    total = len(result.get("pages", []))
    failing = [a for a in result["audits"].values() if any("ignored" not in f for f in a.get("findings", []))]
    return sorted(failing, key=lambda a: -fix_priority(a, total))[:TOP_FIXES]


def write(result: dict, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(render(result), encoding="utf-8")
    return path
