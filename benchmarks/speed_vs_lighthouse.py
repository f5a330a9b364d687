"""Lab metrics of the render stage against Lighthouse, page by page, on the same pages.

    mkdir -p /tmp/lh && (cd /tmp/lh && npm i -E lighthouse@12.2.3)
    python benchmarks/speed_vs_lighthouse.py --lighthouse /tmp/lh/node_modules/.bin/lighthouse [--profile mobile]
    (or set AUDITOR_LIGHTHOUSE to that path)

Serves the bundled example site on 127.0.0.1, measures 21 of its pages (the 16 its
default audit samples, and the heaviest of the others: the shop's listing, the café page
with its map...) with the auditor as its render stage does (same arguments: axe, the
right-to-left collector and the screenshot included; the browser started before the
pages are known, as the render stage starts it while the crawl runs) and with Lighthouse, both with the throttling applied in the
browser (`--throttling-method=devtools`), and with Lighthouse's default simulated
throttling for reference. Prints per page FCP, LCP, CLS, TBT and the wall time each
took, then the medians of the ratios and pages per minute, and the pace the throttled loads alone
would allow (they run one at a time, so their sum bounds it). `--serial` also measures the
pages one at a time (no untimed work beside a timed load), in the same run.
The auditor's pace is printed with and without its browser's start (Lighthouse starts
a browser for every page, and that start is in its wall time).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from auditor.browser.chromium import LAUNCH_ARGS, find_chromium  # noqa: E402
from auditor.browser.measure import EarlyBrowser, measure_pages  # noqa: E402
from auditor.browser.render import RenderOptions, measurement  # noqa: E402
from auditor.demo import serve_demo  # noqa: E402

INSTALL = "mkdir -p /tmp/lh && (cd /tmp/lh && npm i -E lighthouse@12.2.3)"

# What `--render sample` measures on the bundled site (the pages a run is made of), then heavier ones.
PAGES = ["/index.html", "/about.html", "/shipping.html", "/faq.html", "/blog/index.html", "/offers/founding-day.html",
         "/products/saudi-khawlani.html", "/products/espresso-machine.html", "/products/cold-brew-bottle.html",
         "/blog/v60-guide.html", "/blog/khawlani-coffee.html", "/blog/water-for-coffee.html",
         "/en/about.html", "/en/faq.html", "/en/contact.html", "/en/blog/ethiopia-origins.html",
         "/shop/index.html", "/products/house-espresso-blend.html", "/contact.html", "/cafe.html", "/en/index.html"]
BROWSER_START_S = 5  # the browser starts while the crawl runs; it is up well before the pages come
METRICS = {"fcp": "first-contentful-paint", "lcp": "largest-contentful-paint",
           "cls": "cumulative-layout-shift", "tbt": "total-blocking-time"}


def lighthouse(binary: str, url: str, profile: str, method: str) -> tuple[dict, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "lh.json"
        cmd = [binary, url, "--quiet", "--only-categories=performance", "--output=json", f"--output-path={out}",
               f"--throttling-method={method}", "--chrome-flags=--headless=new " + " ".join(LAUNCH_ARGS)]
        if profile == "desktop":
            cmd.append("--preset=desktop")
        started = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env={"CHROME_PATH": find_chromium(), "PATH": "/usr/bin:/bin"})
        wall = time.perf_counter() - started
        audits = json.loads(out.read_text())["audits"]
    return {k: audits[v].get("numericValue") for k, v in METRICS.items()}, wall


def _browser_start(how: dict) -> float:
    """Seconds to start the browser and open a first page, as a cold render stage would."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        started = time.perf_counter()
        browser = pw.chromium.launch(executable_path=find_chromium(how.get("executable_path")),
                                     args=list(LAUNCH_ARGS), headless=True)
        browser.new_context().new_page()
        took = time.perf_counter() - started
        browser.close()
    return took


def ratio(a, b):
    return a / b if a is not None and b else None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lighthouse", default=os.environ.get("AUDITOR_LIGHTHOUSE"),
                        help=f"path to the lighthouse CLI (default: $AUDITOR_LIGHTHOUSE); install: {INSTALL}")
    parser.add_argument("--profile", default="mobile", choices=["mobile", "desktop"])
    parser.add_argument("--serial", action="store_true", help="also measure one page at a time, for comparison")
    args = parser.parse_args()
    if not args.lighthouse or not os.access(args.lighthouse, os.X_OK):
        print(f"Lighthouse not found{f' at {args.lighthouse}' if args.lighthouse else ''}. Install it with\n"
              f"  {INSTALL}\nthen pass --lighthouse /tmp/lh/node_modules/.bin/lighthouse"
              " or set AUDITOR_LIGHTHOUSE to that path.", file=sys.stderr)
        return 2
    print(f"load average at start: {_load()}")
    how = measurement(RenderOptions(mode="all", profile=args.profile))
    rows = []
    with serve_demo() as base:
        urls = [base + p for p in PAGES]
        launched = time.perf_counter()
        browser = EarlyBrowser(**how)
        time.sleep(BROWSER_START_S)  # the crawl's time, in an audit
        started = time.perf_counter()
        ours = {r["url"]: r for r in browser.measure(urls)}
        ours_wall = time.perf_counter() - started
        cold_wall = ours_wall + _browser_start(how)
        if args.serial:
            started = time.perf_counter()
            serial = measure_pages(urls, **{**how, "concurrency": 1})
            serial_wall = time.perf_counter() - started
        for url in urls:
            devtools, dev_wall = lighthouse(args.lighthouse, url, args.profile, "devtools")
            simulated, _ = lighthouse(args.lighthouse, url, args.profile, "simulate")
            rows.append((url.removeprefix(base), ours[url]["metrics"], devtools, simulated, sum(ours[url].get("run_ms") or [0]) / 1000, dev_wall))

    print(f"profile {args.profile}; auditor: {len(urls)} pages in {ours_wall:.1f} s"
          " (axe, right-to-left collector and screenshot included)")
    header = f"{'page':<38}" + "".join(f"{m.upper() + ' ours/LH/sim':>24}" for m in METRICS) + f"{'wall ours/LH s':>16}"
    print(header)
    for path, mine, dev, sim, my_wall, lh_wall in rows:
        cells = "".join(f"{_fmt(mine.get(m))}/{_fmt(dev[m])}/{_fmt(sim[m]):>6}".rjust(24) for m in METRICS)
        print(f"{path:<38}{cells}{f'{my_wall:.1f}/{lh_wall:.1f}':>16}")
    for m in ("fcp", "lcp", "tbt"):
        ratios = [r for r in (ratio(mine.get(m), dev[m]) for _, mine, dev, *_ in rows) if r is not None]
        if ratios:
            print(f"median {m.upper()} ours / Lighthouse devtools: {statistics.median(ratios):.2f}")
    cls_diff = [abs((mine.get("cls") or 0) - (dev["cls"] or 0)) for _, mine, dev, *_ in rows]
    print(f"median |CLS ours - Lighthouse devtools|: {statistics.median(cls_diff):.3f}")
    lh_per_min = 60 * len(rows) / sum(r[5] for r in rows)
    ours_per_min = 60 * len(rows) / ours_wall
    print(f"pages per minute: auditor {ours_per_min:.1f}, Lighthouse devtools {lh_per_min:.1f} ({ours_per_min / lh_per_min:.1f}x)")
    cold_per_min = 60 * len(rows) / cold_wall
    print(f"counting the auditor's browser start too ({cold_wall - ours_wall:.1f} s): {cold_per_min:.1f} pages per minute"
          f" ({cold_per_min / lh_per_min:.1f}x)")
    # The throttled loads run one after another (each from its start to the moment the
    # next may start): their sum bounds the pace whatever the rest of the work costs.
    loads = sum(w["handed_over"] - w["start"] for r in ours.values() for w in r.get("timed_windows") or [] if w)
    print(f"throttled loads alone: {loads:.1f} s of the {ours_wall:.1f} s; with nothing else on the clock"
          f" {60 * len(rows) / loads:.1f} pages per minute ({60 * len(rows) / loads / lh_per_min:.1f}x)")
    if args.serial:
        serial_per_min = 60 * len(rows) / serial_wall
        fcp = statistics.median(r["metrics"]["fcp"] for r in serial if r["metrics"].get("fcp"))
        print(f"one page at a time: {serial_per_min:.1f} pages per minute ({serial_per_min / lh_per_min:.1f}x),"
              f" median FCP {fcp:.0f} ms (render stage's: {statistics.median(r[1]['fcp'] for r in rows):.0f} ms)")
    print(f"load average at end: {_load()}")
    return 0


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


def _fmt(value) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if value < 1 else f"{value:.0f}"


if __name__ == "__main__":
    raise SystemExit(main())
