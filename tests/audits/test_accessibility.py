"""Accessibility audits read from the static HTML facts of a page."""

from __future__ import annotations

from auditor.audits import get_audit
from auditor.model import Image
from tests.factories import BASE, findings, make_page, make_site


def keyed(found) -> list[tuple[str, dict]]:
    return [(f.message_key, f.data) for f in found]


def headings(*levels: int) -> list[dict]:
    return [{"level": level, "text": f"عنوان {i}"} for i, level in enumerate(levels)]


# -- heading-order -------------------------------------------------------------------

HEADING_ORDER = get_audit("heading-order")


def test_heading_order_one_level_at_a_time_passes():
    assert findings(HEADING_ORDER, make_page(headings=headings(1, 2, 3, 2, 3))) == []


def test_heading_order_going_back_up_several_levels_passes():
    assert findings(HEADING_ORDER, make_page(headings=headings(1, 2, 3, 4, 2, 1))) == []


def test_heading_order_may_start_below_h1():
    assert findings(HEADING_ORDER, make_page(headings=headings(2, 3))) == []


def test_heading_order_skipped_level():
    page = make_page(headings=[{"level": 1, "text": "قهوة"}, {"level": 3, "text": "الأسعار"}])
    found = findings(HEADING_ORDER, page)
    assert keyed(found) == [("skip", {"to": 3, "from_level": 1, "missing": 2, "text": "الأسعار"})]
    assert found[0].selector == "h3"


def test_heading_order_each_skip_is_a_finding():
    page = make_page(headings=headings(1, 2, 4, 2, 5))
    assert keyed(findings(HEADING_ORDER, page)) == [
        ("skip", {"to": 4, "from_level": 2, "missing": 3, "text": "عنوان 2"}),
        ("skip", {"to": 5, "from_level": 2, "missing": 3, "text": "عنوان 4"}),
    ]


def test_heading_order_long_heading_text_is_cut():
    page = make_page(headings=[{"level": 1, "text": "a"}, {"level": 4, "text": "ب" * 200}])
    assert findings(HEADING_ORDER, page)[0].data["text"] == "ب" * 80


def test_heading_order_not_applicable_with_one_heading_or_on_an_error_page():
    site = make_site([])
    assert not HEADING_ORDER.applies(make_page(headings=headings(3)), site)
    assert not HEADING_ORDER.applies(make_page(headings=[]), site)
    assert not HEADING_ORDER.applies(make_page(status=404, headings=headings(1, 4)), site)


# -- image-alt -----------------------------------------------------------------------

IMAGE_ALT = get_audit("image-alt")


def test_image_alt_described_and_decorative_images_pass():
    page = make_page(images=[Image(BASE + "/bean.jpg", alt="حبوب بن إثيوبية"), Image(BASE + "/divider.svg", alt="")])
    assert findings(IMAGE_ALT, page) == []


def test_image_alt_missing():
    image = Image(BASE + "/bean.jpg", alt=None, snippet='<img src="/bean.jpg">')
    found = findings(IMAGE_ALT, make_page(images=[image]))
    assert keyed(found) == [("missing", {"src": BASE + "/bean.jpg"})]
    assert (found[0].selector, found[0].snippet) == ("img", '<img src="/bean.jpg">')


def test_image_alt_one_finding_per_image():
    images = [Image(BASE + "/a.jpg"), Image(BASE + "/b.jpg", alt="ب"), Image(BASE + "/c.jpg"), Image(BASE + "/d.jpg", alt="")]
    found = findings(IMAGE_ALT, make_page(images=images))
    assert [f.data["src"] for f in found] == [BASE + "/a.jpg", BASE + "/c.jpg"]
    assert {f.message_key for f in found} == {"missing"}


def test_image_alt_page_without_images_passes():
    assert findings(IMAGE_ALT, make_page(images=[])) == []


def test_image_alt_not_applicable_on_an_error_page():
    page = make_page(status=500, images=[Image(BASE + "/a.jpg")])
    assert not IMAGE_ALT.applies(page, make_site([page]))
