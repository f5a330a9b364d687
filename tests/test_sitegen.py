"""The site generator: same arguments give the same bytes, and its known answers agree
with the HTML it writes (depths by a breadth-first walk over the links, defects in the markup)."""

from __future__ import annotations

import json
from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest

from benchmarks.sites import generate

BASE = "http://127.0.0.1:1"
TOUCHPOINTS = {"about.html", "contact.html", "faq.html", "privacy.html", "returns.html"}


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def page_links(site: Path, with_scripts: bool) -> dict[str, list[str]]:
    """Every page's link targets (site paths), read from its HTML; with_scripts adds the
    links its script builds from the inline JSON."""
    links = {}
    for path in site.rglob("*.html"):
        name = path.relative_to(site).as_posix()
        tree = lxml.html.fromstring(path.read_bytes())
        hrefs = tree.xpath("//a/@href")
        if with_scripts:
            for data in tree.xpath('//script[@id="links-data"]/text()'):
                hrefs += [href for href, _ in json.loads(data)]
        links[name] = [urlsplit(urljoin(f"{BASE}/{name}", h)).path.lstrip("/") for h in hrefs if not h.startswith(("tel:", "mailto:"))]
    return links


def bfs(links: dict[str, list[str]]) -> dict[str, int]:
    depth, queue = {"index.html": 0}, deque(["index.html"])
    while queue:
        page = queue.popleft()
        for target in links[page]:
            if target in links and target not in depth:
                depth[target] = depth[page] + 1
                queue.append(target)
    return depth


@pytest.fixture(scope="module")
def arabic(tmp_path_factory) -> tuple[Path, dict]:
    site = tmp_path_factory.mktemp("ar")
    generate(site, 2000, BASE, "ar")
    return site, json.loads((site / "_truth.json").read_text(encoding="utf-8"))


def test_same_arguments_same_bytes(tmp_path):
    for name in ("one", "two"):
        generate(tmp_path / name, 150, BASE, "mixed", js_links="all")
    assert files(tmp_path / "one") == files(tmp_path / "two")
    generate(tmp_path / "plain", 150, BASE, "mixed")
    assert files(tmp_path / "plain") != files(tmp_path / "one")


def test_depths_are_a_breadth_first_walk_of_the_html_links(arabic):
    site, truth = arabic
    links = page_links(site, with_scripts=False)
    assert truth["depth"] == bfs(links)
    assert 8 <= max(truth["depth"].values()) <= 10
    assert sum(d >= 8 for d in truth["depth"].values()) >= 50
    # orphans: in the sitemap, reached by no link
    sitemap = lxml.html.fromstring((site / "sitemap.xml").read_bytes()).xpath("//loc/text()")
    listed = {urlsplit(u).path.lstrip("/") for u in sitemap}
    assert listed == set(links)
    assert truth["orphans"] and set(truth["orphans"]) == listed - set(truth["depth"])
    assert f"Sitemap: {BASE}/sitemap.xml" in (site / "robots.txt").read_text()


def test_broken_links_and_touchpoints(arabic):
    site, truth = arabic
    links = page_links(site, with_scripts=False)
    broken = sorted([page, target] for page, targets in links.items() for target in targets if target not in links)
    assert truth["broken_links"] and broken == truth["broken_links"]
    assert all(TOUCHPOINTS <= set(targets) for targets in links.values())


def test_planted_defects_are_in_the_markup(arabic):
    site, truth = arabic
    defects = {name: set(pages) for name, pages in truth["defects"].items()}
    for path in site.rglob("*.html"):
        name, raw = path.relative_to(site).as_posix(), path.read_bytes()
        assert 20_000 <= len(raw) <= 45_000, name
        tree = lxml.html.fromstring(raw)
        root = tree.getroottree().getroot()
        titles = tree.xpath("//title/text()")
        found = {
            "missing_title": not titles,
            "duplicate_title": titles == ["Welcome"],
            "missing_meta_description": not tree.xpath('//meta[@name="description"]'),
            "img_missing_alt": bool(tree.xpath("//img[not(@alt)]")),
            "h1_missing": not tree.xpath("//h1"),
            "missing_lang": root.get("lang") is None,
            "missing_dir_rtl": root.get("lang") == "ar" and not tree.xpath('//*[@dir="rtl"]'),
            "letter_spacing_arabic": bool(tree.xpath('//*[contains(@style, "letter-spacing")]')),
        }
        assert {d for d, yes in found.items() if yes} == {d for d, pages in defects.items() if name in pages}, name
    assert all(defects.values())
    css = (site / "assets" / "style.css").read_text()
    assert "margin-left" in css and "float:left" in css and "text-align:left" in css


def test_script_built_links_count_for_a_visitor_only(tmp_path):
    generate(tmp_path, 600, BASE, "en", js_links="listing")
    truth = json.loads((tmp_path / "_truth.json").read_text(encoding="utf-8"))
    static, scripted = page_links(tmp_path, with_scripts=False), page_links(tmp_path, with_scripts=True)
    assert truth["depth"] == bfs(scripted)
    assert truth["depth_static"] == bfs(static)
    assert truth["js_link_pages"] == sorted(p for p in static if p.startswith("c/"))
    # items are listed by scripts only: the HTML alone reaches none of them
    assert not [p for p in truth["depth_static"] if p.startswith("p/")]
    assert len(truth["depth"]) > len(truth["depth_static"])


def test_pages_weigh_what_shop_pages_weigh(arabic):
    """20-45 KB of HTML, of which a shop page's copy (500-1,400 words and at most one
    section more) and, for the rest, a JSON data block no browser runs."""
    site, _ = arabic
    words = []
    for path in sorted(site.glob("p/*.html"))[:200]:
        raw = path.read_bytes()
        tree = lxml.html.fromstring(raw)
        assert 20_000 <= len(raw) <= 45_000
        for data in tree.xpath('//script[@id="page-data"]'):
            assert data.get("type") == "application/json"
            assert json.loads(data.text)["items"]
            data.drop_tree()
        words.append(len(tree.body.text_content().split()))
    assert all(150 < n < 1_700 for n in words), (min(words), max(words))
    assert 700 < sum(words) / len(words) < 1_300
