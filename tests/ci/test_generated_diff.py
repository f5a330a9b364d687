"""Two runs of a generated site with defects added and fixed in between: the diff names exactly those."""

from __future__ import annotations

import json
import re

import pytest

from auditor.demo import serve_site
from benchmarks.sites import generate
from tests.e2e.cli import load_result, run_cli

pytestmark = pytest.mark.e2e


def _clean_pages(result: dict, base: str) -> list[str]:
    """Generated product pages with no finding at all in the first run."""
    flagged = {f["url"] for a in result["audits"].values() for f in a["findings"]}
    return sorted(p["url"].removeprefix(base + "/") for p in result["pages"]
                  if p["url"].startswith(base + "/p/") and p["status"] == 200 and p["url"] not in flagged)


def test_diff_of_two_runs_reports_exactly_the_changes(tmp_path):
    site, first, second = tmp_path / "site", tmp_path / "first", tmp_path / "second"
    site.mkdir()
    with serve_site(site) as base:
        generate(site, 120, base, lang="en")
        truth = json.loads((site / "_truth.json").read_text(encoding="utf-8"))
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(first), "--concurrency", "8")
        assert proc.returncode == 0, proc.stderr
        clean = _clean_pages(load_result(first), base)
        assert len(clean) >= 2
        untitled, no_alt = clean[0], clean[1]
        fixed = truth["defects"]["missing_title"][0]

        page = site / untitled
        page.write_text(re.sub(r"<title>.*?</title>", "", page.read_text(encoding="utf-8"), count=1), encoding="utf-8")
        page = site / no_alt
        page.write_text(page.read_text(encoding="utf-8").replace(
            "</main>", '<img src="../assets/logo.svg" width="10" height="10"></main>', 1), encoding="utf-8")
        page = site / fixed
        html = page.read_text(encoding="utf-8")
        assert "<title>" not in html
        page.write_text(html.replace("<head>", "<head><title>Answers to common questions | Example Shop</title>", 1),
                        encoding="utf-8")

        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(second), "--concurrency", "8",
                       "--baseline", str(first), "--fail-on", "new", "--format", "markdown")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "  FAIL audit document-title has 1 new findings since the baseline (by 1)" in proc.stdout.splitlines()
    assert "  FAIL audit image-alt has 1 new findings since the baseline (by 1)" in proc.stdout.splitlines()

    diff = run_cli("diff", str(first), str(second), "--format", "json")
    assert diff.returncode == 0, diff.stderr
    changes = json.loads(diff.stdout)
    new = {(a, f["url"].removeprefix(base + "/"), f["message_key"]) for a, e in changes["audits"].items() for f in e["new"]}
    gone = {(a, f["url"].removeprefix(base + "/"), f["message_key"]) for a, e in changes["audits"].items() for f in e["fixed"]}
    assert new == {("document-title", untitled, "missing"), ("image-alt", no_alt, "missing")}
    assert gone == {("document-title", fixed, "missing")}
    assert changes["audits"]["image-alt"]["new"][0]["data"]["src"] == base + "/assets/logo.svg"
    assert changes["totals"]["new"] == 2 and changes["totals"]["fixed"] == 1
    # the audit recorded the same comparison next to its result
    recorded = json.loads((second / "diff.json").read_text(encoding="utf-8"))
    assert recorded["totals"] == changes["totals"]
    assert "**2 new**, **1 fixed**" in (second / "summary.md").read_text(encoding="utf-8")
    text = run_cli("diff", str(first / "result.json"), str(second / "result.json"))
    assert "document-title: 1 new, 1 fixed," in text.stdout
