"""The Arabic report shows code, URLs, selectors and numbers in their own order:
rendered in Chromium, each span's characters read left to right as written."""

import pytest

from auditor.browser import LAUNCH_ARGS, find_chromium
from reports import html
from tests.report_result import BASE, build_result

pytestmark = pytest.mark.browser

META = '<meta name="robots" content="noindex, follow">'
PHONE = "+966 11 234 5678"
SELECTOR = "#main > div.hero > img"
# The characters of `needle` inside the smallest element showing it, ordered as they are
# displayed (line by line, left to right): equal to `needle` when it keeps its order.
DISPLAYED = """([needle, scope]) => {
  const holders = [...document.querySelectorAll(scope + ', ' + scope + ' *')].filter(e => e.textContent.includes(needle));
  const el = holders.sort((a, b) => a.textContent.length - b.textContent.length)[0];
  if (!el) return null;
  const chars = [];
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walk.nextNode(); node; node = walk.nextNode())
    for (let i = 0; i < node.data.length; i++) chars.push([node, i]);
  const text = chars.map(([n, i]) => n.data[i]).join('');
  const start = text.indexOf(needle);
  const shown = chars.slice(start, start + needle.length).map(([node, i]) => {
    const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1);
    const box = r.getBoundingClientRect();
    return {c: node.data[i], top: Math.round(box.top + box.height / 2), left: box.left};
  }).filter(x => x.c.trim());
  shown.sort((a, b) => (Math.abs(a.top - b.top) > 4 ? a.top - b.top : a.left - b.left));
  return shown.map(x => x.c).join('');
}"""


def _result():
    result = build_result()
    page = result["pages"][1]
    result["audits"]["noindex"]["findings"] = [
        {"url": page["url"], "message_key": "meta", "data": {"name": "robots", "value": "noindex, follow"}}]
    result["audits"]["bidi-isolation"]["findings"] = [
        {"url": page["url"], "message_key": "unisolated",
         "data": {"kind": "phone number", "text": PHONE, "displayed": "5678 234 11 966+"}}]
    result["audits"]["html-dir"]["findings"] = [{"url": page["url"], "message_key": "missing", "data": {}}]
    for audit_id in ("noindex", "bidi-isolation", "html-dir"):
        result["audits"][audit_id]["failing_pages"] = 1
    page["render"] = {"lcp_element": {"selector": SELECTOR}}
    return result


@pytest.fixture(scope="module")
def tab(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    path = tmp_path_factory.mktemp("report-bidi") / "report.html"
    html.write(_result(), path, "ar")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=find_chromium(), args=list(LAUNCH_ARGS))
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(path.as_uri())
        yield page
        browser.close()


@pytest.mark.parametrize("needle, scope", [
    (META, "#fix-list .what"),  # a message whose values sit inside code
    ('dir="rtl"', "#fix-list .howto"),  # code inside translated advice
    (PHONE, "#fix-list .what"),  # a number inside a message
    ("/products/*", "#fix-list .scope"),  # a template path
    (f"{BASE}/returns", "#fix-list"),  # a URL
    (SELECTOR, "#speed"),  # a selector in the speed table
    ("a[href='/returns']", "#fix-list .why-fired"),  # an element in a why-this-fired line
    ('name="robots"', "#finding-list td.finding .why-line"),  # an attribute in the findings table's evidence
    (PHONE, "#finding-list td.finding .why-line"),  # a number in the evidence
])
def test_code_spans_keep_their_order_in_the_arabic_report(tab, needle, scope):
    assert tab.evaluate("document.documentElement.dir") == "rtl"
    assert tab.evaluate(DISPLAYED, [needle, scope]) == needle.replace(" ", "")
