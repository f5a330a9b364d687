"""A crawl spread over processes: the audit process and two workers share one frontier in
Redis and one PostgreSQL store. Every page is fetched once, robots.txt is obeyed by every
process, and the result equals a single-machine run's."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter

import psycopg
import pytest
import redis

from benchmarks.sites import generate
from tests.e2e.cli import ROOT, load_result, run_cli
from tests.server import serve
from tests.services import postgres_url, redis_url  # noqa: F401  (fixtures)

pytestmark = pytest.mark.e2e
PAGES = 300


def start_worker(frontier: str, store: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "1"}
    return subprocess.Popen([sys.executable, "-m", "auditor", "worker", "--frontier", frontier, "--store", store, "--wait", "120"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def identity(result: dict, base: str) -> tuple[set, set]:
    pages = {(p["url"].removeprefix(base), p["status"], p["depth"]) for p in result["pages"]}
    findings = {(audit_id, f["url"].removeprefix(base), f["message_key"])
                for audit_id, audit in result["audits"].items() for f in audit["findings"]}
    return pages, findings


def add_private_links(root) -> int:
    """Link every page to its own URL under /private/, which robots.txt disallows: about
    as many such URLs as pages, so each process meets some."""
    count = 0
    for page in root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if "</body>" in html:
            link = f'<a href="/private/{page.relative_to(root).as_posix()}">private</a></body>'
            page.write_text(html.replace("</body>", link, 1), encoding="utf-8")
            count += 1
    return count


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    with serve(root) as (base, requests):
        generate(root, PAGES, base, lang="ar")
        private = add_private_links(root)
        out = tmp_path_factory.mktemp("one-machine")
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(out), "--concurrency", "4")
        assert proc.returncode == 0, proc.stderr
        requests.clear()
        one_machine = load_result(out)
        yield base, requests, private, identity(one_machine, base), one_machine["run"]["counts"]


def test_two_workers_and_the_audit_process_fetch_each_page_once_with_a_single_machine_result(
        redis_url, postgres_url, site, tmp_path):  # noqa: F811  (servers first: a missing one skips at once)
    base, requests, private, one_machine, one_machine_counts = site
    requests.clear()
    workers = [start_worker(redis_url, postgres_url) for _ in range(2)]
    audit = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(tmp_path), "--concurrency", "4",
                    "--frontier", redis_url, "--store", postgres_url)
    outputs = [w.communicate(timeout=60) for w in workers]
    assert audit.returncode == 0, audit.stderr
    for worker, (stdout, stderr) in zip(workers, outputs):
        assert worker.returncode == 0, stderr
        # each worker took part: it fetched pages itself
        assert int(re.search(r"Crawled (\d+) URLs", stdout).group(1)) > 0, stdout

    gets = Counter(path for method, path in requests if method == "GET")
    fetched_twice = {path: n for path, n in gets.items() if n > 1 and path != "/robots.txt"}
    # the start page once more, by the probe asking for it in Arabic (spiders/locale_probe.py)
    assert fetched_twice == {"/index.html": 2}
    result = load_result(tmp_path)
    pages, findings = identity(result, base)
    html_pages = {url for url, status, _ in pages if status == 200 and url.endswith(".html")}
    assert len(html_pages) >= PAGES
    assert {url for url in html_pages if gets[url] != fetched_twice.get(url, 1)} == set()
    # robots.txt obeyed everywhere: no /private/ URL was requested, each is recorded as disallowed
    assert [path for path in gets if path.startswith("/private/")] == [], (audit.stderr, [o[1] for o in outputs])
    assert len([url for url, _, _ in pages if url.startswith("/private/")]) == private
    assert (pages, findings) == one_machine
    assert result["run"]["counts"] == one_machine_counts  # totals over every machine
    assert not (tmp_path / "run.sqlite").exists()  # the records went to PostgreSQL


def test_a_worker_with_no_run_to_join_says_so(redis_url, postgres_url):  # noqa: F811
    proc = run_cli("worker", "--frontier", redis_url, "--store", postgres_url, "--wait", "0.5", timeout=60)
    assert proc.returncode == 2
    assert f"no run started on {redis_url} within 0.5 s" in proc.stderr


def test_frontier_without_a_shared_store_is_a_usage_error(redis_url, tmp_path):  # noqa: F811
    proc = run_cli("audit", "http://127.0.0.1:9/", "--out", str(tmp_path), "--frontier", redis_url, timeout=60)
    assert proc.returncode == 2
    assert "--frontier needs --store postgresql://" in proc.stderr


def start_audit(base: str, out, frontier: str, store: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "1"}
    return subprocess.Popen([sys.executable, "-m", "auditor", "audit", "--render", "none", f"{base}/index.html",
                             "--out", str(out), "--concurrency", "4", "--frontier", frontier, "--store", store],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def pages_stored(store: str) -> int:
    with psycopg.connect(store) as conn:
        try:
            return conn.execute("SELECT COUNT(*) FROM pages").fetchone()[0]
        except psycopg.errors.UndefinedTable:  # the run has not created its tables yet
            return 0


def kill_mid_crawl(frontier: str, store: str, proc: subprocess.Popen, signum: int = signal.SIGKILL, pages: int = 80) -> None:
    """Send `signum` to `proc` mid-crawl: once the run has stored `pages` pages, while `proc` holds requests."""
    server = redis.Redis.from_url(frontier)
    deadline = time.monotonic() + 120
    while pages_stored(store) < pages or next(server.scan_iter(f"auditor:lease:*:{proc.pid}:*"), None) is None:
        assert proc.poll() is None and time.monotonic() < deadline, "the crawl never got going"
        time.sleep(0.02)
    proc.send_signal(signum)
    proc.wait(timeout=30)


def test_a_worker_killed_mid_crawl_loses_no_page(redis_url, postgres_url, site, tmp_path):  # noqa: F811
    base, requests, _private, one_machine, one_machine_counts = site
    requests.clear()
    worker = start_worker(redis_url, postgres_url)
    audit = start_audit(base, tmp_path, redis_url, postgres_url)
    kill_mid_crawl(redis_url, postgres_url, worker)
    _, stderr = audit.communicate(timeout=180)
    assert audit.returncode == 0, stderr

    result = load_result(tmp_path)
    assert identity(result, base) == one_machine
    assert result["run"]["counts"] == one_machine_counts
    assert (result["run"]["complete"], result["run"]["incomplete_reason"], result["run"]["unreached"]) == (True, None, 0)
    # the dead worker's requests went back to the queue, and the record names both processes
    took_part = result["run"]["distributed"]
    assert took_part["re_leased"] >= 1
    assert {p["process"].split(":")[1] for p in took_part["processes"]} == {str(worker.pid), str(audit.pid)}


def test_a_coordinator_killed_mid_crawl_resumes_with_the_worker_still_waiting(
        redis_url, postgres_url, site, tmp_path):  # noqa: F811
    base, requests, _private, one_machine, one_machine_counts = site
    requests.clear()
    worker = start_worker(redis_url, postgres_url)
    audit = start_audit(base, tmp_path, redis_url, postgres_url)
    kill_mid_crawl(redis_url, postgres_url, audit)
    assert worker.poll() is None  # the run is not over for the worker: it waits for it to end

    resumed = run_cli("audit", "--resume", str(tmp_path), timeout=180)
    stdout, stderr = worker.communicate(timeout=60)
    assert resumed.returncode == 0, resumed.stderr
    assert worker.returncode == 0, stderr
    assert "the run is done" in stdout

    result = load_result(tmp_path)
    assert identity(result, base) == one_machine
    assert result["run"]["counts"] == one_machine_counts
    assert result["run"]["complete"] is True
    took_part = {p["process"].split(":")[1] for p in result["run"]["distributed"]["processes"]}
    assert {str(audit.pid), str(worker.pid)} <= took_part and len(took_part) == 3  # the resumed audit too


def test_a_stopped_coordinator_stops_its_workers_and_a_resume_takes_in_a_waiting_worker(
        redis_url, postgres_url, site, tmp_path):  # noqa: F811
    base, requests, _private, one_machine, _ = site
    requests.clear()
    first = start_worker(redis_url, postgres_url)
    audit = start_audit(base, tmp_path, redis_url, postgres_url)
    kill_mid_crawl(redis_url, postgres_url, audit, signal.SIGINT)
    assert audit.returncode == 130, audit.stderr.read()
    stdout, stderr = first.communicate(timeout=60)
    assert first.returncode == 0, stderr
    assert "the run was stopped" in stdout

    waiting = start_worker(redis_url, postgres_url)  # started between the stop and the resume
    resumed = run_cli("audit", "--resume", str(tmp_path), timeout=180)
    stdout, stderr = waiting.communicate(timeout=60)
    assert resumed.returncode == 0, resumed.stderr
    assert waiting.returncode == 0 and "the run is done" in stdout, stderr
    result = load_result(tmp_path)
    assert identity(result, base) == one_machine
    took_part = {p["process"].split(":")[1] for p in result["run"]["distributed"]["processes"]}
    assert {str(audit.pid), str(first.pid), str(waiting.pid)} <= took_part


def test_requests_lost_from_the_queue_are_found_by_the_sweep(redis_url, postgres_url, site, tmp_path):  # noqa: F811
    """Requests that vanish from the queue (no lease covers them) are fetched anyway: before the run
    ends, every discovered URL the store holds no outcome for is queued again."""
    base, requests, _private, one_machine, _ = site
    requests.clear()
    audit = start_audit(base, tmp_path, redis_url, postgres_url)
    server = redis.Redis.from_url(redis_url)
    deadline = time.monotonic() + 120
    while server.zcard("auditor:requests") < 40:
        assert audit.poll() is None and time.monotonic() < deadline, "the queue never filled"
        time.sleep(0.02)
    lost = server.zpopmax("auditor:requests", 20)  # the lowest-priority requests, gone without a trace
    _, stderr = audit.communicate(timeout=180)
    assert audit.returncode == 0, stderr
    assert len(lost) == 20
    result = load_result(tmp_path)
    assert identity(result, base) == one_machine
    assert result["run"]["complete"] is True


def test_resuming_a_spread_run_whose_database_is_gone_says_so(tmp_path):
    (tmp_path / "shared-run.json").write_text(json.dumps(
        {"frontier": "redis://127.0.0.1:9/0", "store": "postgresql://auditor@127.0.0.1:9/auditor"}))
    proc = run_cli("audit", "--resume", str(tmp_path), timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "cannot open the run's store to resume it" in proc.stderr
