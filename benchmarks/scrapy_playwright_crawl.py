"""Rendering while crawling: the auditor's `--js always` against scrapy-playwright.

    python benchmarks/scrapy_playwright_crawl.py [--pages 500]

scrapy-playwright (https://github.com/scrapy-plugins/scrapy-playwright) is Scrapy's own
download handler for Playwright: every request marked `playwright` is downloaded by the
browser. It is not a dependency of the auditor; install it to run this benchmark
(`pip install scrapy-playwright`).

On a generated shop whose category pages build their product links with scripts
(benchmarks/sitegen.py --js-links listing), served by nginx, same run:
1. a bare Scrapy spider on scrapy-playwright (4 pages at once, images, fonts and media
   aborted, links read from the rendered page, every page rendered);
2. `auditor audit --js always --render none`.
Printed: pages a visitor reaches that each found, rendered pages/s of the crawl, peak
memory of the process tree (PSS, the browser and Playwright's driver included).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.crawl_throughput import static_server  # noqa: E402
from benchmarks.js_crawl import audit, site, tree_memory_mb  # noqa: E402
from benchmarks.sites import ROOT  # noqa: E402

TABS = 4


def crawl_with_scrapy_playwright(start: str, out: str) -> None:
    """The bare spider (run in its own process, so its memory is measured alone)."""
    import scrapy
    from scrapy.crawler import CrawlerProcess

    from auditor.browser.chromium import LAUNCH_ARGS, find_chromium

    host = start.split("/")[2]
    seen: set[str] = set()

    class Shop(scrapy.Spider):
        name = "shop"

        async def start(self):
            yield scrapy.Request(start, meta={"playwright": True})

        def parse(self, response):
            seen.add(response.url)
            for href in response.css("a::attr(href)").getall():
                url = response.urljoin(href).split("#")[0]
                if url.split("/")[2:3] == [host]:
                    yield scrapy.Request(url, meta={"playwright": True})

    process = CrawlerProcess({
        "DOWNLOAD_HANDLERS": {"http": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler",
                              "https": "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"},
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": {"executable_path": find_chromium(), "args": list(LAUNCH_ARGS), "headless": True},
        "PLAYWRIGHT_ABORT_REQUEST": lambda request: request.resource_type in ("image", "font", "media"),
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": TABS,
        "CONCURRENT_REQUESTS": TABS,
        "ROBOTSTXT_OBEY": False,
        "LOG_LEVEL": "ERROR",
        "TELNETCONSOLE_ENABLED": False,
    })
    process.crawl(Shop)
    started = time.perf_counter()
    process.start()
    Path(out).write_text(json.dumps({"seconds": time.perf_counter() - started, "pages": sorted(seen)}))


def measured(command: list[str]) -> float:
    """Peak memory (PSS, MB) of a command's process tree, sampled every 0.2 s."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, tree_memory_mb(proc.pid))
        time.sleep(0.2)
    if proc.returncode:
        raise RuntimeError(f"{command} failed:\n{proc.stderr.read()[-2000:]}")
    return peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--spider", nargs=2, metavar=("START", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.spider:
        crawl_with_scrapy_playwright(*args.spider)
        return 0
    try:
        import scrapy_playwright  # noqa: F401
    except ImportError:
        sys.exit("scrapy-playwright is not installed: `pip install scrapy-playwright` to run this benchmark")

    work = Path(tempfile.mkdtemp(prefix="bench-spw-"))
    work.chmod(0o755)  # nginx workers run as an unprivileged user
    shop, base = site(work, "shop", args.pages, "listing")
    truth = json.loads((shop / "_truth.json").read_text(encoding="utf-8"))
    reached = {f"{base}/{path}" for path in truth["depth"]}
    with static_server(shop, int(base.rsplit(":", 1)[1])):
        spw_peak = measured([sys.executable, __file__, "--spider", f"{base}/index.html", str(work / "spw.json")])
        spw = json.loads((work / "spw.json").read_text())
        wall, peak, result = audit(base, work / "out-always", "--js", "always")
    crawl = result["run"]["timings"]["crawl"]
    rendered = sum(1 for p in result["pages"] if p.get("js", {}).get("rendered"))
    ours = {p["url"] for p in result["pages"] if p["status"] == 200}
    print(f"shop of {len(reached)} pages a visitor reaches:")
    print(f"  scrapy-playwright: {len(reached & set(spw['pages']))} reached, {len(spw['pages']) / spw['seconds']:.1f} "
          f"pages/s ({spw['seconds']:.1f} s), peak {spw_peak:.0f} MB")
    print(f"  auditor --js always: {len(reached & ours)} reached, crawl stage {rendered / crawl:.1f} rendered pages/s "
          f"({crawl:.1f} s; {wall:.1f} s end to end with audits and report), peak {peak:.0f} MB")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
