"""Right-to-left facts extracted from saved HTML (auditor/gather/rtl_extract.py, auditor/text/bidi_order.py)."""

from __future__ import annotations

import pytest

from auditor.text.bidi_order import display
from auditor.gather.extract import extract
from auditor.model import PageRecord

AR = "نقدم لعملائنا قهوة مختصة محمصة طازجة كل أسبوع في مدينة الرياض"


def rtl_facts(body: str, html: str = 'lang="ar" dir="rtl"', head: str = '<meta charset="utf-8">',
              content_type: str = "text/html") -> dict:
    doc = f"<!DOCTYPE html><html {html}><head>{head}<title>t</title></head><body>{body}</body></html>"
    record = extract(PageRecord(url="https://shop.example/p", headers={"Content-Type": content_type}),
                     doc.encode("utf-8"), content_type)
    return record.facts["rtl"]


def test_english_page_without_dir_gets_its_charsets_only():
    facts = rtl_facts("<p>Plain English text, 120 SAR.</p>", html='lang="en"')
    assert facts == {"checked": False, "charsets": {"declared": [{"source": "meta charset", "value": "utf-8"}],
                                                    "header": None, "decoded_as": "utf-8"}}


def test_dir_attributes_bdo_and_bdi():
    facts = rtl_facts(f'<p dir="RTL">{AR}</p><p dir="right">{AR}</p><bdo>x</bdo><bdi>y</bdi><bdo dir="ltr">z</bdo>')
    assert [(d["tag"], d["value"], d["valid"]) for d in facts["dirs"]] == [
        ("html", "rtl", True), ("p", "RTL", True), ("p", "right", False), ("bdo", "ltr", True)]
    assert facts["bdo_without_dir"] == ["body > bdo"] and facts["bdi"] == 1
    assert facts["html_dir"] == "rtl" and facts["rtl_share"] > 0.9


@pytest.mark.parametrize("snippet, kind, displayed", [
    ("اتصل على +966 11 234 5678 الآن", "phone", "5678 234 11 966+"),
    ("اتصل على 050-123-4567 الآن", "phone", "4567-123-050"),
    ("السعر $12 فقط", "price", "12$"),
    ("زوروا https://habba.example/ar/ اليوم", "url", "/https://habba.example/ar"),
    ("رمز المنتج 250-HB-01 متوفر", "sku", "HB-01-250"),
])
def test_left_to_right_runs_displayed_out_of_order(snippet, kind, displayed):
    (run,) = rtl_facts(f"<main><p>{snippet}</p></main>")["runs"]
    assert (run["kind"], run["displayed"], run["selector"]) == (kind, displayed, "body > main > p")


@pytest.mark.parametrize("snippet", [
    "اتصل على <bdi>+966 11 234 5678</bdi> الآن",
    'اتصل على <span dir="ltr">+966 11 234 5678</span> الآن',
    "اتصل على &lrm;+966 11 234 5678&lrm; الآن",
    "اتصل على \u2066+966 11 234 5678\u2069 الآن",
])
def test_isolated_runs_are_not_recorded(snippet):
    assert rtl_facts(f"<p>{snippet}</p>")["runs"] == []


def test_runs_the_bidi_algorithm_keeps_in_order_are_not_recorded():
    facts = rtl_facts("<p>الرقم الموحد 920001234 والبريد info@habba.example ونسبة 15% والسعر SAR 120 من Habba Roastery</p>")
    assert facts["runs"] == [] and facts["runs_ok"] == 3  # e-mail, price, name


def test_left_to_right_text_inheriting_right_to_left():
    facts = rtl_facts(f"<p>{AR}</p><blockquote>Great coffee!</blockquote><li>Item 12</li>")
    assert [(r["kind"], r["displayed"]) for r in facts["runs"]] == [("ltr-text", "!Great coffee")]


def test_hebrew_text_with_a_latin_run_is_right_to_left_text_not_left_to_right():
    # a Hebrew biography naming a degree: the block is Hebrew, the degree a run inside it
    he = "יוסי קריספל הינו בעל השכלה נרחבת, בוגר תואר במשפטים L.L.B, בעלים של משרד עורכי דין."
    facts = rtl_facts(f"<p>{he}</p><p>Great service!</p>", html='lang="he" dir="rtl"')
    assert [(r["kind"], r["text"]) for r in facts["runs"]] == [("ltr-text", "Great service!")]


def test_bidi_controls_balance_and_invented_entities():
    facts = rtl_facts("<p>أ \u202bب\u202c ج</p><p>د \u202eهـ و</p><p>ز &rle;ح &rlm; &LRM;</p>")
    assert facts["controls"]["chars"] == {"RLE": 1, "PDF": 1, "RLO": 1, "RLM": 1}
    assert [u["selector"] for u in facts["controls"]["unbalanced"]] == ["body > p"]
    assert facts["controls"]["unbalanced"][0]["open"] == 1
    assert facts["invented_entities"] == ["&LRM;", "&rle;"]


def test_inline_styles_with_their_text():
    facts = rtl_facts(f'<p class="eyebrow" style="letter-spacing: 4px; color: red">{AR}</p>'
                      '<span style="font-style: italic">Latin words</span><div style="direction:rtl; text-align:left">ا</div>')
    assert [(s["selector"], s["properties"], s["arabic"]) for s in facts["styles"]] == [
        ("body > p.eyebrow", {"letter-spacing": "4px"}, True),
        ("body > span", {"font-style": "italic"}, False),
        ("body > div", {"direction": "rtl", "text-align": "left"}, True),
    ]


def test_form_inputs_with_their_direction():
    facts = rtl_facts('<form dir="ltr"><input type="email" name="e"></form><form><input type="tel" name="t" '
                      'inputmode="tel"><input type="hidden" name="h"><textarea name="m" dir="auto"></textarea></form>')
    assert [(i["type"], i["name"], i["dir"], i["inherited_dir"], i["inputmode"]) for i in facts["inputs"]] == [
        ("email", "e", None, "ltr", None), ("tel", "t", None, "rtl", "tel"), ("textarea", "m", "auto", "auto", None)]


def test_direction_icons_as_displayed():
    facts = rtl_facts('<nav class="pagination"><a rel="prev" href="/1">‹ السابق</a>'
                      '<a rel="next" href="/3">التالي <i class="fa fa-chevron-right"></i></a>'
                      '<a href="/4">التالي ›</a><a href="/5" class="next"><img src="/i/arrow-left.svg" alt=""></a></nav>'
                      '<nav aria-label="breadcrumb"><a href="/">الرئيسية</a> ‹ <span>القهوة</span></nav>')
    assert [(i["role"], i["points"], i["source"]) for i in facts["icons"]] == [
        ("prev", "right", "glyph ‹"),  # a mirrored glyph: ‹ is displayed as › in right-to-left text
        ("next", "right", "fa fa-chevron-right"),
        ("next", "left", "glyph ›"),
        ("next", "left", "/i/arrow-left.svg"),
        ("breadcrumb", "right", "glyph ‹"),
    ]


def test_flipped_icons_are_not_recorded():
    facts = rtl_facts('<a rel="next" href="/2">التالي <i class="icon-arrow-right flip-rtl"></i></a>')
    assert facts["icons"] == []


def test_digits_and_arabic_elements():
    facts = rtl_facts('<p class="price">السعر ١٢٠ ريال أو 150</p><h2>عنوان</h2><footer><span>Copyright</span></footer>')
    assert facts["digits"] == {"western": 3, "arabic_indic": 3, "persian": 0}
    assert {"p", ".price", "p.price", "h2", "body"} <= set(facts["arabic_elements"])
    assert "span" not in facts["arabic_elements"]


def test_charset_declarations_and_header():
    facts = rtl_facts(f"<p>{AR}</p>", head='<meta charset="utf-8"><meta http-equiv="Content-Type" '
                      'content="text/html; charset=windows-1256">', content_type="text/html; charset=UTF-8")
    assert facts["charsets"] == {"declared": [{"source": "meta charset", "value": "utf-8"},
                                              {"source": "meta http-equiv", "value": "windows-1256"}],
                                 "header": "UTF-8", "decoded_as": "utf-8"}


def test_display_of_a_run_in_left_to_right_text_keeps_its_order():
    text = "Call +966 11 234 5678 now"
    start = text.index("+")
    shown = display(text, start, start + 16, rtl=False)
    assert shown.one_run and shown.visual == "+966 11 234 5678"


@pytest.mark.parametrize("body", [
    "<h2>Getting started\u200b</h2>",  # a heading anchor's zero-width space
    "<li>\u200eRelease notes\u200f</li>",  # direction marks draw nothing
    "<li>🚀 Quick start guide</li>",  # an emoji on the line's start side
    "<li>✓ Free shipping over 200</li>",
])
def test_invisible_marks_and_leading_symbols_are_not_runs_out_of_order(body):
    assert rtl_facts(f"<p>{AR}</p><ul>{body}</ul>")["runs"] == []


def test_trailing_punctuation_still_moves():
    facts = rtl_facts(f"<p>{AR}</p><ul><li>🚀 Quick start guide!</li></ul>")
    assert [(r["kind"], r["displayed"]) for r in facts["runs"]] == [("ltr-text", "!Quick start guide")]


def test_inline_direction_ltr_is_the_computed_direction():
    facts = rtl_facts(f'<p>{AR}</p><pre style="direction: ltr">npm install --save foo; echo done!</pre>')
    assert facts["runs"] == []


def test_runs_name_the_elements_around_them():
    (run,) = rtl_facts(f'<p>{AR}</p><div class="highlight"><pre><code>echo done!</code></pre></div>')["runs"]
    assert {"pre", "code", "div", ".highlight", "div.highlight"} <= set(run["within"])


def test_fallback_content_and_isolated_elements_are_not_text_out_of_order():
    body = (f'<p>{AR}</p><div><video src="a.mp4">Your browser does not support the video tag.</video></div>'
            '<div><a href="mailto:info@shop.example">info@shop.example</a>\n<span dir="ltr">→</span></div>')
    assert rtl_facts(body)["runs"] == []


def test_an_inline_code_in_a_block_of_other_text_does_not_name_the_block():
    (run,) = rtl_facts(f"<p>{AR}</p><p>Run <code>make</code> then wait!</p>")["runs"]
    assert "code" not in run["within"]


@pytest.mark.timeout(20)
def test_a_page_of_highlighted_source_code_is_read_in_moments():
    # 80,000 spans, each with its own text: reading the visible text once took 100 s here
    # (an XPath whose cost grew with the square of the text nodes), a real 3.7 MB page 4 minutes.
    line = '<span class="kn">import</span><span class="w"> </span><span class="nn">io.kaitai</span><span class="p">;</span>\n'
    facts = rtl_facts(f'<div class="highlight"><pre><span></span>{line * 20_000}</pre></div>', html='lang="en" dir="ltr"')
    assert facts["checked"]
