"""URLs only a sitemap lists come after the linked ones and never reset click depth."""

from __future__ import annotations

import pytest

from tests.e2e.cli import load_result, run_cli
from tests.server import serve

pytestmark = pytest.mark.e2e


def _page(links=()):
    anchors = "".join(f'<a href="{href}">{href}</a> ' for href in links)
    return f"<!doctype html><html lang=en><head><title>t</title></head><body><p>{anchors}</p></body></html>"


def _chains() -> dict[str, str]:
    """index -> a1..a3 (depth 1) -> b1..b3 (depth 2) -> c1..c3 (depth 3)."""
    pages = {"index.html": _page([f"/a{i}.html" for i in (1, 2, 3)])}
    for i in (1, 2, 3):
        pages[f"a{i}.html"] = _page([f"/b{i}.html"])
        pages[f"b{i}.html"] = _page([f"/c{i}.html"])
        pages[f"c{i}.html"] = _page()
    return pages


def _write(root, pages: dict[str, str]) -> None:
    for name, html in pages.items():
        (root / name).write_text(html)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The chains; the sitemap lists the c pages and an orphan that links a second orphan."""
    root = tmp_path_factory.mktemp("sitemap-depth")
    _write(root, {**_chains(), "orphan.html": _page(["/orphan-2.html"]), "orphan-2.html": _page()})
    listed = [f"/c{i}.html" for i in (1, 2, 3)] + ["/orphan.html"]
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{u}</loc></url>" for u in listed) + "</urlset>")
    return root


def crawl(site, tmp_path, *args):
    with serve(site) as (base, _):
        proc = run_cli("audit", "--render", "none", f"{base}/index.html", "--out", str(tmp_path), "--concurrency", "1", *args)
        assert proc.returncode == 0, proc.stderr
        return {p["url"].removeprefix(base): p for p in load_result(tmp_path)["pages"] if p["is_html"]}


def test_max_depth_keeps_sitemap_pages_without_following_their_links(site, tmp_path):
    pages = crawl(site, tmp_path, "--max-depth", "1")
    assert set(pages) == {"/index.html", "/a1.html", "/a2.html", "/a3.html",
                          "/c1.html", "/c2.html", "/c3.html", "/orphan.html"}
    assert pages["/orphan.html"]["depth"] is None and pages["/orphan.html"]["in_sitemap"]


def test_max_pages_keeps_the_shallowest_linked_pages(site, tmp_path):
    pages = crawl(site, tmp_path, "--max-pages", "7")
    assert set(pages) == {"/index.html", "/a1.html", "/a2.html", "/a3.html", "/b1.html", "/b2.html", "/b3.html"}


def test_without_limits_sitemap_only_pages_are_crawled_with_their_links(site, tmp_path):
    pages = crawl(site, tmp_path)
    assert len(pages) == 12
    assert pages["/c1.html"]["depth"] == 3 and pages["/orphan-2.html"]["depth"] is None


def test_max_pages_waits_for_a_slow_page_to_be_read(tmp_path_factory, tmp_path):
    """a3 takes long to parse: the pages fetched after it (b1) must not queue their links
    (c1) before a3's (b3), or the budget goes to a deeper page."""
    root = tmp_path_factory.mktemp("slow-parse")
    pages = _chains()
    # some 60,000 elements: its parsing takes far longer than fetching and parsing b1
    pages["a3.html"] = pages["a3.html"].replace("<p>", "<p>" + "<span>Lorem ipsum dolor</span> " * 60_000)
    _write(root, pages)
    found = crawl(root, tmp_path, "--max-pages", "7")
    assert set(found) == {"/index.html", "/a1.html", "/a2.html", "/a3.html", "/b1.html", "/b2.html", "/b3.html"}
