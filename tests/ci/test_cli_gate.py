"""Exit codes and the gate summary through the real CLI on the basic fixture site."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from tests.e2e.cli import run_cli
from tests.e2e.test_basic_site import ROUTES
from tests.server import serve

pytestmark = pytest.mark.e2e

STRICT = """
format = ["junit", "sarif"]
[budgets]
categories = { seo = 0.99 }
audits."broken-link" = { max_findings = 0 }
[[ignore]]
audit = "image-alt"
url = "/about\\\\.html$"
reason = "stock photos are decorative"
"""
RELAXED = """
fail-on = "budgets"
[budgets]
categories = { seo = 0.5 }
audits."broken-link" = { max_findings = 5 }
audits."document-title" = { min_score = 0.95 }
"""


@pytest.fixture(scope="module")
def site():
    with serve("basic", ROUTES, refuse_head={"/file.pdf"}) as (base, _):
        yield base


def test_broken_budgets_exit_1_with_summary(site, tmp_path):
    (tmp_path / "auditor.toml").write_text(STRICT, encoding="utf-8")
    proc = run_cli("audit", "--render", "none", f"{site}/index.html", "--out", "out", "--fail-on", "budgets", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert "CI gate FAILED (fail on: budgets): 2 failed, 0 warning(s)" in lines
    seo = json.loads((tmp_path / "out" / "result.json").read_text(encoding="utf-8"))["categories"]["seo"]["score"]
    assert f"  FAIL category seo score {seo:g} is below the minimum 0.99 (by {round(0.99 - seo, 4):g})" in lines
    assert "  FAIL audit broken-link has 2 findings, more than the maximum 0 (by 2)" in lines
    assert f"       {site}/index.html (2 finding(s))" in lines
    assert "  ignored 1 image-alt finding(s) on URLs matching /about\\.html$: stock photos are decorative" in lines
    result = json.loads((tmp_path / "out" / "result.json").read_text(encoding="utf-8"))
    assert result["gate"]["passed"] is False
    assert [f["subject"] for f in result["gate"]["failures"]] == ["seo", "broken-link"]
    assert result["audits"]["image-alt"]["findings"][0]["ignored"] == "stock photos are decorative"
    # formats named in the file are written next to the report
    suites = ET.parse(tmp_path / "out" / "junit.xml").getroot()
    assert suites.get("tests") == str(len(result["audits"]))
    assert (tmp_path / "out" / "report.sarif").is_file() and not (tmp_path / "out" / "summary.md").exists()


def test_relaxed_budgets_exit_0_and_flags_override_the_file(site, tmp_path):
    config = tmp_path / "ci.toml"
    config.write_text(RELAXED, encoding="utf-8")
    proc = run_cli("audit", "--render", "none", f"{site}/index.html", "--out", str(tmp_path / "out"), "--config", str(config))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "CI gate passed (fail on: budgets): 0 failed, 0 warning(s)" in proc.stdout.splitlines()
    # --fail-on on the command line replaces the file's: any finding now fails
    proc = run_cli("audit", "--render", "none", f"{site}/index.html", "--out", str(tmp_path / "again"), "--config", str(config),
                   "--fail-on", "any", "--format", "csv")
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.count("CI gate FAILED (fail on: any)") == 1
    assert "  FAIL audit broken-link has 2 findings (by 2)" in proc.stdout.splitlines()
    assert (tmp_path / "again" / "findings.csv").is_file()
    # the report links the CSV files beside it, only when they were written
    assert 'href="pages.csv"' in (tmp_path / "again" / "report.html").read_text(encoding="utf-8")
    assert 'href="pages.csv"' not in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("files", "args", "message"), [
    ({"auditor.toml": '[budgets]\naudits."broken-lnk" = { max_findings = 0 }'}, [],
     'auditor.toml: budgets.audits."broken-lnk": unknown audit id'),
    ({"auditor.toml": "max-pagez = 3"}, [], "auditor.toml: max-pagez: unknown option"),
    ({"auditor.toml": "[budgets]\nmetrics = { lcpp = 2500 }"}, [], "auditor.toml: budgets.metrics.lcpp: unknown metric"),
    ({"auditor.toml": "[budgets]\nmetrics = { LCP = 1 }"}, [], "auditor.toml: budgets.metrics.LCP: unknown metric"),
    ({}, ["--fail-on", "budgets"], "--fail-on budgets needs a [budgets] table"),
    ({}, ["--fail-on", "new"], "--fail-on new needs --baseline DIR"),
    ({}, ["--baseline", "nowhere"], "--baseline: no result.json in nowhere"),
    ({}, ["--format", "pdf"], "--format: unknown format pdf"),
    ({}, ["--config", "missing.toml"], "config file not found: missing.toml"),
])
def test_usage_errors_exit_2_before_crawling(tmp_path, files, args, message):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    proc = run_cli("audit", "--render", "none", "http://127.0.0.1:9/", *args, cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert message in proc.stderr
    assert not (tmp_path / "audit").exists()


def test_start_url_may_come_from_the_file(site, tmp_path):
    (tmp_path / "auditor.toml").write_text(f'urls = ["{site}/about.html"]\nmax-pages = 1\n', encoding="utf-8")
    proc = run_cli("audit", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    result = json.loads((tmp_path / "audit" / "result.json").read_text(encoding="utf-8"))
    assert result["run"]["start_urls"] == [f"{site}/about.html"]
    assert "gate" not in result
    proc = run_cli("audit", "--config", "none.toml", cwd=tmp_path)
    assert proc.returncode == 2


def test_metric_budgets_without_measuring_say_not_measured(site, tmp_path):
    (tmp_path / "auditor.toml").write_text("[budgets]\nmetrics = { lcp = 2500 }\n", encoding="utf-8")
    proc = run_cli("audit", "--render", "none", f"{site}/index.html", "--out", "out", "--fail-on", "budgets", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "CI gate passed (fail on: budgets): 0 failed, 0 warning(s), 1 not measured" in proc.stdout.splitlines()
    assert "  not measured: metric lcp (pages are measured in Chromium; this run had --render none)" in proc.stdout.splitlines()
    result = json.loads((tmp_path / "out" / "result.json").read_text(encoding="utf-8"))
    assert result["gate"]["not_measured"] == ["lcp"]
