"""The benchmark scripts run as the README shows them, from any folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.accuracy import compare

ROOT = Path(__file__).resolve().parents[1]


def script(name: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "benchmarks" / name), *args], capture_output=True, text=True,
                          cwd="/", timeout=300, env={"PATH": "/usr/bin:/bin"})


def test_accuracy_help_and_missing_arguments_are_usage_not_a_crash():
    shown = script("accuracy.py", "--help")
    assert shown.returncode == 0 and "SITE_DIR" in shown.stdout and "OUT_DIR" in shown.stdout
    missing = script("accuracy.py")
    assert missing.returncode == 2 and "Traceback" not in missing.stderr and "SITE_DIR" in missing.stderr


def test_readability_benchmark_runs_from_any_folder():
    proc = script("readability_speed.py", "--pages", "8", "--repeat", "1")
    assert proc.returncode == 0, proc.stderr
    assert "Arabic: " in proc.stdout and "English: " in proc.stdout and "analyse" in proc.stdout


def _result(pages: list[tuple[str, int, str]], duplicate_titles: list[str]) -> dict:
    site = "http://127.0.0.1:8000"
    audits = {a: {"findings": []} for a in ("broken-link", "orphan-page", "document-title", "duplicate-title",
                                            "meta-description", "image-alt", "heading-h1", "html-lang")}
    audits["duplicate-title"]["findings"] = [{"url": site + p, "message_key": "shared", "data": {}} for p in duplicate_titles]
    return {"pages": [{"url": site + path, "depth": depth, "title": title} for path, depth, title in pages],
            "audits": audits}


def test_accuracy_of_a_crawl_started_from_the_folder_address(tmp_path):
    truth = {"depth": {"index.html": 0, "a.html": 1, "b.html": 1}, "broken_links": [], "orphans": [],
             "defects": {"duplicate_title": ["a.html", "b.html"]}}
    (tmp_path / "_truth.json").write_text(json.dumps(truth), encoding="utf-8")
    # started from / : the home page is also reached as /index.html, one click away
    result = _result([("/", 0, "Home"), ("/index.html", 1, "Home"), ("/a.html", 1, "Same"), ("/b.html", 1, "Same")],
                     ["/", "/index.html", "/a.html", "/b.html"])
    report = compare(tmp_path, result)
    assert report["click_depth"]["wrong"] == 0, report["click_depth"]
    assert report["duplicate_title"]["false"] == [] and report["duplicate_title"]["recall"] == 1.0
    # a real duplicate of the home page's title is still a false finding
    result = _result([("/", 0, "Home"), ("/a.html", 1, "Home"), ("/b.html", 1, "Home")], ["/", "/a.html", "/b.html"])
    assert compare(tmp_path, result)["duplicate_title"]["false"] == ["index.html"]
