"""Crawling with scripts (--js): speed against a bare Playwright loader, the cost of
--js auto on a site without script-built links, and peak memory with the browser.

    python benchmarks/js_crawl.py [--pages 500] [--memory-pages 2000] [--skip-memory]

1. A generated shop whose category pages build their product links from inline JSON
   (benchmarks/sitegen.py --js-links listing), served by nginx. A bare loader (Playwright,
   4 tabs, images, fonts and media blocked, reads the links after `load`) loads every page
   a visitor reaches; then `auditor audit --js always --render none`. Pages/s of each and
   the ratio (crawl stage against the bare loader); click depth and the pages js-only-links
   names against the generator's known answers.
2. The same generator without script-built links: `--js auto` against `--js never`, wall
   time end to end, same run.
3. `--js always` on a bigger shop: peak memory of the whole process tree (the audit,
   Chromium and its children; PSS, so shared pages count once), sampled every 0.2 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.crawl_throughput import free_port, static_server  # noqa: E402
from benchmarks.sites import ROOT, generate  # noqa: E402
from auditor.browser.chromium import LAUNCH_ARGS, find_chromium  # noqa: E402

TABS = 4
PEAKS: list[dict[str, float]] = []  # each audit's memory by kind of process at its peak


async def bare_loader(urls: list[str]) -> float:
    """Seconds for a bare Playwright loader to load every URL and read its links."""
    from playwright.async_api import async_playwright

    queue: asyncio.Queue = asyncio.Queue()
    for url in urls:
        queue.put_nowait(url)

    async def block(route):
        if route.request.resource_type in ("image", "font", "media"):
            await route.abort()
        else:
            await route.continue_()

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=find_chromium(), args=list(LAUNCH_ARGS))
        started = time.perf_counter()

        async def tab():
            context = await browser.new_context()
            await context.route("**/*", block)
            page = await context.new_page()
            while not queue.empty():
                url = queue.get_nowait()
                await page.goto(url, wait_until="load")
                await page.evaluate("() => Array.from(document.links, a => a.href)")
            await context.close()

        await asyncio.gather(*(tab() for _ in range(TABS)))
        seconds = time.perf_counter() - started
        await browser.close()
    return seconds


def tree_memory_mb(pid: int) -> float:
    """Proportional set size (PSS) of a process and all its descendants, in MB: memory
    shared between Chromium's processes is counted once, not once per process."""
    return sum(tree_memory_by_kind(pid).values())


def tree_memory_by_kind(pid: int) -> dict[str, float]:
    """PSS in MB of a process and its descendants, summed by kind of process (`kind`)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    totals: dict[str, float] = {}
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            pss = int(next(l for l in rollup.splitlines() if l.startswith("Pss:")).split()[1]) / 1024
            name = "audit" if current == pid else kind(Path(f"/proc/{current}/cmdline").read_bytes())
        except (OSError, StopIteration):
            pss, name = 0, ""
        if pss:
            totals[name] = totals.get(name, 0) + pss
        todo += children.get(current, [])
    return totals


def kind(cmdline: bytes) -> str:
    """What a process of the audit's tree is: a Chromium process by its --type (renderer,
    zygote, a utility's service), Chromium's browser process, Playwright's driver, or
    another Python process (the crawl's extraction worker)."""
    words = [w.decode(errors="replace") for w in cmdline.split(b"\0") if w]
    if len(words) == 1:  # Chromium's children rewrite their command line as one string
        words = words[0].split(" ")
    program = Path(words[0]).name if words else "?"
    if program.startswith(("chrom", "chrome")):
        switches = dict(w[2:].partition("=")[::2] for w in words if w.startswith("--"))
        sub = switches.get("utility-sub-type", "").rsplit(".", 1)[-1]
        return "chromium " + (sub or switches.get("type", "browser"))
    if program == "node" or "run-driver" in words:
        return "playwright driver"
    return "python worker" if program.startswith("python") else program


def audit(base: str, out: Path, *options: str) -> tuple[float, float, dict]:
    """Wall seconds, peak memory of the process tree in MB (PSS), result.json."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "1"}
    command = [sys.executable, "-m", "auditor", "audit", f"{base}/index.html", "--out", str(out), "--render", "none",
               "--quiet", *options]
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak, at_peak = 0.0, {}
    while proc.poll() is None:
        by_kind = tree_memory_by_kind(proc.pid)
        if sum(by_kind.values()) > peak:
            peak, at_peak = sum(by_kind.values()), by_kind
        time.sleep(0.2)
    PEAKS.append(at_peak)
    wall = time.perf_counter() - started
    if proc.returncode:
        raise RuntimeError(f"{command} failed:\n{proc.stderr.read()[-2000:]}")
    return wall, peak, json.loads((out / "result.json").read_text(encoding="utf-8"))


def breakdown(by_kind: dict[str, float]) -> str:
    return ", ".join(f"{name} {mb:.0f}" for name, mb in sorted(by_kind.items(), key=lambda item: -item[1]))


def site(work: Path, name: str, pages: int, js_links: str | None) -> tuple[Path, str]:
    root = work / name
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    generate(root, pages, base, "ar", js_links)
    return root, base


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--memory-pages", type=int, default=2000)
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-js-"))
    work.chmod(0o755)  # nginx workers run as an unprivileged user

    shop, base = site(work, "shop", args.pages, "listing")
    truth = json.loads((shop / "_truth.json").read_text(encoding="utf-8"))
    urls = [f"{base}/{path}" for path in truth["depth"]]
    with static_server(shop, int(base.rsplit(":", 1)[1])) as server:
        bare = asyncio.run(bare_loader(urls))
        wall, peak, result = audit(base, work / "out-always", "--js", "always")
    crawl = result["run"]["timings"]["crawl"]
    stored = sum(1 for p in result["pages"] if p.get("js", {}).get("rendered"))
    depth_ok = sum(1 for p in result["pages"] if p["url"].removeprefix(base + "/") in truth["depth"]
                   and p["depth"] == truth["depth"][p["url"].removeprefix(base + "/")])
    named = {f["url"].removeprefix(base + "/") for f in result["audits"]["js-only-links"]["findings"]}
    scripted = set(truth["js_link_pages"])
    print(f"1. shop of {len(urls)} pages a visitor reaches ({server}): bare loader {len(urls) / bare:.1f} pages/s "
          f"({bare:.1f} s); --js always crawl stage {stored / crawl:.1f} rendered pages/s ({crawl:.1f} s, "
          f"{wall:.1f} s end to end, peak {peak:.0f} MB with the browser); ratio {stored / crawl / (len(urls) / bare):.2f}; "
          f"click depth right on {depth_ok} of {len(truth['depth'])} pages; js-only-links names {len(named & scripted)} "
          f"of the {len(scripted)} pages with script-built links and {len(named - scripted)} other pages; "
          f"at the peak: {breakdown(PEAKS[0])}")

    plain, base = site(work, "plain", args.pages, None)
    with static_server(plain, int(base.rsplit(":", 1)[1])):
        never, _, _ = audit(base, work / "out-never", "--js", "never")
        auto, _, result = audit(base, work / "out-auto", "--js", "auto")
    print(f"2. site without script-built links: --js never {never:.1f} s, --js auto {auto:.1f} s "
          f"(+{100 * (auto / never - 1):.0f}%, {result['run']['js']['rendered']} pages rendered)")

    if not args.skip_memory:
        big, base = site(work, "big", args.memory_pages, "listing")
        with static_server(big, int(base.rsplit(":", 1)[1])):
            wall, peak, result = audit(base, work / "out-big", "--js", "always")
        print(f"3. --js always on {len(result['pages'])} URLs: peak {peak:.0f} MB (process tree, browser included), "
              f"{wall:.0f} s; at the peak: {breakdown(PEAKS[-1])}")
    print(f"load average {' '.join(f'{v:.1f}' for v in os.getloadavg())}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
