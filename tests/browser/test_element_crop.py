"""The element at fault, cropped from the first-screen screenshot: the render stage records
where the elements it reports sit, and the report shows that part of the screenshot.
Measured in Chromium, then the report itself rendered in Chromium at desktop and phone width."""

import base64

import pytest

from auditor.audits import get_audit
from auditor.browser import LAUNCH_ARGS
from auditor.browser.measure import measure_pages
from reports import html

BLUE = (40, 120, 200)  # the fixture image's colour (conftest.make_png)
# the crop frame's box, and the colour at the middle of the element's outline inside it
CROP = """() => {
  const frame = document.querySelector('#fix-list .crop-frame');
  if (!frame) return null;
  frame.scrollIntoView();
  const f = frame.getBoundingClientRect(), m = frame.querySelector('.crop-mark').getBoundingClientRect();
  return {frame: [f.left, f.top, f.width, f.height], mark: [m.left, m.top, m.width, m.height],
          img_loaded: frame.querySelector('img').complete && frame.querySelector('img').naturalWidth > 0};
}"""


# the middle pixel of a PNG, decoded by the browser
PIXEL = """async (b64) => {
  const img = new Image(); img.src = 'data:image/png;base64,' + b64; await img.decode();
  const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
  const g = c.getContext('2d'); g.drawImage(img, 0, 0);
  return Array.from(g.getImageData(img.width >> 1, img.height >> 1, 1, 1).data.slice(0, 3));
}"""


@pytest.fixture(scope="module", params=["desktop", "mobile"])
def measured(request, site, chromium):
    (result,) = measure_pages([site + "/crop.html"], profile=request.param, timeout_s=10, executable_path=chromium)
    return result


def test_the_boxes_of_reported_elements_are_recorded_where_the_screenshot_shows_them(measured):
    boxes = measured["boxes"]
    assert measured["screenshot_jpeg_b64"]
    assert any(v["id"] == "image-alt" for v in measured["axe"])
    assert boxes["items"]["#hero"] == [40, 300, 240, 160]  # axe-core's target
    assert boxes["items"]["img@" + measured["url"].rsplit("/", 1)[0] + "/img/240x160.png"] == [40, 300, 240, 160]
    assert "#below" not in boxes["items"]  # below the first screen: not in the screenshot
    assert boxes["width"] > 300 and boxes["height"] > 460


def _result(measured, site):
    url = site + "/crop.html"
    audit = get_audit("image-alt").meta.to_dict()
    # as the HTML audit names it: a bare `img`, located by its address
    finding = {"url": url, "message_key": "missing", "selector": "img", "data": {"src": site + "/img/240x160.png"}}
    page = {"url": url, "status": 200, "is_html": True, "depth": 0, "lang": "en", "title": "Crop",
            "screenshot": measured["screenshot_jpeg_b64"], "metrics": measured["metrics"],
            "render": {"boxes": measured["boxes"], "lcp_element": measured["lcp_element"]}}
    return {"run": {"start_urls": [url], "settings": {}}, "categories": {}, "pages": [page],
            "audits": {"image-alt": {**audit, "findings": [finding], "failing_pages": 1, "score": 0.0,
                                     "applicable": 1, "errors": []}}}


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_fix_card_shows_the_element_cropped_from_the_screenshot(measured, site, chromium, tmp_path, width, lang):
    from playwright.sync_api import sync_playwright

    path = tmp_path / "report.html"
    html.write(_result(measured, site), path, lang)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=list(LAUNCH_ARGS))
        try:
            tab = browser.new_page(viewport={"width": width, "height": 900})
            tab.goto(path.as_uri())
            tab.evaluate("document.querySelector('#fix-list .crop-frame').scrollIntoView()")  # a lazy image loads
            tab.wait_for_function("document.querySelector('#fix-list .crop-frame img').naturalWidth > 0", timeout=10_000)
            crop = tab.evaluate(CROP)
            assert crop and crop["img_loaded"]
            fx, fy, fw, fh = crop["frame"]
            mx, my, mw, mh = crop["mark"]
            assert fx <= mx and mx + mw <= fx + fw + 1 and fy <= my and my + mh <= fy + fh + 1  # the element is inside
            assert fx >= 0 and fx + fw <= width  # the crop fits the screen, phone included
            assert 0.3 < mw / fw < 0.95  # the element with some of the page around it
            shot = tab.screenshot(clip={"x": mx + mw / 2 - 3, "y": my + mh / 2 - 3, "width": 6, "height": 6})
            pixel = tab.evaluate(PIXEL, base64.b64encode(shot).decode())
        finally:
            browser.close()
    assert all(abs(a - b) < 40 for a, b in zip(pixel, BLUE)), pixel  # the crop shows the element itself
