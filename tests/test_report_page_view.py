"""A page's own view in the report (its findings, metrics and screenshot, opened from the
pages table), the links to the CSV files beside the report, and what the largest
contentful element shows. From hand-built results; the view is opened in a real Chromium."""

from __future__ import annotations

import re

import pytest

from auditor.browser import LAUNCH_ARGS, find_chromium
from reports import html
from tests.test_report_speed import SHOT, SITE, measured_result, row, section


def view(report: str, view_id: str) -> str:
    match = re.search(rf'<article class="page-view" id="{view_id}".*?</article>', report, re.DOTALL)
    assert match, view_id
    return match.group(0)


def page_row(report: str, url: str) -> str:
    pages = re.search(r'<tbody id="page-rows">.*?</tbody>', report, re.DOTALL).group(0)
    match = re.search(rf'<tr [^>]*data-search="{re.escape(url)}">.*?</tr>', pages, re.DOTALL)
    assert match, url
    return match.group(0)


def text(html_text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html_text).split())


def test_the_pages_table_links_each_page_to_its_own_view():
    report = html.render(measured_result(), "en")
    # /products/b is the third row: two findings, metrics and a screenshot
    b = page_row(report, f"{SITE}/products/b")
    assert '<a href="#page-3" title="This page\'s view"><bdi>2</bdi></a>' in b
    own = view(report, "page-3")
    words = text(own)
    assert "2 findings on this page" in words
    assert "serious Failing largest-contentful-paint : Slow: 5000 ." in words
    assert "moderate Failing text-compression : Slow: 1 ." in words
    assert words.index("largest-contentful-paint") < words.index("text-compression")  # graver first
    assert "5,000 ms poor" in words and "0.300 poor" in words
    assert f'<img src="data:image/jpeg;base64,{SHOT}"' in own
    assert "/products/c" not in own


def test_a_page_with_nothing_of_its_own_has_no_view_and_no_link():
    report = html.render(measured_result(), "en")
    d = page_row(report, f"{SITE}/products/d")  # crawled, not measured, no finding
    assert "#page-" not in d and 'id="page-5"' not in report


def test_the_page_view_is_in_arabic_in_the_arabic_report():
    own = text(view(html.render(measured_result(), "ar"), "page-3"))
    assert "ملاحظتان على هذه الصفحة" in own and "العودة إلى الصفحات" in own


def test_links_to_the_csv_files_written_beside_the_report_and_only_known_names():
    result = measured_result()
    assert 'href="pages.csv"' not in html.render(result, "en")
    result["run"]["outputs"] = ["pages.csv", "findings.csv", "javascript:alert(1)", "../secret.txt"]
    foot = re.search(r"<footer.*?</footer>", html.render(result, "en"), re.DOTALL).group(0)
    assert re.findall(r'href="([^"]+)"', foot) == ["result.json", "pages.csv", "findings.csv"]


def test_the_largest_element_shows_its_text_or_its_tag_and_source():
    result = measured_result()
    pages = {p["url"]: p for p in result["pages"]}
    pages[SITE + "/"]["render"]["lcp_element"] = {"selector": "main > h1", "kind": "text", "url": None, "size": 900,
                                                  "tag": "h1", "text": "قهوة مختصة من الرياض"}
    pages[SITE + "/products/b"]["render"]["lcp_element"] = {
        "selector": "#hero", "kind": "image", "url": SITE + "/img/hero%20big.jpg", "size": 90000, "tag": "img", "text": None}
    speed = section(html.render(result, "en"))
    home = row(speed, f'href="{SITE}/"')
    assert '<q><bdi dir="auto">قهوة مختصة من الرياض</bdi></q>' in home and "<code dir=\"ltr\">main &gt; h1</code>" in home
    hero = row(speed, f'href="{SITE}/products/b"')
    assert '<code dir="ltr">&lt;img&gt;</code> <bdi dir="ltr" class="src">https://shop.example/img/hero big.jpg</bdi>' in hero


@pytest.mark.browser
def test_a_view_opens_from_the_pages_table_in_chromium(tmp_path):
    from playwright.sync_api import sync_playwright

    path = html.write(measured_result(), tmp_path / "report.html", "en")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=list(LAUNCH_ARGS))
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 900})
            tab.goto(path.as_uri())
            assert not tab.is_visible("#page-3")
            tab.click('#page-rows a[href="#page-3"]')
            assert tab.is_visible("#page-3") and not tab.is_visible("#page-1")
            assert tab.evaluate("document.querySelector('#page-3').getBoundingClientRect().top") < 900  # scrolled to it
        finally:
            browser.close()
