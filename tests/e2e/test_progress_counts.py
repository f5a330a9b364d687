"""The progress lines count what the summary counts."""

from __future__ import annotations

import re

import pytest

from tests.e2e.cli import load_result, run_cli
from tests.e2e.test_basic_site import ROUTES
from tests.server import serve

pytestmark = pytest.mark.e2e


def stage_counts(stderr: str, stage: str) -> dict[str, int]:
    line = next(line for line in stderr.splitlines() if line.startswith(f"auditor: {stage} done"))
    return {name: int(value) for name, value in re.findall(r"([a-z]+) (\d+)(?=,|$)", line.split(": ", 2)[2])}


def test_progress_lines_count_the_urls_and_pages_of_the_summary(tmp_path):
    with serve("basic", ROUTES, refuse_head={"/file.pdf"}) as (base, _):
        proc = run_cli("audit", "--render", "none", "--js", "never", f"{base}/index.html", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    counts = load_result(tmp_path)["run"]["counts"]
    assert f"Audited {counts['html_pages']} pages ({counts['urls']} URLs)" in proc.stdout
    assert counts["html_pages"] < counts["urls"]  # the site has redirects, errors and files: the two differ
    assert stage_counts(proc.stderr, "crawling")["urls"] == counts["urls"]
    audited = stage_counts(proc.stderr, "auditing")
    assert (audited["urls"], audited["pages"]) == (counts["urls"], counts["html_pages"])
