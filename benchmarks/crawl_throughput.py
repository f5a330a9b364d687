"""Crawl throughput and memory: the auditor (--render none) against a bare Scrapy spider.

    python benchmarks/crawl_throughput.py [--pages 2000] [--concurrency 16] [--runs 1]

Generates a site with benchmarks/sitegen.py, serves it with nginx (a static
server fast enough that the figure measures the crawler; falls back to Python's
http.server with a warning), then runs both crawlers on it in the same run and
prints pages/s, the ratio and peak RSS of each process tree (/usr/bin/time -v).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.accuracy import compare, passes  # noqa: E402
from benchmarks.sites import ROOT, generate  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def static_server(root: Path, port: int):
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    tmp = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    if nginx:
        conf = tmp / "nginx.conf"
        conf.write_text(f"""
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  include /etc/nginx/mime.types;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy; fastcgi_temp_path {tmp}/fcgi;
  uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  server {{ listen 127.0.0.1:{port}; root {root}; }}
}}
""")
        proc = subprocess.Popen([nginx, "-c", str(conf), "-g", "daemon off;"], stderr=subprocess.DEVNULL)
        server = "nginx"
    else:
        print("warning: nginx not found (apt-get install nginx); Python's http.server will be the bottleneck")
        proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                                 "--directory", str(root)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        server = "http.server"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    try:
        yield server
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)


def timed(cmd: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in MB of the process (and children), stdout; the CPU
    seconds of the process and its children (worker processes included) are in
    `timed.cpu`: on a loaded machine they compare better than wall time."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "1"}
    started = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{cmd} failed:\n{proc.stderr[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1)) // 1024
    timed.cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", proc.stderr).group(1)) for kind in ("User", "System"))
    return wall, rss, proc.stdout


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--lang", default="ar")
    args = parser.parse_args()
    if not Path("/usr/bin/time").exists():
        print("needs /usr/bin/time (apt-get install time)")
        return 2

    work = Path(tempfile.mkdtemp(prefix="bench-crawl-"))
    work.chmod(0o755)  # nginx workers run as an unprivileged user
    site, out = work / "site", work / "out"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    generate(site, args.pages, base, args.lang)
    pages = len(list(site.rglob("*.html")))
    with static_server(site, port) as server:
        print(f"site: {pages} HTML files, served by {server} at {base}, concurrency {args.concurrency}")
        rows = []
        for run in range(args.runs):
            bare_s, bare_rss, bare_out = timed([sys.executable, "benchmarks/bare_spider.py", f"{base}/index.html", str(args.concurrency)])
            bare_pages = int(bare_out.split()[-1])
            bare_cpu = timed.cpu
            audit_s, audit_rss, _ = timed([sys.executable, "-m", "auditor", "audit", f"{base}/index.html", "--out", str(out),
                                           "--render", "none", "--concurrency", str(args.concurrency)])
            audit_cpu = timed.cpu
            result = json.loads((out / "result.json").read_text())
            timings = result["run"]["timings"]
            accuracy = compare(site, result)
            print(f"accuracy against _truth.json: {'PASS' if passes(accuracy) else 'FAIL'}; "
                  f"click depth wrong on {accuracy['click_depth']['wrong']} of {accuracy['click_depth']['pages']} pages; "
                  + "; ".join(f"{k} {v['found']}/{v['expected']} found, {v['false_count']} false"
                             for k, v in accuracy.items() if k != "click_depth"))
            readability = result["run"].get("readability_seconds", 0)
            print(f"readability: {readability:.1f} s, {100 * readability / audit_s:.1f}% of the whole static audit's {audit_s:.1f} s")
            audit_pages = len(result["pages"])
            rows.append((bare_pages / bare_s, audit_pages / audit_s, audit_pages / timings["crawl"],
                         (bare_cpu / bare_pages) / (audit_cpu / audit_pages)))
            print(f"run {run + 1}: bare scrapy {bare_pages} pages in {bare_s:.1f} s ({bare_pages / bare_s:.0f} pages/s, peak {bare_rss} MB); "
                  f"auditor {audit_pages} URLs in {audit_s:.1f} s ({audit_pages / audit_s:.0f} pages/s end to end, "
                  f"crawl stage {timings['crawl']} s, audit {timings['audit']} s, "
                  f"the rest (start-up, click depth, result and report) {audit_s - timings['crawl'] - timings['audit']:.1f} s, "
                  f"peak {audit_rss} MB); CPU seconds: bare {bare_cpu:.1f}, auditor {audit_cpu:.1f} "
                  f"(ratio of pages per CPU second {rows[-1][3]:.2f}); load {os.getloadavg()[0]:.1f}")
    bare = sorted(r[0] for r in rows)[len(rows) // 2]
    whole = sorted(r[1] for r in rows)[len(rows) // 2]
    crawl = sorted(r[2] for r in rows)[len(rows) // 2]
    cpu = sorted(r[3] for r in rows)[len(rows) // 2]
    print(f"median: bare {bare:.0f} pages/s; auditor {whole:.0f} pages/s end to end "
          f"(ratio {whole / bare:.2f}), crawl stage {crawl:.0f} pages/s (ratio {crawl / bare:.2f}); "
          f"pages per CPU second, auditor to bare: {cpu:.2f}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
