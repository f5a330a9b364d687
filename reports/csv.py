"""CSV for spreadsheets: pages.csv (one row per URL) and findings.csv (one row per finding)."""

from __future__ import annotations

import csv
from pathlib import Path

from reports.html import message
from reports.rank import impact_of

PAGE_COLUMNS = ("url", "status", "depth", "title", "lang", "dir", "in_sitemap", "word_count", "bytes",
                "response_ms", "content_type", "final_url", "redirect_to", "error")
FINDING_COLUMNS = ("audit", "category", "impact", "url", "message_key", "message", "selector", "snippet", "ignored")


def write_pages(result: dict, path: str | Path) -> Path:
    pages = result.get("pages", [])
    per_page: dict[str, int] = {}
    for audit in result["audits"].values():
        for finding in audit.get("findings", []):
            per_page[finding.get("url")] = per_page.get(finding.get("url"), 0) + 1
    metric_names: list[str] = []
    for page in pages:
        metric_names.extend(k for k in (page.get("metrics") or {}) if k not in metric_names)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow([*PAGE_COLUMNS, "findings", *metric_names])
        for page in pages:
            metrics = page.get("metrics") or {}
            writer.writerow([_cell(page.get(c)) for c in PAGE_COLUMNS] + [per_page.get(page["url"], 0)]
                            + [_cell(metrics.get(m)) for m in metric_names])
    return Path(path)


def write_findings(result: dict, path: str | Path) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(FINDING_COLUMNS)
        for audit_id, audit in result["audits"].items():
            for finding in audit.get("findings", []):
                writer.writerow([audit_id, audit["category"], impact_of(audit, finding.get("message_key")), finding.get("url"),
                                 finding.get("message_key"), message(audit, finding), _cell(finding.get("selector")),
                                 _cell(finding.get("snippet")), _cell(finding.get("ignored"))])
    return Path(path)


def write(result: dict, path: str | Path) -> list[Path]:
    """Write pages.csv and findings.csv into the folder `path`."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    return [write_pages(result, folder / "pages.csv"), write_findings(result, folder / "findings.csv")]


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
