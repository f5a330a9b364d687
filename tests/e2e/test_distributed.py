"""A crawl spread over processes: the audit process and two workers share one frontier in
Redis and one PostgreSQL store. Every page is fetched once, robots.txt is obeyed by every
process, and the result equals a single-machine run's."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter

import pytest

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
    assert fetched_twice == {}
    result = load_result(tmp_path)
    pages, findings = identity(result, base)
    html_pages = {url for url, status, _ in pages if status == 200 and url.endswith(".html")}
    assert len(html_pages) >= PAGES
    assert {url for url in html_pages if gets[url] != 1} == set()
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
