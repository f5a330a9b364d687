"""The audit reproduces the known answers of a generated site."""

from __future__ import annotations

import pytest

from auditor.demo import serve_site
from benchmarks.accuracy import compare, passes
from benchmarks.sites import generate
from tests.e2e.cli import load_result, run_cli

pytestmark = pytest.mark.e2e


def test_generated_site_truth_is_reproduced(tmp_path):
    site, out = tmp_path / "site", tmp_path / "out"
    site.mkdir()
    with serve_site(site) as base:
        generate(site, 400, base, lang="ar")
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(out), "--concurrency", "8")
    assert proc.returncode == 0, proc.stderr
    report = compare(site, load_result(out))
    assert report["click_depth"]["wrong"] == 0, report["click_depth"]
    assert report["broken_links"]["recall"] == 1.0 and report["broken_links"]["false"] == []
    assert report["orphans"]["recall"] == 1.0 and report["orphans"]["false"] == []
    for defect in ("missing_title", "duplicate_title", "missing_meta_description", "img_missing_alt", "h1_missing", "missing_lang"):
        assert report[defect]["expected"] > 0, defect
        assert report[defect]["recall"] >= 0.99 and report[defect]["false_rate"] <= 0.01, (defect, report[defect])
    assert passes(report)
