"""Rendered RTL audits from hand-built collector facts (no browser)."""

from __future__ import annotations

from auditor.audits import get_audit
from auditor.browser.render import facts_from_measurement as _facts
from auditor.browser.rtl_render import judge_fallback
from tests.factories import findings, make_page

RENDERED = ("rtl-overflow", "text-align-rtl", "font-fallback", "line-height-rtl", "computed-direction", "logo-nav-side")
GOOD_HEADER = {"selector": "body > header",
               "logo": {"selector": "header > a", "snippet": "<a>", "left": 1214, "right": 1334, "side": "right"},
               "nav": {"selector": "header > nav", "items": 4, "order": "rtl", "first_item": "الرئيسية"}}


def layout(width, scroll_width=None, elements=(), header=GOOD_HEADER):
    return {"width": width, "height": 900, "client_width": width, "scroll_width": scroll_width or width,
            "elements": list(elements), "element_count": len(elements), "header": header}


def part(*items, count=None):
    return {"count": len(items) if count is None else count, "items": list(items)}


def rtl_page(**rtl):
    """A measured RTL page on which every rendered check passed; override one part to plant a fault."""
    facts = {"is_rtl": True, "rtl_share": 0.97, "direction": part(), "text_align": part(), "line_height": part(),
             "fonts": [], "layouts": [layout(1350), layout(412)]}
    facts.update(rtl)
    return make_page(facts={"_collected": {"rtl": facts}})


def audit(audit_id):
    return get_audit(audit_id)


def test_all_rendered_audits_declare_full_meta():
    for audit_id in RENDERED:
        meta = audit(audit_id).meta
        assert meta.category == "rtl"
        assert meta.required_artifacts == ("page.facts._collected.rtl",)
        assert meta.help_url.startswith("https://") and meta.how_to_fix and meta.seo_outcome and meta.cx_outcome


def test_nothing_applies_without_collected_facts_or_on_ltr_pages():
    unmeasured = make_page()
    ltr = make_page(facts={"_collected": {"rtl": {"is_rtl": False, "rtl_share": 0.0}}})
    broken = make_page(facts={"_collected": {"rtl": "oops"}})
    for audit_id in RENDERED:
        for page in (unmeasured, ltr, broken):
            assert not audit(audit_id).applies(page, None), audit_id


def test_a_clean_rtl_page_passes_every_rendered_audit():
    page = rtl_page()
    for audit_id in RENDERED:
        assert audit(audit_id).applies(page, None), audit_id
        assert findings(audit(audit_id), page) == [], audit_id


def test_overflow_reports_the_wide_document_and_each_element():
    banner = {"selector": "main > div", "snippet": "<div class=\"banner\">", "left": -520, "right": 396,
              "width": 916, "side": "left"}
    page = rtl_page(layouts=[layout(1350), layout(412, scroll_width=932, elements=[banner])])
    found = findings(audit("rtl-overflow"), page)
    assert [(f.message_key, f.selector, f.data["width"]) for f in found] == [
        ("document-wider", "html", 412), ("element-out", "main > div", 412)]
    assert found[0].data["extra"] == 520
    assert found[1].snippet == "<div class=\"banner\">" and found[1].data["side"] == "left"


def test_overflow_of_one_pixel_is_rounding_not_overflow():
    page = rtl_page(layouts=[layout(1350, scroll_width=1351), layout(412)])
    assert findings(audit("rtl-overflow"), page) == []


def test_text_align_left_is_reported_per_block_with_the_total():
    item = {"selector": "main > p", "snippet": "نص عربي", "text_align": "left", "direction": "rtl"}
    found = findings(audit("text-align-rtl"), rtl_page(text_align=part(item, count=25)))
    assert [(f.selector, f.snippet, f.data["text_align"], f.data["blocks"]) for f in found] == [
        ("main > p", "نص عربي", "left", 25)]


def test_direction_mismatch_both_ways():
    rtl_in_ltr = {"selector": "main > p", "snippet": "نص", "direction": "ltr", "text_script": "rtl"}
    ltr_in_rtl = {"selector": "main > blockquote", "snippet": "An English quote", "direction": "rtl",
                  "text_script": "ltr"}
    found = findings(audit("computed-direction"), rtl_page(direction=part(rtl_in_ltr, ltr_in_rtl)))
    assert [f.message_key for f in found] == ["rtl-text-ltr-block", "ltr-text-rtl-block"]


def test_direction_mismatch_names_the_element_it_comes_from():
    carousel = {"selector": "main > div > p", "snippet": "نص", "direction": "ltr", "text_script": "rtl",
                "set_by": "main > div.slider", "set_with": 'dir="ltr"'}
    found = findings(audit("computed-direction"), rtl_page(direction=part(carousel)))
    assert [(f.data["set_by"], f.data["set_with"]) for f in found] == [("main > div.slider", 'dir="ltr"')]


def test_font_fallback_only_for_groups_that_fell_back():
    fell = {"selector": "main > h1", "snippet": "قهوة", "first_family": "Roboto", "font_family": "Roboto",
            "web_font": True, "available": True, "fallback": True, "fallback_fonts": ["DejaVu Sans"]}
    fine = {**fell, "selector": "main > p", "first_family": "Cairo", "fallback": False, "fallback_fonts": []}
    unknown = {**fell, "selector": "nav", "available": False, "fallback": False, "fallback_fonts": []}
    found = findings(audit("font-fallback"), rtl_page(fonts=[fell, fine, unknown]))
    assert [(f.selector, f.data["first_family"], f.data["fallback_fonts"]) for f in found] == [
        ("main > h1", "Roboto", "DejaVu Sans")]


def test_line_height_under_one_and_a_half():
    tight = {"selector": "main > p", "snippet": "نص", "ratio": 1.1, "line_height": "18.7px", "font_size": 17, "lines": 3}
    edge = {**tight, "selector": "main > li", "ratio": 1.5}
    found = findings(audit("line-height-rtl"), rtl_page(line_height=part(tight, edge)))
    assert [(f.selector, f.data["ratio"], f.data["line_height"]) for f in found] == [("main > p", 1.1, "18.7px")]


def test_line_height_leaves_large_display_text_alone():
    title = {"selector": "section > p", "snippet": "شراكاتنا", "ratio": 1.2, "line_height": "36px", "font_size": 30,
             "lines": 2}
    body = {**title, "selector": "section > div > p", "font_size": 16, "line_height": "19.2px"}
    found = findings(audit("line-height-rtl"), rtl_page(line_height=part(title, body)))
    assert [f.selector for f in found] == ["section > div > p"]


def test_logo_nav_side_needs_both_the_logo_left_and_the_menu_left_to_right():
    mirrored = {"selector": "header", "logo": {**GOOD_HEADER["logo"], "side": "left"},
                "nav": {**GOOD_HEADER["nav"], "order": "ltr"}}
    logo_only = {**mirrored, "nav": GOOD_HEADER["nav"]}
    menu_only = {**mirrored, "logo": GOOD_HEADER["logo"]}
    check = audit("logo-nav-side")
    assert findings(check, rtl_page(layouts=[layout(1350, header=logo_only), layout(412, header=menu_only)])) == []
    found = findings(check, rtl_page(layouts=[layout(1350, header=mirrored), layout(412, header=mirrored)]))
    assert [(f.selector, f.data["width"], f.data["items"]) for f in found] == [("header > a", 1350, 4)]
    assert not check.applies(rtl_page(layouts=[layout(1350, header=None)]), None)


def test_a_header_left_to_right_on_a_page_without_dir_names_html_dir_as_its_root_cause():
    from auditor.facts.runner import run_audits
    from tests.factories import make_site

    mirrored = {"selector": "header", "logo": {**GOOD_HEADER["logo"], "side": "left"},
                "nav": {**GOOD_HEADER["nav"], "order": "ltr"}}
    undeclared = rtl_page(layouts=[layout(1350, header=mirrored)])
    undeclared.url, undeclared.dir = undeclared.url + "/undeclared", None
    declared = rtl_page(layouts=[layout(1350, header=mirrored)])  # dir="rtl", yet laid out left to right
    out = run_audits([undeclared, declared], make_site([undeclared, declared]),
                     [audit("html-dir"), audit("logo-nav-side")])["audits"]
    assert {f["url"]: f["data"].get("root_cause") for f in out["logo-nav-side"]["findings"]} == {
        undeclared.url: {"audit": "html-dir", "message_key": "missing"}, declared.url: None}


def test_fallback_judged_from_the_fonts_that_drew_the_probe():
    custom = {"familyName": "Brand Sans", "isCustomFont": True}
    system = {"familyName": "DejaVu Sans", "isCustomFont": False}
    liberation = {"familyName": "Liberation Sans", "isCustomFont": False}
    # A web font is known by being the only custom font in its probe, whatever its internal name.
    assert judge_fallback("Brand", True, [custom], []) == {"available": True, "fallback": False, "fallback_fonts": []}
    assert judge_fallback("Brand", True, [system], []) == {
        "available": True, "fallback": True, "fallback_fonts": ["DejaVu Sans"]}
    # A system font by its name; one that draws no Latin either is not installed: not judged.
    assert judge_fallback("Liberation Sans", False, [system], [liberation])["fallback"] is True
    assert judge_fallback("dejavu sans", False, [system], [system])["fallback"] is False
    assert judge_fallback("Roboto", False, [system], [system]) == {
        "available": False, "fallback": False, "fallback_fonts": []}


def test_render_facts_make_the_outlined_screenshot_public_once():
    result = {"collected": {"rtl": {"is_rtl": True, "outlined_jpeg_b64": "/9j/AAAA", "outlined": 1}}}
    facts = _facts(result, keep_screenshot=True)
    assert facts["rtl_screenshot"] == "/9j/AAAA"
    assert facts["_collected"]["rtl"] == {"is_rtl": True, "outlined": 1}
    result = {"collected": {"rtl": {"is_rtl": True, "outlined_jpeg_b64": "/9j/AAAA"}}}
    assert _facts(result, keep_screenshot=False)["rtl_screenshot"] is None
    assert _facts({"collected": {}}, keep_screenshot=True)["rtl_screenshot"] is None


def test_blocks_left_to_right_on_a_page_without_dir_name_html_dir_as_their_root_cause():
    # Without dir="rtl" on <html> every block of an Arabic page is left to right and
    # aligned left: one cause, fixed on <html>; the findings keep their count.
    from auditor.facts.runner import run_audits
    from tests.factories import make_site

    block = {"selector": "main > p", "snippet": "نص عربي", "direction": "ltr", "text_script": "rtl", "text_align": "start"}
    ltr_blocks = {"direction": part(block, count=12), "text_align": part(block, count=12)}
    undeclared = rtl_page(**ltr_blocks)
    undeclared.url, undeclared.dir = undeclared.url + "/undeclared", None
    declared = rtl_page(**ltr_blocks)  # dir="rtl" on <html>; the blocks are set left to right inside
    ids = ("html-dir", "computed-direction", "text-align-rtl")
    out = run_audits([undeclared, declared], make_site([undeclared, declared]), [audit(i) for i in ids])["audits"]
    assert [(f["url"], f["message_key"]) for f in out["html-dir"]["findings"]] == [(undeclared.url, "missing")]
    for audit_id in ("computed-direction", "text-align-rtl"):
        assert {f["url"]: f["data"].get("root_cause") for f in out[audit_id]["findings"]} == {
            undeclared.url: {"audit": "html-dir", "message_key": "missing"}, declared.url: None}, audit_id


def test_english_blocks_of_a_page_declared_right_to_left_name_html_dir_as_their_root_cause():
    # an untranslated copy of an English page under /ar/ with dir="rtl": every English block
    # is set right to left because of the one attribute on <html>
    from auditor.facts.runner import run_audits
    from tests.factories import make_site

    english = "Our team delivers quality medicines across the region with care and speed, every single day."
    block = {"selector": "main > p", "snippet": english, "direction": "rtl", "text_script": "ltr", "text_align": "start"}
    page = rtl_page(direction=part(block, count=5))
    page.lang, page.dir, page.text = "en", "rtl", " ".join([english] * 8)
    out = run_audits([page], make_site([page]), [audit("html-dir"), audit("computed-direction")])["audits"]
    assert [f["message_key"] for f in out["html-dir"]["findings"]] == ["rtl-on-ltr"]
    assert [(f["message_key"], f["data"].get("root_cause")) for f in out["computed-direction"]["findings"]] == [
        ("ltr-text-rtl-block", {"audit": "html-dir", "message_key": "rtl-on-ltr"})]


def test_english_blocks_of_an_untranslated_arabic_copy_name_the_language_mismatch_as_their_root_cause():
    # a documentation site's Arabic locale showing the English text it has no translation for
    from auditor.facts.computed import Computed
    from auditor.facts.runner import run_audits
    from tests.factories import make_site

    english = "Our Human Resources management guidelines and procedures, for every employee of the company."
    block = {"selector": "header > p", "snippet": english, "direction": "rtl", "text_script": "ltr", "text_align": "start"}
    page = rtl_page(direction=part(block, count=6))
    page.lang, page.dir, page.text = "ar", "rtl", " ".join([english] * 8)
    page = Computed()(page)  # the page's language, as the audit pass reads it
    ids = ("html-dir", "lang-mismatch", "computed-direction")
    out = run_audits([page], make_site([page]), [audit(i) for i in ids])["audits"]
    assert [f["message_key"] for f in out["lang-mismatch"]["findings"]] == ["mismatch"]
    assert [(f["message_key"], f["data"].get("root_cause")) for f in out["computed-direction"]["findings"]] == [
        ("ltr-text-rtl-block", {"audit": "lang-mismatch", "message_key": "mismatch"})]
