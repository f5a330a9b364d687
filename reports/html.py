"""The HTML report: one self-contained, autoescaped file that works offline."""

from __future__ import annotations

import math
import string
from pathlib import Path
from urllib.parse import unquote

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATES = Path(__file__).parent / "templates"
IMPACT_WEIGHT = {"critical": 4, "serious": 3, "moderate": 2, "minor": 1}
EFFORT_COST = {"small": 1, "medium": 2, "large": 3}
JOURNEY = ("awareness", "consideration", "decision", "loyalty", "advocacy")
MAX_ROWS = 50


class _Lenient(string.Formatter):
    """Fill a message from a finding's data; a missing field stays visible as {name}."""

    def get_value(self, key, args, kwargs):
        return kwargs.get(key, "{" + str(key) + "}") if isinstance(key, str) else super().get_value(key, args, kwargs)


_formatter = _Lenient()


def message(audit: dict, finding: dict) -> str:
    template = audit.get("messages", {}).get(finding.get("message_key"), finding.get("message_key", ""))
    try:
        return _formatter.format(template, **finding.get("data", {}))
    except (ValueError, IndexError, AttributeError):
        return template


def fix_priority(audit: dict, total_pages: int) -> float:
    """Impact x reach / effort: what to fix first."""
    reach = audit["failing_pages"] / max(total_pages, 1)
    return IMPACT_WEIGHT[audit["impact"]] * (0.2 + reach) / EFFORT_COST[audit["effort"]]


def score_class(score) -> str:
    if score is None:
        return "na"
    return "good" if score >= 0.9 else "average" if score >= 0.5 else "poor"


def depth_histogram(pages: list[dict]) -> list[tuple[str, int]]:
    counts: dict = {}
    for page in pages:
        if page.get("status") == 200 and page.get("is_html"):
            key = page.get("depth")
            counts[key] = counts.get(key, 0) + 1
    keys = sorted(k for k in counts if k is not None)
    rows = [(str(k), counts[k]) for k in keys]
    if None in counts:
        rows.append(("\u2014", counts[None]))
    return rows


def _urldecode(url: str) -> str:
    """Arabic paths as a person reads them (percent-encoded UTF-8 decoded)."""
    try:
        return unquote(url or "", errors="strict")
    except UnicodeDecodeError:
        return url


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_null_translations(newstyle=True)
    env.filters["score_class"] = score_class
    env.filters["pct"] = lambda s: "\u2013" if s is None else f"{round(s * 100)}"
    env.filters["urldecode"] = _urldecode
    env.filters["when"] = lambda iso: (iso or "").replace("T", " ")[:16] + (" UTC" if iso and iso.endswith("+00:00") else "")
    env.globals["message"] = message
    return env


def render(result: dict) -> str:
    pages = result["pages"]
    html_pages = sum(1 for p in pages if p.get("is_html") and p.get("status") == 200)
    audits = list(result["audits"].values())
    failing = [a for a in audits if a["findings"]]
    failing.sort(key=lambda a: fix_priority(a, html_pages), reverse=True)
    passed = [a for a in audits if not a["findings"] and a["score"] is not None]
    not_applicable = [a for a in audits if a["score"] is None]
    journey = {
        stage: sorted((a for a in failing if stage in a["journey"]), key=lambda a: -fix_priority(a, html_pages))
        for stage in JOURNEY
    }
    histogram = depth_histogram(pages)
    return environment().get_template("report.html.j2").render(
        result=result,
        run=result["run"],
        categories=result["categories"],
        failing=failing,
        passed=passed,
        not_applicable=not_applicable,
        journey=journey,
        histogram=histogram,
        histogram_max=max((n for _, n in histogram), default=1),
        pages=pages,
        html_pages=html_pages,
        max_rows=MAX_ROWS,
        total_findings=sum(len(a["findings"]) for a in audits),
        ring=lambda score: round(2 * math.pi * 36 * (score or 0), 1),
        ring_total=round(2 * math.pi * 36, 1),
    )


def write(result: dict, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(render(result), encoding="utf-8")
    return path
