"""The report in a real Chromium, from a file:// URL, in Arabic and in English."""

import re

import pytest
from babel.messages.pofile import read_po

from auditor.browser import LAUNCH_ARGS, find_chromium
from reports import html, i18n
from reports.fixes import build_fixes
from tests.report_result import HOSTILE_TEXT, HOSTILE_TITLE, build_result

pytestmark = pytest.mark.browser
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z-]{2,}")
# Visible text without what is not UI language: links (URLs), code, isolated data and numbers.
UI_TEXT = """() => {
  const copy = document.body.cloneNode(true);
  copy.querySelectorAll('a, code, bdi, [dir=ltr], script, style, svg, .visually-hidden').forEach(e => e.remove());
  document.body.appendChild(copy); copy.hidden = false;
  const text = copy.innerText; copy.remove(); return text;
}"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=find_chromium(), args=list(LAUNCH_ARGS))
        yield b
        b.close()


@pytest.fixture(scope="module", params=["ar", "en"])
def report(request, tmp_path_factory):
    path = tmp_path_factory.mktemp(f"report-{request.param}") / "report.html"
    html.write(build_result(), path, request.param)
    return request.param, path


@pytest.fixture
def page(browser, report):
    lang, path = report
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.goto(path.as_uri())
    yield lang, tab
    assert dialogs == []  # no hostile text ever ran
    tab.close()


def _visible(tab, selector):
    return tab.locator(selector).evaluate_all("els => els.filter(e => e.offsetParent !== null).length")


def test_direction_and_headings(page):
    lang, tab = page
    assert tab.evaluate("[document.documentElement.lang, document.documentElement.dir]") == (
        ["ar", "rtl"] if lang == "ar" else ["en", "ltr"])
    headings = tab.locator("h2").all_inner_texts()
    expected = ["الملخص", "خطة الإصلاح", "رحلة العميل"] if lang == "ar" else ["Summary", "Fix plan", "Customer journey"]
    assert headings[:3] == expected
    # a template-wide defect is one fix: twelve product pages, one card
    scopes = tab.locator("#fix-list .scope").all_inner_texts()
    assert [s for s in scopes if "/products/*" in s] == [
        "قالب واحد: /products/* · صفحاته الـ12 كلها · الملاحظات" if lang == "ar"
        else "One template: /products/* · all 12 pages · Findings"]


@pytest.mark.parametrize("report", ["ar"], indirect=True)
def test_arabic_report_has_no_english_ui_words(page):
    lang, tab = page
    assert lang == "ar"
    with open(i18n.po_path("ar"), "rb") as f:
        allowed = {w for m in read_po(f, locale="ar") if m.string
                   for s in (m.string if isinstance(m.string, tuple) else (m.string,)) for w in LATIN_WORD.findall(s)}
    words = set(LATIN_WORD.findall(tab.evaluate(UI_TEXT)))
    assert words - allowed == set()  # Latin words only where the translations keep them (Google, CSS...)


def test_hostile_text_shows_as_text(page):
    _, tab = page
    assert tab.locator("img[src='x']").count() == 0
    assert tab.locator("body script").count() == 1  # the report's own script only
    assert tab.get_by_text(HOSTILE_TITLE, exact=True).count() >= 1
    assert HOSTILE_TEXT in tab.locator("#finding-list").inner_text()


def test_filters_by_impact_and_journey(page):
    _, tab = page
    fixes = build_fixes(build_result())
    total = min(len(fixes), 30)
    assert _visible(tab, "#fix-list > li") == total
    tab.select_option("form[data-filter='#fix-list'] select[name=impact]", "serious")
    assert _visible(tab, "#fix-list > li") == sum(1 for f in fixes[:30] if f.audit["impact"] == "serious")
    tab.select_option("form[data-filter='#fix-list'] select[name=impact]", "")
    tab.select_option("form[data-filter='#fix-list'] select[name=journey]", "loyalty")
    assert _visible(tab, "#fix-list > li") == sum(1 for f in fixes[:30] if "loyalty" in f.audit["journey"])


def test_search_over_urls_and_messages(page):
    _, tab = page
    form = "form[data-filter='#finding-list']"
    tab.fill(f"{form} input[name=q]", "products/3")
    assert _visible(tab, "#finding-list tr[data-item]") == 1
    tab.fill(f"{form} input[name=q]", "script>alert(1)")  # the hostile anchor text, in four broken-link messages
    assert _visible(tab, "#finding-list tr[data-item]") == 4
    assert _visible(tab, "#finding-list details.audit") == 1
    tab.select_option(f"{form} select[name=category]", "seo")
    assert _visible(tab, "#finding-list tr[data-item]") == 0
    tab.fill(f"{form} input[name=q]", "")
    assert _visible(tab, "#finding-list tr[data-item]") == 12 + 1 + 1  # meta-description, title-length, html-lang


def test_page_table_sorts_by_depth(page):
    _, tab = page
    header = tab.locator("table.pages th[data-sort]").nth(2)
    header.locator("button").click()
    depths = tab.locator("#page-rows tr td:nth-child(3)").all_inner_texts()
    assert depths == sorted(depths, key=int) and header.get_attribute("aria-sort") == "ascending"
    header.locator("button").press("Enter")  # keyboard operable
    assert tab.locator("#page-rows tr td:nth-child(3)").first.inner_text() == "2"


def test_without_script_everything_is_shown(browser, report):
    _, path = report
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(path.as_uri())
    assert _visible(tab, "#fix-list > li") == min(len(build_fixes(build_result())), 30)
    assert _visible(tab, "form.filters") == 0  # controls that need the script stay hidden
    context.close()


def test_arabic_method_speed_and_axe_text_have_no_english(browser, tmp_path):
    result = build_result()
    home, product = result["pages"][0], result["pages"][1]
    result["run"]["settings"] = {"max_pages": None, "ignore_robots": False, "sitemap": True, "include": [],
                                 "render": "sample", "profile": "mobile"}
    result["run"]["render"] = {"mode": "sample", "profile": "mobile", "runs": 1, "templates": {
        "/ [main+nav]": {"pattern": "/", "pages": 1, "example": home["url"], "sampled": [home["url"]],
                         "reasons": {home["url"]: "start page"}, "measured": True},
        "/products/* [main+nav]": {"pattern": "/products/*", "pages": 12, "example": product["url"],
                                   "sampled": [product["url"]], "reasons": {product["url"]: "template sample"},
                                   "measured": True}}}
    axe = result["audits"]["axe-violations"]
    axe["findings"] = [{"url": product["url"], "message_key": "violation", "data": {
        "rule": "region", "impact": "moderate", "help": "All page content should be contained by landmarks", "nodes": 1}}]
    axe["failing_pages"] = 1
    result["audits"]["hreflang-rtl"]["findings"] = [{"url": product["url"], "message_key": "invalid-code", "data": {
        "code": "ar_SA", "problem": "underscore", "suggestion": "ar-SA"}}]
    result["audits"]["hreflang-rtl"]["failing_pages"] = 1
    path = tmp_path / "report.html"
    html.write(result, path, "ar")
    tab = browser.new_page()
    tab.goto(path.as_uri())
    tab.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    method = tab.locator("#method").inner_text()
    speed = tab.locator("#speed").inner_text()
    findings = tab.locator("#audit-axe-violations").inner_text() + tab.locator("#audit-hreflang-rtl").inner_text()
    tab.close()
    assert not re.search(r"\b(None|True|False|sample|mobile)\b|\[\]", method), method
    assert not re.search(r"\b(ms|KiB|runs|template sample|start page)\b", speed), speed
    assert "All page content" not in findings and "underscore" not in findings
    assert "1 عناصر" not in findings and "عدد العناصر: 1" in findings


def test_the_first_screen_at_390_px_shows_the_verdict_and_the_first_fix_before_the_scores(browser, report):
    lang, path = report
    tab = browser.new_page(viewport={"width": 390, "height": 844})
    tab.goto(path.as_uri())
    first_fix = tab.locator("#summary ol.first > li").first.bounding_box()
    scores = tab.locator("#summary .scores").bounding_box()
    verdict = tab.locator("#summary .verdict").inner_text()
    link = tab.locator("#summary ol.first > li a").first.get_attribute("href")
    tab.close()
    assert first_fix["y"] + first_fix["height"] <= 844 and first_fix["y"] < scores["y"]
    assert verdict and link == "#fix-1"
