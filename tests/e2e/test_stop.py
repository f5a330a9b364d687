"""Stopping loses nothing: SIGINT or SIGTERM in the crawl, the render and the audits
stops the run within 10 s with 130 or 143, leaves no browser behind, and a resume
measures only the pages not measured before."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.e2e.cli import ROOT, run_cli

pytestmark = [pytest.mark.e2e, pytest.mark.browser]
STOP_WITHIN_S = 10


def make_site(root: Path, pages: int) -> None:
    """`pages` pages in a chain of listings, each with a paragraph of text."""
    text = "<p>" + "A sentence about coffee, roasted fresh and sent the same day. " * 20 + "</p>"
    for i in range(pages):
        links = "".join(f'<a href="/p{j}.html">page {j}</a> ' for j in range(i * 3 + 1, min(i * 3 + 4, pages)))
        (root / f"p{i}.html").write_text(
            f"<!doctype html><html lang=en><head><title>Page {i}</title></head><body><h1>Page {i}</h1>"
            f"{text}<nav>{links}</nav></body></html>")


@contextmanager
def serve(root: Path, delay_s: float = 0.0, script_delay_s: float = 0.0):
    """Serve `root`, pages after `delay_s` and scripts after `script_delay_s`; yields
    (base URL, log of (user agent, path))."""
    log: list[tuple[str, str]] = []

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args):
            pass

        def do_GET(self):
            log.append((self.headers.get("User-Agent", ""), self.path))
            if delay_s and self.path.endswith(".html"):
                time.sleep(delay_s)
            if script_delay_s and self.path.endswith(".js"):
                time.sleep(script_delay_s)
            super().do_GET()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.handle_error = lambda request, address: None  # a client gone mid-answer (a stopped audit)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", log
    finally:
        server.shutdown()
        server.server_close()


def _processes() -> dict[int, tuple[int, bytes]]:
    """pid -> (parent pid, command line) of every process now running."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                found[int(entry.name)] = (ppid, (entry / "cmdline").read_bytes())
            except (OSError, IndexError, ValueError):
                continue
    return found


def descendants(pid: int) -> dict[int, bytes]:
    """The processes `pid` started, at any depth: its browser and driver among them."""
    table, found, todo = _processes(), {}, [pid]
    while todo:
        parent = todo.pop()
        for child, (ppid, cmdline) in table.items():
            if ppid == parent and child not in found:
                found[child] = cmdline
                todo.append(child)
    return found


def start(url: str, out: Path, *args: str, tmp: Path | None = None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "1", **({"TMPDIR": str(tmp)} if tmp else {})}
    return subprocess.Popen([sys.executable, "-m", "auditor", "audit", url, "--out", str(out), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def wait_for(predicate, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def stop(proc: subprocess.Popen, signum: int) -> tuple[int, float, str]:
    """Send `signum`; (exit code, seconds it took, stderr), and no process of the run left."""
    started = descendants(proc.pid)
    sent = time.monotonic()
    proc.send_signal(signum)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    took = time.monotonic() - sent
    no_process_left(started)
    return proc.returncode, took, err


def no_process_left(started: dict[int, bytes]) -> None:
    """None of the processes the run started is still running (a reused pid with
    another command line is somebody else's)."""
    deadline = time.monotonic() + 5
    while True:
        table = _processes()
        left = {pid for pid, cmdline in started.items() if pid in table and table[pid][1] == cmdline}
        if not left or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert not left, f"processes outlived the run: {[started[p][:80] for p in left]}"


def measured(out: Path) -> set[str]:
    db = sqlite3.connect(out / "run.sqlite")
    return {url for url, record in db.execute("SELECT url, record FROM records")
            if (json.loads(record).get("facts") or {}).get("render")}


def measured_so_far(out: Path) -> set[str]:
    """measured(), read while the audit writes the store (empty until it can be read)."""
    try:
        return measured(out)
    except sqlite3.Error:
        return set()


def chromium_pages(log, base: str) -> set[str]:
    return {base + path for agent, path in log if "Chrome" in agent and path.endswith(".html")}


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_during_the_crawl(tmp_path, signum, code):
    make_site(tmp_path, 40)
    with serve(tmp_path, delay_s=0.5) as (base, log):
        proc = start(base + "/p0.html", tmp_path / "out", "--render", "none", "--concurrency", "1")
        wait_for(lambda: len(log) >= 4)
        returncode, took, err = stop(proc, signum)
    assert returncode == code, err
    assert took < STOP_WITHIN_S
    assert f"--resume {tmp_path / 'out'}" in err


def browser_profiles(processes: dict[int, bytes]) -> set[Path]:
    """The profile folders of the browsers among `processes`."""
    return {Path(arg.split(b"=", 1)[1].decode()) for cmdline in processes.values()
            for arg in cmdline.split(b"\0") if arg.startswith(b"--user-data-dir=")}


def make_scripted_site(root: Path, pages: int) -> None:
    """make_site's pages, each loading /slow.js (slow as the server is told)."""
    make_site(root, pages)
    for page in root.glob("p*.html"):
        page.write_text(page.read_text().replace("</body>", "<script src='/slow.js'></script></body>"))
    (root / "slow.js").write_text("document.body.append('rendered')")


def rendered_pages(out: Path) -> dict[str, bool]:
    """Each stored page: whether it was rendered."""
    db = sqlite3.connect(out / "run.sqlite")
    return {url: bool(((json.loads(record).get("facts") or {}).get("js") or {}).get("rendered"))
            for url, record in db.execute("SELECT url, record FROM records")}


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_while_the_crawl_renders_leaves_no_browser_and_no_profile(tmp_path, signum, code):
    # The page in the browser waits for a script longer than the grace period: the crawl
    # is stopped with the browser still open.
    make_scripted_site(tmp_path, 40)
    with serve(tmp_path, delay_s=0.2, script_delay_s=20) as (base, _):
        proc = start(base + "/p0.html", tmp_path / "out", "--render", "none", "--js", "always", "--concurrency", "1")
        wait_for(lambda: browser_profiles(descendants(proc.pid)), timeout_s=60)
        profiles = browser_profiles(descendants(proc.pid))
        wait_for(lambda: all((p / "SingletonSocket").is_symlink() for p in profiles), timeout_s=30)
        # Chromium keeps its singleton socket in a folder of its own in /tmp
        singletons = {Path(os.readlink(p / "SingletonSocket")).parent for p in profiles}
        returncode, took, err = stop(proc, signum)
    assert returncode == code, err
    assert took < STOP_WITHIN_S
    assert profiles and not [p for p in profiles if p.exists()]
    assert singletons and not [f for f in singletons if f.exists()]


def test_a_signal_while_pages_wait_for_the_browser_stops_at_once_and_a_resume_renders_them(tmp_path):
    # Pages are fetched faster than their slow script lets them render: when the signal
    # comes, several wait for the browser. They are not rendered, nor stored.
    make_scripted_site(tmp_path, 16)
    out = tmp_path / "out"
    with serve(tmp_path, delay_s=0.1, script_delay_s=1) as (base, _):
        proc = start(base + "/p0.html", out, "--render", "none", "--js", "always", "--concurrency", "1")
        wait_for(lambda: browser_profiles(descendants(proc.pid)), timeout_s=60)
        time.sleep(3)
        returncode, took, err = stop(proc, signal.SIGINT)
        assert returncode == 130, err
        assert took < 4  # the page in the browser finishes (its script comes in 1 s); no more
        first = rendered_pages(out)
        assert 1 <= len(first) < 16 and all(first.values()), first  # none stored unrendered
        resumed = run_cli("audit", "--resume", str(out), timeout=300)
        assert resumed.returncode == 0, resumed.stderr
    after = rendered_pages(out)
    assert set(after) == {f"{base}/p{i}.html" for i in range(16)} and all(after.values()), after


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_during_the_render_then_resume_measures_only_the_rest(tmp_path, signum, code):
    make_site(tmp_path, 8)
    out = tmp_path / "out"
    with serve(tmp_path) as (base, log):
        proc = start(base + "/p0.html", out, "--render", "all", "--profile", "desktop")
        # a page is stored once its untimed work is done, after the next page's load
        wait_for(lambda: len(chromium_pages(log, base)) >= 2 and measured_so_far(out), timeout_s=120)
        returncode, took, err = stop(proc, signum)
        assert returncode == code, err
        assert took < STOP_WITHIN_S
        assert "Traceback" not in err
        first = measured(out)
        assert 1 <= len(first) < 8
        log.clear()
        resumed = run_cli("audit", "--resume", str(out), timeout=300)
        assert resumed.returncode == 0, resumed.stderr
        assert f"{len(first)} of 8 pages already measured" in resumed.stderr
        assert chromium_pages(log, base) == {base + f"/p{i}.html" for i in range(8)} - first
    assert len(measured(out)) == 8


def test_a_signal_during_the_audits(tmp_path):
    make_site(tmp_path, 1500)
    with serve(tmp_path) as (base, _):
        proc = start(base + "/p0.html", tmp_path / "out", "--render", "none", "--concurrency", "8")
        lines = []

        def read():
            for line in proc.stderr:
                lines.append(line)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        wait_for(lambda: any("auditing started" in line for line in lines), timeout_s=120)
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
        took = time.monotonic() - sent
        reader.join(timeout=5)
    assert proc.returncode == 130, "".join(lines)
    assert took < STOP_WITHIN_S
    assert not (tmp_path / "out" / "result.json").exists()


def test_progress_lines_in_logs(tmp_path):
    make_site(tmp_path, 5)
    with serve(tmp_path) as (base, _):
        proc = run_cli("audit", base + "/p0.html", "--out", str(tmp_path / "out"), "--render", "none")
        quiet = run_cli("audit", base + "/p0.html", "--out", str(tmp_path / "quiet"), "--render", "none", "--quiet")
    assert proc.returncode == 0 and quiet.returncode == 0
    for stage in ("crawling", "auditing", "writing the report"):
        assert f"auditor: {stage} started" in proc.stderr and f"auditor: {stage} done" in proc.stderr
    assert "pages 5" in proc.stderr
    assert "auditor: crawling" not in quiet.stderr


def test_the_browser_dies_with_a_killed_audit(tmp_path, request):
    make_site(tmp_path, 8)
    with serve(tmp_path) as (base, log):
        # killed, it cleans up nothing: what it leaves in its temporary folder is removed here
        # (a short path: a Unix socket's, inside it, takes at most 107 bytes)
        tmp = Path(tempfile.mkdtemp(prefix="kill-"))
        request.addfinalizer(lambda: shutil.rmtree(tmp, ignore_errors=True))
        proc = start(base + "/p0.html", tmp_path / "out", "--render", "all", "--profile", "desktop", tmp=tmp)
        wait_for(lambda: len(chromium_pages(log, base)) >= 2, timeout_s=120)
        started = descendants(proc.pid)
        assert any(b"chromium" in cmdline for cmdline in started.values())
        proc.kill()
        proc.wait()
        no_process_left(started)
