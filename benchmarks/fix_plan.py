"""Time of the fix plan and of the whole HTML report on a large hand-built result.

    python benchmarks/fix_plan.py [--pages 20000] [--repeat 3]

Builds a result of --pages pages over 40 templates, with every registered audit
and a finding on every page for one audit in four, and times build_fixes and
html.render (in English and in Arabic). Each figure is the best of --repeat runs,
in CPU time of this process.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.audits import all_audits  # noqa: E402
from reports import html  # noqa: E402
from reports.fixes import build_fixes  # noqa: E402

BASE = "https://shop.example"


def result(n_pages: int) -> dict:
    pages = [{"url": f"{BASE}/t{i % 40}/p{i}.html", "status": 200, "is_html": True, "lang": "ar", "dir": "rtl",
              "title": f"صفحة {i}", "depth": 1 + i % 5, "inlinks": i % 17, "template": f"/t{i % 40}/* [ar/rtl]"}
             for i in range(n_pages)]
    audits = {}
    for n, audit in enumerate(all_audits()):
        meta = audit.meta.to_dict()
        findings = [{"url": p["url"], "message_key": next(iter(meta["messages"])), "data": {}}
                    for p in pages] if n % 4 == 0 else []
        audits[meta["id"]] = {**meta, "score": 0.5 if findings else 1.0, "applicable": n_pages,
                              "failing_pages": len(findings), "findings": findings, "errors": []}
    run = {"start_urls": [BASE + "/"], "site": BASE + "/", "settings": {}, "versions": {}, "timings": {}, "counts": {}}
    return {"run": run, "categories": {}, "audits": audits, "pages": pages}


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = result(args.pages)
    findings = sum(len(a["findings"]) for a in data["audits"].values())
    fixes = len(build_fixes(data))
    print(f"{args.pages} pages, {findings} findings, {fixes} fixes")
    print(f"build_fixes:        {best(lambda: build_fixes(data), args.repeat):.2f} s")
    print(f"html.render (en):   {best(lambda: html.render(data, 'en'), args.repeat):.2f} s")
    print(f"html.render (ar):   {best(lambda: html.render(data, 'ar'), args.repeat):.2f} s")


if __name__ == "__main__":
    main()
