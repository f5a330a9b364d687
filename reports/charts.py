"""Chart geometry for the HTML report's inline SVG: pure numbers, mirrored for RTL.

The template draws what these functions lay out; in a right-to-left report the bars
start at the right, as the reader's eye does.
"""

from __future__ import annotations

from reports.fixes import template_pattern

BANDS = ("very easy", "easy", "fairly easy", "standard", "fairly difficult", "difficult", "very difficult")
# The Core Web Vitals the chart shows, lab metric names as in pages[].metrics; their good and
# poor thresholds are those the audit scoring each metric wrote to result.json (thresholds()).
VITALS = (("lcp", "LCP"), ("cls", "CLS"), ("tbt", "TBT"))
RATINGS = ("good", "needs improvement", "poor")
BAR_WIDTH = 140  # width of a bar cell, in SVG units


def thresholds(result: dict) -> dict[str, dict]:
    """metric -> {good, poor, unit}, as declared in result.json by the audit that scores it."""
    out = {}
    for audit in (result.get("audits") or {}).values():
        scoring = audit.get("scoring")
        if isinstance(scoring, dict) and scoring.get("metric"):
            out[scoring["metric"]] = {k: scoring.get(k) for k in ("good", "poor", "unit")}
    return out


def rating(value: float, good: float, poor: float) -> str:
    if value <= good:
        return "good"
    return "needs improvement" if value <= poor else "poor"


def depth_bars(histogram: list[tuple[str, int]], rtl: bool) -> dict:
    """Vertical bars, one per click depth, shallowest at the start side."""
    width = max(len(histogram) * 56 + 20, 200)
    top = max((n for _, n in histogram), default=1) or 1
    bars = []
    for i, (label, count) in enumerate(histogram):
        x = 16 + i * 56
        if rtl:
            x = width - x - 40
        h = round(count / top * 130, 1)
        kind = "orphan" if label == "\u2014" else ("deep" if label.isdigit() and int(label) > 3 else "")
        bars.append({"label": label, "count": count, "x": x, "h": h, "kind": kind})
    return {"width": width, "bars": bars}


def bar(count: int, top: int, rtl: bool, width: int = BAR_WIDTH) -> dict:
    """One horizontal bar in a table cell, growing from the start side."""
    w = round(count / top * width, 1) if top else 0
    return {"x": round(width - w, 1) if rtl else 0, "w": w, "width": width}


def readability_bars(pages: list[dict], rtl: bool) -> dict | None:
    """Pages per readability band, per language: rows are bands, columns languages."""
    counts: dict[str, dict[str, int]] = {}
    for page in pages:
        r = page.get("readability")
        if not r or r.get("band") not in BANDS:
            continue
        lang = r.get("language") or page.get("lang") or "?"
        counts.setdefault(lang, {}).setdefault(r["band"], 0)
        counts[lang][r["band"]] += 1
    if not counts:
        return None
    languages = sorted(counts, key=lambda k: (-sum(counts[k].values()), k))
    formulas = {}
    for page in pages:
        r = page.get("readability")
        if r and r.get("language") in counts:
            formulas.setdefault(r["language"], (r.get("formula") or "").upper() + (" *" if r.get("indicative") else ""))
    top = max(n for per in counts.values() for n in per.values())
    rows = [
        {"band": band, "cells": [{"lang": lang, "count": counts[lang].get(band, 0),
                                  "bar": bar(counts[lang].get(band, 0), top, rtl)} for lang in languages]}
        for band in BANDS
        if any(counts[lang].get(band) for lang in languages)
    ]
    return {"languages": [{"lang": lang, "formula": formulas.get(lang, ""), "pages": sum(counts[lang].values())}
                          for lang in languages], "rows": rows}


def _stack(counts: tuple[int, int, int], rtl: bool, width: int = BAR_WIDTH) -> list[dict]:
    total = sum(counts) or 1
    segments, x = [], 0.0
    for name, n in zip(RATINGS, counts):
        w = round(n / total * width, 1)
        if w:
            segments.append({"rating": name, "count": n, "x": round(width - x - w, 1) if rtl else round(x, 1), "w": w})
        x += w
    return segments


def vitals_bars(pages: list[dict], rtl: bool, limits: dict[str, dict]) -> dict | None:
    """Good / needs improvement / poor page counts for LCP, CLS and TBT, per template."""
    shown = [(key, label) for key, label in VITALS if key in limits]
    if not shown:
        return None
    per_template: dict[str, dict[str, list[int]]] = {}
    for page in pages:
        metrics = page.get("metrics") or {}
        if not metrics:
            continue
        template = template_pattern(page.get("template")) or "\u2014"
        row = per_template.setdefault(template, {key: [0, 0, 0] for key, _ in shown})
        for key, _label in shown:
            value = metrics.get(key)
            if isinstance(value, (int, float)):
                row[key][RATINGS.index(rating(value, limits[key]["good"], limits[key]["poor"]))] += 1
    if not per_template:
        return None
    rows = []
    for template in sorted(per_template, key=lambda t: (-sum(per_template[t][shown[0][0]]), t)):
        cells = []
        for key, label in shown:
            counts = tuple(per_template[template][key])
            cells.append({"metric": key, "label": label, "counts": counts, "total": sum(counts),
                          "segments": _stack(counts, rtl)})
        rows.append({"template": template, "cells": cells})
    return {"metrics": [{"key": k, "label": label, **limits[k], "unit": "" if limits[k]["unit"] == "score" else limits[k]["unit"]}
                        for k, label in shown],
            "rows": rows, "width": BAR_WIDTH}
