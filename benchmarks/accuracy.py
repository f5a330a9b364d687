"""Compare an audit's result.json with a generated site's _truth.json.

    python benchmarks/accuracy.py SITE_DIR OUT_DIR

Prints, per planted defect, what was found, missed and falsely reported, and
exits 1 when any figure misses the bar (click depth exact, every broken link and
orphan found, each planted defect found at >= 99% with <= 1% false findings).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

# planted defect -> (audit id, message keys that count; None: any)
DEFECT_AUDITS = {
    "missing_title": ("document-title", None),
    "duplicate_title": ("duplicate-title", None),
    "missing_meta_description": ("meta-description", None),
    "img_missing_alt": ("image-alt", None),
    "h1_missing": ("heading-h1", {"missing"}),
    "missing_lang": ("html-lang", {"missing"}),
}


def _path(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def compare(site_dir: Path, result: dict) -> dict:
    truth = json.loads((site_dir / "_truth.json").read_text())
    pages = {_path(p["url"]): p for p in result["pages"]}
    report: dict = {}

    depth_wrong = {p: (d, pages.get(p, {}).get("depth")) for p, d in truth["depth"].items()
                   if pages.get(p, {}).get("depth") != d}
    report["click_depth"] = {"pages": len(truth["depth"]), "wrong": len(depth_wrong), "examples": dict(list(depth_wrong.items())[:5])}

    found_broken = {(_path(f["url"]), _path(f["data"]["target"])) for f in result["audits"]["broken-link"]["findings"]}
    expected_broken = {tuple(pair) for pair in truth["broken_links"]}
    report["broken_links"] = _score(expected_broken, found_broken)

    found_orphans = {_path(f["url"]) for f in result["audits"]["orphan-page"]["findings"]}
    report["orphans"] = _score(set(truth["orphans"]), found_orphans)

    defects = {name: set(paths) for name, paths in truth["defects"].items()}
    # The generator drops the <title> of a page planted with both defects: a page
    # with no title cannot share one, so it is expected under missing_title only.
    defects["duplicate_title"] = defects.get("duplicate_title", set()) - defects.get("missing_title", set())
    for defect, (audit_id, keys) in DEFECT_AUDITS.items():
        found = {_path(f["url"]) for f in result["audits"][audit_id]["findings"] if keys is None or f["message_key"] in keys}
        report[defect] = _score(defects.get(defect, set()), found)
    return report


def _score(expected: set, found: set) -> dict:
    hit = expected & found
    return {
        "expected": len(expected),
        "found": len(hit),
        "missed": sorted(map(str, expected - found))[:5],
        "false": sorted(map(str, found - expected))[:5],
        "false_count": len(found - expected),
        "recall": round(len(hit) / len(expected), 4) if expected else 1.0,
        "false_rate": round(len(found - expected) / max(len(found), 1), 4),
    }


def passes(report: dict) -> bool:
    if report["click_depth"]["wrong"]:
        return False
    for name, row in report.items():
        if name == "click_depth":
            continue
        exact = name in ("broken_links", "orphans")
        if row["recall"] < (1.0 if exact else 0.99) or row["false_rate"] > (0.0 if exact else 0.01):
            return False
    return True


def main() -> int:
    site_dir, out_dir = Path(sys.argv[1]), Path(sys.argv[2])
    result = json.loads((out_dir / "result.json").read_text())
    report = compare(site_dir, result)
    print(json.dumps(report, indent=1))
    ok = passes(report)
    print("accuracy:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
