"""Crops of the first-screen screenshot around the element a finding names, from hand-built results."""

from reports import crops, html
from reports.fixes import build_fixes
from tests.report_result import HOSTILE_TITLE, build_result

SHOT = "QUJD"  # base64; the report never decodes it


def test_a_small_element_gets_a_readable_strip_of_the_screen_around_it():
    frame = crops.crop([500, 300, 40, 20], 1280, 800)
    assert frame["ratio"] == "320 / 180"  # widened to the minimum around the element's middle
    assert frame["img"] == {"width": 400.0, "left": -112.5, "top": -122.222}  # 1280/320; x0 = 520 - 160; y0 = 310 - 90
    assert frame["mark"] == {"left": 43.75, "top": 44.444, "width": 12.5, "height": 11.111}


def test_an_element_at_the_screen_edge_keeps_the_crop_inside_the_screen():
    frame = crops.crop([0, 0, 30, 30], 390, 844)
    assert frame["img"]["left"] == 0 and frame["img"]["top"] == 0
    assert frame["mark"]["left"] == 0 and frame["mark"]["top"] == 0
    right = crops.crop([370, 830, 40, 40], 390, 844)  # sticking out of the screen: clipped to it
    assert right["img"]["left"] == round(-100 * (390 - 320) / 320, 3)
    assert right["mark"]["left"] + right["mark"]["width"] <= 100.001
    assert right["mark"]["top"] + right["mark"]["height"] <= 100.001


def test_a_large_element_is_shown_whole_with_its_margin():
    frame = crops.crop([100, 100, 600, 300], 1280, 800)
    assert frame["ratio"] == "648 / 348"
    assert frame["show"] == round(648 * 600 / 1280)  # one screenshot pixel per CSS pixel (the capture is 600 wide)


def test_bad_boxes_make_no_crop():
    assert crops.crop([1, 2, 0, 5], 1280, 800) is None
    assert crops.crop(["x", 2, 3, 4], 1280, 800) is None
    assert crops.crop([1, 2, 3], 1280, 800) is None
    assert crops.crop([1, 2, 3, 4], 0, 800) is None


def _result(selector="#hero", shot=SHOT):
    result = build_result()
    page = result["pages"][1]
    page["screenshot"] = shot
    page["render"] = {"boxes": {"width": 1280, "height": 800, "items": {selector: [40, 300, 240, 160]}}}
    audit = result["audits"]["image-alt"]
    audit["findings"] = [{"url": page["url"], "message_key": "missing", "selector": "img", "data": {"src": "/a.png"}},
                         {"url": page["url"], "message_key": "missing", "selector": selector, "data": {"src": "/b.png"}}]
    audit["failing_pages"] = 1
    return result


def test_a_fix_is_cropped_to_the_first_of_its_findings_whose_element_was_located():
    fix = next(f for f in build_fixes(_result()) if f.audit["id"] == "image-alt")
    assert fix.crop["selector"] == "#hero" and fix.crop["screenshot"] == SHOT
    assert fix.crop["url"].endswith("/products/0.html")


def test_no_crop_without_a_usable_screenshot():
    fix = next(f for f in build_fixes(_result(shot="<svg onload=x>")) if f.audit["id"] == "image-alt")
    assert fix.crop is None


def test_the_fix_card_shows_the_crop_with_its_selector_escaped():
    page = html.render(_result(selector=HOSTILE_TITLE), "en")
    card = page.split('id="fix-list"', 1)[1].split("</ol>", 1)[0]
    assert card.count('class="crop-frame"') == 1
    assert 'style="aspect-ratio: 320 / 208; inline-size: 240px"' in card  # the element with its margin
    assert HOSTILE_TITLE not in card and "&lt;img src=x onerror=alert(1)&gt;" in card


def test_elements_named_as_the_html_names_them_are_found_by_id_or_image_address():
    locate = crops.Locator([{"url": "u", "screenshot": SHOT, "render": {"boxes": {"width": 390, "height": 844, "items": {
        "#phone": [10, 10, 100, 30], "img@https://shop.example/a.png": [0, 100, 390, 200]}}}}])
    assert locate({"url": "u", "selector": "form > input#phone", "data": {}})["selector"] == "#phone"
    assert locate({"url": "u", "selector": "img", "data": {"src": "https://shop.example/a.png"}})["selector"] == \
        "img@https://shop.example/a.png"
    assert locate({"url": "u", "selector": 'a[href="#phone"]', "data": {}}) is None
    assert locate({"url": "other", "selector": "#phone", "data": {}}) is None
