"""Fold several runs of one URL into the one result reported for it."""

from __future__ import annotations

from typing import Any

from .metrics import median_index

# Details (LCP element, shifts, resources...) come from the run whose LCP is
# the median, falling back on these when a page paints no LCP.
_REPRESENTATIVE_METRICS = ("lcp", "fcp", "load_ms")

_DETAIL_KEYS = ("lcp_element", "layout_shifts", "layout_shift_count", "long_tasks", "resources", "images")
_EXTRA_KEYS = ("axe", "axe_version", "screenshot_jpeg_b64", "boxes", "collected", "collector_errors", "extras_window")


def combine_runs(url: str, profile: str, runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Per metric the median over the successful runs, with the index of the
    run it came from in `metric_runs`; errors of failed runs in `run_errors`."""
    ok = [i for i, r in enumerate(runs) if r.get("error") is None]
    result: dict[str, Any] = {
        "url": url,
        "final_url": url,
        "status": None,
        "error": None,
        "profile": profile,
        "runs": len(runs),
        "run_errors": [r.get("error") for r in runs],
        "median_run": None,
        "metric_runs": {},
        "metrics": {},
        "settled": None,
        "lcp_element": None,
        "layout_shifts": [],
        "layout_shift_count": 0,
        "long_tasks": [],
        "resources": [],
        "images": [],
        "axe": None,
        "axe_version": None,
        "screenshot_jpeg_b64": None,
        "boxes": None,
        "collected": {},
        "collector_errors": {},
        "dialogs": [],
        "warnings": [],
        "run_metrics": [r.get("metrics") for r in runs],
        "run_ms": [r.get("elapsed_ms") for r in runs],
        "timed_ms": [r.get("timed_ms") for r in runs],
        "timed_windows": [r.get("timed_window") for r in runs],
        "extras_window": None,
    }
    for r in runs:
        result["dialogs"].extend(r.get("dialogs") or [])
        result["warnings"].extend(w for w in r.get("warnings") or [] if w not in result["warnings"])
    if not ok:
        first = runs[0] if runs else {}
        result["error"] = first.get("error") or "no run"
        result["final_url"] = first.get("final_url", url)
        result["status"] = first.get("status")
        result["resources"] = first.get("resources") or []
        return result

    names: list[str] = []
    for i in ok:
        names.extend(k for k in runs[i]["metrics"] if k not in names)
    for name in names:
        measured = [i for i in ok if runs[i]["metrics"].get(name) is not None]
        if not measured:
            result["metrics"][name] = None
            continue
        pick = measured[median_index([runs[i]["metrics"][name] for i in measured])]
        result["metrics"][name] = runs[pick]["metrics"][name]
        result["metric_runs"][name] = pick

    rep = ok[0]
    for name in _REPRESENTATIVE_METRICS:
        if name in result["metric_runs"]:
            rep = result["metric_runs"][name]
            break
    result["median_run"] = rep
    chosen = runs[rep]
    result["final_url"] = chosen["final_url"]
    result["status"] = chosen.get("status")
    result["settled"] = chosen.get("settled")
    result["pending"] = chosen.get("pending") or []
    for key in _DETAIL_KEYS:
        result[key] = chosen.get(key, result[key])
    for r in runs:
        if r.get("extras"):
            for key in _EXTRA_KEYS:
                result[key] = r.get(key, result[key])
            break
    return result
