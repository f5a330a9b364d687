"""--render sample on a documentation-like site: a few templates, the right pages measured."""

from __future__ import annotations

import pytest

from tests.e2e.cli import load_result, run_cli
from tests.server import serve

pytestmark = [pytest.mark.e2e, pytest.mark.browser]


@pytest.fixture(scope="module")
def sampled(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    with serve("templates") as (base, _):
        proc = run_cli("audit", f"{base}/index.html", "--out", str(out), "--render", "sample",
                       "--profile", "desktop", "--sample-per-template", "1")
        assert proc.returncode == 0, proc.stderr
        yield base, load_result(out), proc


def test_templates_found(sampled):
    base, result, proc = sampled
    templates = result["run"]["render"]["templates"]
    by_size = sorted((t["pages"], t["pattern"]) for t in templates.values())
    # the docs theme in English (/, index, contact and six guides), in Arabic (two pages),
    # the landing page, and the about, pricing and blog layouts
    assert by_size == [(1, "/*.html"), (1, "/*.html"), (1, "/*/"), (1, "/guide/*/"), (2, "/*/ \u2026"),
                       (9, "/guide/*/ \u2026")], by_size
    render_lines = [line for line in proc.stderr.splitlines() if line.startswith("auditor: measuring")]
    assert render_lines[0] == "auditor: measuring: 6 templates, 8 pages to measure", render_lines[:3]


def test_pages_chosen(sampled):
    base, result, _ = sampled
    render = result["run"]["render"]
    chosen = {url.removeprefix(base): why for t in render["templates"].values() for url, why in t["reasons"].items()}
    docs = {url: why for url, why in chosen.items() if url.startswith(("/guide/", "/api/", "/howto/", "/index", "/contact"))
            and url != "/guide/landing/"}
    assert docs == {"/index.html": "start page", "/contact.html": "customer touchpoint",
                    "/guide/config/": "heaviest page"}
    measured = {p["url"].removeprefix(base) for p in result["pages"] if p.get("metrics")}
    assert measured == set(chosen) and render["pages_measured"] == len(chosen) == 8
