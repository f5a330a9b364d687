"""Kill a crawl half-way (SIGKILL, or Ctrl-C) and resume it: nothing fetched twice, same result."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from benchmarks.sites import generate
from tests.e2e.cli import ROOT, load_result, run_cli
from auditor.demo import serve_site
from tests.server import SITES, FixtureHandler, serve

pytestmark = pytest.mark.e2e
PAGES = 300


def start_cli(*args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "1"}
    return subprocess.Popen([sys.executable, "-m", "auditor", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored_pages(db) -> set[str]:
    if not db.exists():
        return set()
    try:
        with sqlite3.connect(db) as conn:
            return {u for (u,) in conn.execute("SELECT url FROM pages")}
    except sqlite3.OperationalError:
        return set()


def wait_for_pages(db, count: int, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while len(stored_pages(db)) < count:
        assert proc.poll() is None, "the crawl ended before it could be interrupted"
        assert time.monotonic() < deadline, "the crawl stored too few pages in time"
        time.sleep(0.05)


def identity(result: dict, base: str) -> tuple[set, set]:
    pages = {(p["url"].removeprefix(base), p["status"], p["depth"]) for p in result["pages"]}
    findings = {(audit_id, f["url"].removeprefix(base), f["message_key"])
                for audit_id, audit in result["audits"].items() for f in audit["findings"]}
    return pages, findings


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    with serve(root) as (base, requests):
        generate(root, PAGES, base, lang="ar")
        out = tmp_path_factory.mktemp("whole")
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(out), "--concurrency", "4")
        assert proc.returncode == 0, proc.stderr
        requests.clear()
        whole = load_result(out)
        yield base, requests, (identity(whole, base), whole["run"]["counts"])


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_resume_fetches_nothing_twice_and_equals_an_uninterrupted_run(site, tmp_path, how):
    base, requests, (uninterrupted, counts) = site
    requests.clear()
    db = tmp_path / "run.sqlite"
    proc = start_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(tmp_path), "--concurrency", "2", "--delay", "0.01")
    wait_for_pages(db, 100, proc)
    proc.send_signal(how)
    _, stderr = proc.communicate(timeout=60)
    if how == signal.SIGINT:
        assert proc.returncode == 130
        assert f"Resume with: auditor audit --resume {tmp_path}" in stderr
    before = stored_pages(db)
    assert 80 <= len(before) < PAGES
    # the queue of requests on disk: left by a kill, removed by Ctrl-C; the store is what resumes
    assert (tmp_path / "queue").is_dir() == (how == signal.SIGKILL)
    requests.clear()

    resumed = run_cli("audit", "--resume", str(tmp_path))
    assert resumed.returncode == 0, resumed.stderr
    fetched_again = [path for method, path in requests if method == "GET" and base + path in before]
    assert fetched_again == []
    result = load_result(tmp_path)
    assert identity(result, base) == uninterrupted
    assert result["run"]["counts"] == counts
    crawled = next(line for line in resumed.stderr.splitlines() if line.startswith("auditor: crawling done"))
    assert f"urls {counts['urls']}, queue 0," in crawled  # the progress line counts the whole run
    assert not (tmp_path / "queue").exists()


def test_resume_without_a_run_is_a_usage_error(tmp_path):
    proc = run_cli("audit", "--resume", str(tmp_path))
    assert proc.returncode == 2 and "no run to resume" in proc.stderr


class _HeldHandler(FixtureHandler):
    """Serves a folder, but holds every GET until `opened` is set: a crawl killed while
    it waits has stored its options and no page yet."""

    opened = threading.Event()

    def do_GET(self):
        type(self).requests.append(("GET", self.path))
        type(self).opened.wait(30)
        try:
            super().do_GET()
        except (BrokenPipeError, ConnectionResetError):  # the killed crawl's connection
            pass


def run_options(db) -> dict | None:
    try:
        with sqlite3.connect(db) as conn:
            row = conn.execute("SELECT value FROM run WHERE key = 'options'").fetchone()
    except sqlite3.OperationalError:
        return None
    return json.loads(row[0]) if row else None


def test_resume_of_a_run_killed_before_storing_a_page_starts_the_crawl(tmp_path):
    handler = type("Held", (_HeldHandler,), {"requests": [], "routes": {}, "refuse_head": set(),
                                              "opened": threading.Event()})
    with serve_site(SITES / "basic", handler) as base:
        db = tmp_path / "run.sqlite"
        proc = start_cli("audit", "--render", "none", "--js", "never", "--max-click-depth", "1",
                         f"{base}/index.html", "--out", str(tmp_path))
        deadline = time.monotonic() + 60
        while not (run_options(db) and handler.requests):  # options saved, the start URL asked for
            assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.poll() else "too slow"
            time.sleep(0.05)
        proc.kill()
        proc.communicate(timeout=30)
        assert stored_pages(db) == set()
        handler.opened.set()

        resumed = run_cli("audit", "--resume", str(tmp_path))
        assert resumed.returncode == 0, resumed.stderr
        assert "reach" not in resumed.stderr
        result = load_result(tmp_path)
        assert f"{base}/index.html" in {p["url"] for p in result["pages"]}
        assert result["run"]["settings"]["max_click_depth"] == 1  # the saved options, not the defaults


def test_resume_of_a_file_that_is_not_a_run_store_is_a_usage_error(tmp_path):
    (tmp_path / "run.sqlite").write_bytes(b"not a database, only bytes " * 10)
    proc = run_cli("audit", "--resume", str(tmp_path))
    assert proc.returncode == 2, proc.stderr
    assert f"{tmp_path / 'run.sqlite'} is not a run store" in proc.stderr and "internal error" not in proc.stderr
    assert (tmp_path / "run.sqlite").read_bytes() == b"not a database, only bytes " * 10  # left as it was
