"""Pure arithmetic on what a page run collected: no browser here."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

# A task longer than this blocks input; only the excess counts (TBT definition).
BLOCKING_THRESHOLD_MS = 50.0


def total_blocking_time(long_tasks: Iterable[dict[str, float]], fcp: float | None, end: float) -> float:
    """Sum of each long task's time beyond 50 ms, between FCP and `end`.

    A task that straddles FCP only counts its part after FCP, as Lighthouse
    does; with no FCP nothing was painted and nothing counts.
    """
    if fcp is None:
        return 0.0
    total = 0.0
    for task in long_tasks:
        start = float(task["start"])
        stop = start + float(task["duration"])
        start, stop = max(start, fcp), min(stop, end)
        if stop - start > BLOCKING_THRESHOLD_MS:
            total += stop - start - BLOCKING_THRESHOLD_MS
    return total


def host_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def same_site(url: str, other: str) -> bool:
    """Same host, ignoring a leading www., or one a subdomain of the other."""
    a, b = host_of(url), host_of(other)
    if not a or not b:
        return False
    return a == b or a.endswith("." + b) or b.endswith("." + a)


# CDP resource types counted in the per-kind byte totals.
_KIND_OF_TYPE = {"script": "js_bytes", "image": "image_bytes", "stylesheet": "css_bytes", "font": "font_bytes"}


def byte_totals(resources: list[dict[str, Any]], page_url: str) -> dict[str, int]:
    """Transfer bytes in total, per kind, and from other sites than the page."""
    totals = {"transfer_bytes": 0, "requests": 0, "js_bytes": 0, "image_bytes": 0,
              "css_bytes": 0, "font_bytes": 0, "third_party_bytes": 0}
    for res in resources:
        size = int(res.get("transfer_bytes") or 0)
        totals["transfer_bytes"] += size
        totals["requests"] += 1
        kind = _KIND_OF_TYPE.get(res.get("type") or "")
        if kind:
            totals[kind] += size
        if not same_site(res["url"], page_url):
            totals["third_party_bytes"] += size
    return totals


def median_index(values: list[float]) -> int:
    """Index of the median value; the lower median for an even count, so the
    reported figure is always one a run actually measured."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    return order[(len(values) - 1) // 2]
