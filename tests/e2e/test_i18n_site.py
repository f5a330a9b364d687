"""Scope through the real CLI: the port is part of the origin, and --site-origin reads a
staging copy's production URLs as its own."""

from __future__ import annotations

import pytest

from tests.e2e.cli import load_result, run_cli
from tests.server import serve

pytestmark = pytest.mark.e2e


def _audit(tmp_path, *options: str) -> tuple[str, dict]:
    with serve("i18n") as (base, _):
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(tmp_path),
                       "--concurrency", "2", *options)
    assert proc.returncode == 0, proc.stderr
    return base, load_result(tmp_path)


def _findings(result: dict, audit_id: str) -> list[dict]:
    return result["audits"][audit_id]["findings"]


def test_staging_copy_with_its_production_origin(tmp_path):
    base, result = _audit(tmp_path, "--site-origin", "https://www.example.com")
    urls = {page["url"].removeprefix(base) for page in result["pages"]}
    assert "/guide.html" in urls  # reached only through production links
    assert not [f for f in _findings(result, "canonical") if f["message_key"] != "missing"]
    # A link to the reader's own dev server on another port is not the audited site.
    assert not _findings(result, "broken-link")
    assert "http://127.0.0.1:8000/" not in {page["url"] for page in result["pages"]}
    # robots.txt names the production sitemap: the copy's own is read, and is no other host's
    assert not [f for f in _findings(result, "sitemap") if f["message_key"] == "offsite-sitemap"]


def test_without_site_origin_production_urls_are_another_site(tmp_path):
    base, result = _audit(tmp_path)
    assert {f["message_key"] for f in _findings(result, "canonical")} == {"offsite"}
    assert [f["data"]["target"] for f in _findings(result, "sitemap") if f["message_key"] == "offsite-sitemap"] == [
        "https://www.example.com/sitemap.xml"]
    assert not _findings(result, "broken-link")


def test_physical_css_only_on_the_stylesheet_both_directions_load(tmp_path):
    base, result = _audit(tmp_path, "--site-origin", "https://www.example.com")
    physical = result["audits"]["physical-css"]["findings"]
    # en.css styles English pages only; ar.css is the Arabic pages' own, sides already flipped.
    # notes.html, an Arabic article among the English pages, declares dir="ltr": it is laid
    # out left to right (its declaration is html-dir's finding), so en.css serves no
    # right-to-left page.
    assert sorted((f["url"].removeprefix(base), f["data"]["property"]) for f in physical) == [
        ("/shared.css", "float"), ("/shared.css", "margin-right")]
    assert {(f["data"]["rtl_pages"], f["data"]["ltr_pages"]) for f in physical} == {(1, 3)}
    assert [(f["url"].removeprefix(base), f["message_key"]) for f in _findings(result, "html-dir")] == [
        ("/notes.html", "ltr-on-rtl")]


def test_link_text_in_arabic_and_english(tmp_path):
    base, result = _audit(tmp_path, "--site-origin", "https://www.example.com")
    found = sorted((f["url"].removeprefix(base), f["data"]["text"]) for f in _findings(result, "link-text"))
    assert found == [("/ar.html", "اقرأ المزيد"), ("/index.html", "Read more"), ("/index.html", "http://127.0.0.1:8000/")]


def test_hreflang_read_from_head_only_with_full_urls(tmp_path):
    base, result = _audit(tmp_path, "--site-origin", "https://www.example.com")
    found = [(f["url"].removeprefix(base), f["message_key"], f["data"].get("code")) for f in _findings(result, "hreflang")]
    assert ("/ar.html", "relative-href", None) in found
    assert not [f for f in found if f[2] == "fr"]  # the <link> in <body> is not read
