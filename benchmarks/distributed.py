"""A crawl spread over processes: pages/s with 1 crawling process against 2 (and 3).

    python benchmarks/distributed.py [--pages 2000] [--concurrency 16] [--processes 1,2,3]

Generates a site, serves it with nginx (as benchmarks/crawl_throughput.py does), starts
a throw-away Redis and PostgreSQL, then for each count N runs `auditor audit --frontier
--store` plus N-1 `auditor worker` processes on this machine and prints the crawl
stage's pages/s (URLs stored / crawl seconds of the audit process) and end-to-end pages/s.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.crawl_throughput import free_port, static_server  # noqa: E402
from benchmarks.sites import ROOT, generate  # noqa: E402
from tests.services import postgres_server, redis_server  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "1"}


def run(processes: int, base: str, frontier: str, store: str, out: Path, concurrency: int) -> tuple[int, float, float]:
    """(URLs, crawl seconds, end-to-end seconds) of one audit crawled by `processes` processes."""
    workers = [subprocess.Popen([sys.executable, "-m", "auditor", "worker", "--frontier", frontier, "--store", store],
                                cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
               for _ in range(processes - 1)]
    time.sleep(3 if workers else 0)  # let the workers start up and wait for the run
    started = time.perf_counter()
    audit = subprocess.run([sys.executable, "-m", "auditor", "audit", f"{base}/index.html", "--out", str(out),
                            "--render", "none", "--concurrency", str(concurrency), "--frontier", frontier, "--store", store],
                           cwd=ROOT, env=ENV, capture_output=True, text=True)
    wall = time.perf_counter() - started
    for worker in workers:
        _, stderr = worker.communicate(timeout=120)
        if worker.returncode != 0:
            raise RuntimeError(f"worker failed:\n{stderr[-2000:]}")
    if audit.returncode != 0:
        raise RuntimeError(f"audit failed:\n{audit.stderr[-2000:]}")
    result = json.loads((out / "result.json").read_text())
    return len(result["pages"]), result["run"]["timings"]["crawl"], wall


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--processes", default="1,2", help="crawling process counts to compare (default 1,2)")
    parser.add_argument("--lang", default="ar")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-distributed-") as tmp:  # the site and its results go with it
        return measure(args, Path(tmp))


def measure(args, work: Path) -> int:
    work.chmod(0o755)  # nginx workers run as an unprivileged user
    site = work / "site"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    generate(site, args.pages, base, args.lang)
    print(f"site: {len(list(site.rglob('*.html')))} HTML files at {base}; {os.cpu_count()} CPUs; concurrency {args.concurrency} per process")
    with static_server(site, port) as server, redis_server() as frontier, postgres_server() as store:
        print(f"served by {server}; frontier {frontier}; store PostgreSQL")
        rates = {}
        for n in (int(x) for x in args.processes.split(",")):
            urls, crawl_s, wall = run(n, base, frontier, store, work / f"out-{n}", args.concurrency)
            rates[n] = urls / crawl_s
            print(f"{n} crawling process{'es' if n > 1 else ''} (audit + {n - 1} worker{'s' if n != 2 else ''}): "
                  f"{urls} URLs, crawl {crawl_s:.1f} s = {urls / crawl_s:.0f} pages/s; end to end {wall:.1f} s = {urls / wall:.0f} pages/s")
        first = min(rates)
        for n, rate in rates.items():
            if n != first:
                print(f"speed-up {n} vs {first}: {rate / rates[first]:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
