"""--exclude keeps requests off excluded files too; a long resource URL is checked, not
dropped silently by Scrapy's own URL length filter."""

from __future__ import annotations

import sqlite3

import pytest

from tests.e2e.cli import run_cli
from tests.server import serve

pytestmark = pytest.mark.e2e
LONG = "/img/a.png?v=" + "x" * 2100


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("resource-scope")
    (root / "img").mkdir()
    (root / "img" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "private").mkdir()
    (root / "private" / "a.css").write_text("body{}")
    (root / "index.html").write_text(
        '<!doctype html><html lang=en><head><title>t</title><link rel="stylesheet" href="/private/a.css">'
        f'</head><body><img src="/img/a.png" alt="a"><img src="{LONG}" alt="b"><a href="/private/p.html">p</a></body></html>')
    return root


def test_excluded_files_are_never_requested(site, tmp_path):
    with serve(site) as (base, requests):
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(tmp_path), "--exclude", "/private/")
        assert proc.returncode == 0, proc.stderr
        assert not [path for _, path in requests if path.startswith("/private/")]
        assert ("HEAD", "/img/a.png") in requests


def test_a_resource_url_longer_than_2083_characters_is_checked(site, tmp_path):
    with serve(site) as (base, requests):
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(tmp_path))
        assert proc.returncode == 0, proc.stderr
    stored = sqlite3.connect(tmp_path / "run.sqlite").execute(
        "SELECT status FROM resources WHERE url = ?", (base + LONG,)).fetchall()
    assert stored == [(200,)]
