"""Peak memory of a static audit (--render none) as the site grows.

    python benchmarks/memory.py [--sizes 10000 30000 100000] [--concurrency 16]

Generates each site with benchmarks/sitegen.py, serves it with nginx, audits it
and prints the peak RSS of the audit's processes (/usr/bin/time -v: the largest of the
audit process and its workers), its wall time, the pages it stored and the machine's
load average while it ran: memory should stay flat while the page count grows.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.crawl_throughput import free_port, static_server, timed  # noqa: E402
from benchmarks.sites import generate  # noqa: E402
from auditor.result import read_result  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000, 100_000])
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    print(f"{'pages':>8} {'stored URLs':>12} {'peak RSS MB':>12} {'wall s':>8} {'crawl s':>8} {'audit s':>8} {'load':>5}")
    for size in args.sizes:
        work = Path(tempfile.mkdtemp(prefix="bench-memory-"))
        work.chmod(0o755)
        site, out = work / "site", work / "out"
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        generate(site, size, base, "ar")
        with static_server(site, port):
            wall, rss, _ = timed([sys.executable, "-m", "auditor", "audit", f"{base}/index.html", "--out", str(out),
                                  "--render", "none", "--concurrency", str(args.concurrency)])
        result = read_result(out)  # its pages stay on disk: this process stays small too
        timings = result["run"]["timings"]
        load = os.getloadavg()[1]  # the last 5 minutes
        print(f"{size:>8} {len(result['pages']):>12} {rss:>12} {wall:>8.0f} {timings['crawl']:>8.0f} {timings['audit']:>8.0f}"
              f" {load:>5.1f}", flush=True)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
