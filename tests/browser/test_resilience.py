"""Crashes, restarts, early exits: one page's trouble never stops the run."""

import os
import signal
import threading
import time
from pathlib import Path

from auditor.browser.measure import iter_measure_pages, measure_pages

QUICK = {"profile": "desktop", "axe": False, "screenshot": False, "quiet_ms": 300}


def _our_chromium_processes() -> list[tuple[int, str]]:
    """(pid, cmdline) of the Chromium processes this test process started."""
    parents, cmdlines = {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdlines[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    ours = []
    for pid, cmd in cmdlines.items():
        ancestor = parents.get(pid)
        while ancestor and ancestor != os.getpid():
            ancestor = parents.get(ancestor)
        if ancestor == os.getpid() and "chrom" in cmd:
            ours.append((pid, cmd))
    return ours


def _kill_once_hanging(server, match) -> threading.Thread:
    """Kill our Chromium processes whose command line matches, once the
    never-loading page is waiting for its image."""
    def run():
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if any(path.startswith("/img/10x10.png") for path in server.log[seen:]):
                for pid, cmd in _our_chromium_processes():
                    if match(cmd):
                        os.kill(pid, signal.SIGKILL)
                return
            time.sleep(0.05)

    seen = len(server.log)
    killer = threading.Thread(target=run, daemon=True)
    killer.start()
    return killer


def test_renderer_crash_is_that_pages_error(server, site, chromium):
    killer = _kill_once_hanging(server, lambda cmd: "--type=renderer" in cmd)
    results = measure_pages([site + "/hang.html", site + "/text.html"], timeout_s=15, concurrency=1,
                            executable_path=chromium, **QUICK)
    killer.join()
    assert "crash" in results[0]["error"]
    assert results[1]["error"] is None and results[1]["metrics"]["fcp"] is not None


def _temporary_folders() -> set[Path]:
    """What Chromium and the pool keep in /tmp: a crashed browser's singleton socket folder."""
    return {*Path("/tmp").glob("org.chromium.*"), *Path("/tmp").glob("chromium-*")}


def test_browser_crash_restarts_the_browser(server, site, chromium):
    before = _temporary_folders()
    killer = _kill_once_hanging(server, lambda cmd: "--type=" not in cmd and "chromium" in cmd)
    results = measure_pages([site + "/hang.html", site + "/text.html"], timeout_s=15, concurrency=1,
                            executable_path=chromium, **QUICK)
    killer.join()
    assert results[0]["error"]
    assert results[1]["error"] is None and results[1]["browser_launch"] == 2
    assert _temporary_folders() - before == set()  # the crashed browser left nothing behind


def test_browser_is_replaced_every_n_pages(site, chromium):
    urls = [site + "/alert.html", site + "/missing.html", site + "/shift.html"]
    results = measure_pages(urls, restart_every=2, concurrency=1, executable_path=chromium, **QUICK)
    assert [r["browser_launch"] for r in results] == [1, 1, 2]
    assert all(r["error"] is None for r in results)
    assert not _our_chromium_processes()  # every browser was closed


def test_leaving_the_generator_early_stops_the_browser(site, chromium):
    urls = [site + "/text.html"] + [site + "/hang.html"] * 5
    started = time.monotonic()
    for result in iter_measure_pages(urls, timeout_s=10, concurrency=1, executable_path=chromium, **QUICK):
        assert result["error"] is None
        break
    # Closing did not wait for the five hanging pages (10 s each).
    assert time.monotonic() - started < 15
    assert not _our_chromium_processes()


def test_collectors_results_and_failures(site, chromium):
    collectors = {
        "direction": "() => ({dir: getComputedStyle(document.body).direction, lang: document.documentElement.lang})",
        "async_count": "async () => document.querySelectorAll('p').length",
        "throws": "() => { throw new Error('broken collector'); }",
        "never": "() => new Promise(() => {})",
    }
    [result] = measure_pages([site + "/text.html"], collectors=collectors, timeout_s=3,
                             executable_path=chromium, **QUICK)
    assert result["error"] is None
    assert result["collected"]["direction"] == {"dir": "ltr", "lang": "en"}
    assert result["collected"]["async_count"] == 250
    assert "broken collector" in result["collector_errors"]["throws"]
    assert "timeout" in result["collector_errors"]["never"]


def test_several_runs_report_each_metrics_median(site, chromium):
    [result] = measure_pages([site + "/lcp_late.html"], runs=3, executable_path=chromium, **QUICK)
    assert result["runs"] == 3 and result["run_errors"] == [None, None, None]
    lcps = sorted(run["lcp"] for run in result["run_metrics"])
    assert result["metrics"]["lcp"] == lcps[1]
    chosen = result["metric_runs"]["lcp"]
    assert result["run_metrics"][chosen]["lcp"] == lcps[1]
    assert result["median_run"] == chosen
