"""A crawl spread over processes when one of them dies or is stopped: what it costs, what is lost.

    python benchmarks/distributed_failures.py [--pages 2000] [--kill-at 0.3]

Generates a site, serves it on 127.0.0.1 (logging every request), starts a throw-away
Redis and PostgreSQL, audits it on one machine for reference, then runs `auditor audit
--frontier --store` plus one `auditor worker` and, once `--kill-at` of the reference's
URLs are stored:

- worker SIGKILL: kills the worker; the audit carries on alone;
- audit SIGKILL: kills the audit process, then `auditor audit --resume DIR`;
- audit SIGINT: stops the audit process (Ctrl-C), then `auditor audit --resume DIR`.

For each it prints the time to stop (signal to exit), the seconds until the dead process's
leases were back in the queue, the pages fetched more than once (re-done), the URLs missing
from the result and the findings that differ from the one-machine run's.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg  # noqa: E402
import redis  # noqa: E402

from benchmarks.sites import ROOT, generate  # noqa: E402
from tests.server import serve  # noqa: E402
from tests.services import postgres_server, redis_server  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "1"}


def auditor(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "auditor", *args], cwd=ROOT, env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def identity(out: Path, base: str) -> tuple[set, set]:
    result = json.loads((out / "result.json").read_text(encoding="utf-8"))
    pages = {(p["url"].removeprefix(base), p["status"], p["depth"]) for p in result["pages"]}
    findings = {(audit_id, f["url"].removeprefix(base), f["message_key"])
                for audit_id, audit in result["audits"].items() for f in audit["findings"]}
    return pages, findings


def stored(store: str) -> int:
    with psycopg.connect(store) as conn:
        try:
            return conn.execute("SELECT COUNT(*) FROM pages").fetchone()[0]
        except psycopg.errors.UndefinedTable:
            return 0


def wait_to_kill(server: redis.Redis, store: str, pid: int, pages: int) -> None:
    """Until `pages` pages are stored while process `pid` holds leased requests."""
    while stored(store) < pages or next(server.scan_iter(f"auditor:lease:*:{pid}:*"), None) is None:
        time.sleep(0.02)


def case(name: str, victim: str, sig: int, base: str, frontier: str, store: str, out: Path, log: list,
         reference: tuple[set, set], kill_at: int) -> None:
    server = redis.Redis.from_url(frontier)
    log.clear()
    worker = auditor("worker", "--frontier", frontier, "--store", store, "--wait", "300")
    audit = auditor("audit", "--render", "none", f"{base}/index.html", "--out", str(out), "--concurrency", "4",
                    "--frontier", frontier, "--store", store)
    started = time.perf_counter()
    target = worker if victim == "worker" else audit
    wait_to_kill(server, store, target.pid, kill_at)
    signalled = time.perf_counter()
    target.send_signal(sig)
    target.wait(timeout=120)
    stop_s = time.perf_counter() - signalled
    lease = f"auditor:lease:*:{target.pid}:*"
    while next(server.scan_iter(lease), None) is not None and time.perf_counter() - signalled < 60:
        time.sleep(0.05)
    back_s = time.perf_counter() - signalled
    if victim == "audit":
        resume = auditor("audit", "--resume", str(out))
        _, stderr = resume.communicate(timeout=600)
        assert resume.returncode == 0, stderr
    else:
        _, stderr = audit.communicate(timeout=600)
        assert audit.returncode == 0, stderr
    worker.communicate(timeout=120)
    total_s = time.perf_counter() - started
    gets = Counter(path for method, path in log if method == "GET" and path != "/robots.txt")
    redone = sum(n - 1 for n in gets.values() if n > 1)
    pages, findings = identity(out, base)
    run = json.loads((out / "result.json").read_text(encoding="utf-8"))["run"]
    missing = len({p[0] for p in reference[0]} - {p[0] for p in pages})
    print(f"{name:<16} exit {target.returncode:>4}  stop {stop_s:5.2f} s  leases back {back_s:5.2f} s  "
          f"total {total_s:6.1f} s  re-done {redone:>4}  missing {missing:>4}  "
          f"pages differing {len(pages ^ reference[0]):>4}  findings differing {len(findings ^ reference[1]):>4}  "
          f"complete {run['complete']}  re-leased {run['distributed']['re_leased']}  "
          f"processes {len(run['distributed']['processes'])}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--kill-at", type=float, default=0.3, help="share of the URLs stored when the signal is sent")
    parser.add_argument("--lang", default="ar")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-failures-") as tmp:  # the site and its results go with it
        return measure(args, Path(tmp))


def measure(args, work: Path) -> int:
    site = work / "site"
    site.mkdir()
    with serve(site) as (base, log), redis_server() as frontier, postgres_server() as store:
        generate(site, args.pages, base, args.lang)
        started = time.perf_counter()
        one = auditor("audit", "--render", "none", f"{base}/index.html", "--out", str(work / "one"), "--concurrency", "4")
        _, stderr = one.communicate(timeout=900)
        assert one.returncode == 0, stderr
        reference = identity(work / "one", base)
        print(f"site: {args.pages} pages generated; one machine: {len(reference[0])} URLs, "
              f"{len(reference[1])} findings in {time.perf_counter() - started:.1f} s")
        kill_at = int(len(reference[0]) * args.kill_at)
        for name, victim, sig in (("worker SIGKILL", "worker", signal.SIGKILL), ("audit SIGKILL", "audit", signal.SIGKILL),
                                  ("audit SIGINT", "audit", signal.SIGINT)):
            case(name, victim, sig, base, frontier, store, work / name.replace(" ", "-"), log, reference, kill_at)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
