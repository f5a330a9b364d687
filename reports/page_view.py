"""A page's own view in the report: its findings, its metrics and its screenshot, opened
from the pages table (an anchor: the view shows when it is the link's target)."""

from __future__ import annotations

from reports.rank import impact_of

IMPACT_ORDER = ("critical", "serious", "moderate", "minor")
MAX_FINDINGS = 60  # per page; the rest are in the audit list and result.json


def page_views(result: dict, pages: list[dict], cells, screenshot) -> dict[str, dict]:
    """url -> {id, page, findings: [(audit, finding)], more, cells, shot} for each of `pages`
    that has something of its own to show. `cells(page)` gives its metric cells, `screenshot(page)`
    its first screen."""
    # only the findings of these pages are kept: a large site's are read from disk one by one
    found: dict[str, list[tuple[dict, dict]]] = {page["url"]: [] for page in pages}
    for audit in result["audits"].values():
        for finding in audit["findings"]:
            if not finding.get("ignored") and finding.get("url") in found:
                found[finding["url"]].append((audit, finding))
    views = {}
    for n, page in enumerate(pages, 1):
        url = page["url"]
        own = sorted(found.get(url, ()), key=lambda af: _rank(impact_of(af[0], af[1].get("message_key"))))
        shot = screenshot(page)
        if not own and not page.get("metrics") and not shot:
            continue
        views[url] = {"id": f"page-{n}", "page": page, "findings": own[:MAX_FINDINGS],
                      "more": max(len(own) - MAX_FINDINGS, 0),
                      "cells": cells(page) if page.get("metrics") else [], "shot": shot}
    return views


def _rank(impact: str | None) -> int:
    return IMPACT_ORDER.index(impact) if impact in IMPACT_ORDER else len(IMPACT_ORDER)
