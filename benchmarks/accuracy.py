"""Compare an audit's result.json with a generated site's _truth.json.

    python benchmarks/accuracy.py SITE_DIR OUT_DIR

The crawl may start from the site's folder address (`/`) or from `/index.html`: a folder
address is its index.html, as the server answers it. Prints, per planted defect, what was found, missed and falsely reported, and
exits 1 when any figure misses the bar (click depth exact, every broken link and
orphan found, each planted defect found at >= 99% with <= 1% false findings).
"""

from __future__ import annotations

import argparse
import json
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
    path = urlsplit(url).path.lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def compare(site_dir: Path, result: dict) -> dict:
    truth = json.loads((site_dir / "_truth.json").read_text())
    pages: dict[str, dict] = {}
    for page in result["pages"]:  # a page reached at two addresses (/ and /index.html): its shallowest
        known = pages.get(_path(page["url"]))
        if known is None or (page.get("depth") is not None and (known.get("depth") is None or page["depth"] < known["depth"])):
            pages[_path(page["url"])] = page
    paths_of_title: dict[str, set[str]] = {}
    for page in result["pages"]:
        paths_of_title.setdefault(page.get("title"), set()).add(_path(page["url"]))
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
        if defect == "duplicate_title":  # a title shared only by two addresses of one page is not a planted duplicate
            found = {path for path in found if len(paths_of_title.get(pages.get(path, {}).get("title"), ())) > 1}
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
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site_dir", metavar="SITE_DIR", type=Path, help="the generated site (holds _truth.json)")
    parser.add_argument("out_dir", metavar="OUT_DIR", type=Path, help="the audit's output folder (holds result.json)")
    args = parser.parse_args()
    result = json.loads((args.out_dir / "result.json").read_text())
    report = compare(args.site_dir, result)
    print(json.dumps(report, indent=1))
    ok = passes(report)
    print("accuracy:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
