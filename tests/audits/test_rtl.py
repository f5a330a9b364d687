"""The static right-to-left audits, on pages extracted from small HTML documents."""

from __future__ import annotations

from auditor.audits import get_audit
from auditor.facts.computed import Computed
from auditor.gather.css_direction import analyse
from auditor.gather.extract import extract
from auditor.model import PageRecord
from tests.factories import BASE, findings, make_site

AR = ("نقدم لعملائنا قهوة مختصة محمصة طازجة كل أسبوع في مدينة الرياض ونشحنها إلى كل مدن المملكة خلال يومين. "
      "يختار فريقنا الحبوب من مزارع صغيرة في اليمن وإثيوبيا وكولومبيا ونحمص كل دفعة بحسب طريقة التحضير. "
      "تجد في المتجر أدوات التحضير اليدوي والمطاحن والموازين والفلاتر الورقية ووصفات سهلة في المدونة.")
EN = ("We roast specialty coffee every week in Riyadh and ship it fresh to every city in the kingdom within two days. "
      "Our team buys green beans from small farms in Yemen, Ethiopia and Colombia and roasts each batch for the way "
      "you brew at home. You will find grinders, scales, kettles and paper filters in the shop and recipes on the journal.")


def page(body: str = "", html: str = 'lang="ar" dir="rtl"', head: str = "", path: str = "/p.html",
         text: str = AR, content_type: str = "text/html; charset=utf-8", **overrides) -> PageRecord:
    url = BASE + path
    doc = (f'<!DOCTYPE html><html {html}><head><meta charset="utf-8"><title>صفحة</title>{head}</head>'
           f"<body><main><h1>عنوان</h1><p>{text}</p>{body}</main></body></html>")
    record = PageRecord(url=url, status=200, final_url=url, is_html=True, content_type="text/html",
                        headers={"Content-Type": content_type})
    record = Computed()(extract(record, doc.encode("utf-8"), content_type))
    for name, value in overrides.items():
        setattr(record, name, value)
    return record


def keyed(audit_id: str, p: PageRecord, site=None) -> list[tuple[str, dict]]:
    return [(f.message_key, f.data) for f in findings(get_audit(audit_id), p, site)]


def keys(audit_id: str, p: PageRecord, site=None) -> list[str]:
    return [f.message_key for f in findings(get_audit(audit_id), p, site)]


# -- html-dir --------------------------------------------------------------------------

def test_html_dir_passes_on_a_right_to_left_page_with_dir_on_html():
    assert keys("html-dir", page()) == []


def test_html_dir_missing_everywhere():
    found = keyed("html-dir", page(html='lang="ar"'))
    assert [k for k, _ in found] == ["missing"] and found[0][1]["share"] > 0.95


def test_html_dir_only_below_html():
    found = findings(get_audit("html-dir"), page(body=f'<div dir="rtl">{AR}</div>', html='lang="ar"'))
    assert [(f.message_key, f.selector, f.data) for f in found] == [("not-on-html", "body > main > div", {"where": "<div>"})]


def test_html_dir_set_by_css_only():
    css = "https://shop.example/rtl.css"
    p = page(html='lang="ar"', head=f'<link rel="stylesheet" href="{css}">')
    site = make_site([p], stylesheets={css: analyse(css, "html { direction: rtl }")})
    assert keyed("html-dir", p, site) == [("css-only", {"where": f"{css}:1 html"})]


def test_html_dir_set_by_an_inline_style_on_html_or_body():
    assert keyed("html-dir", page(html='lang="ar" style="direction: rtl"')) == [("css-only", {"where": "<html style>"})]
    assert keyed("css-direction", page(html='lang="ar" style="direction: rtl"')) == [("inline-direction", {"value": "rtl"})]


def test_html_dir_ltr_on_right_to_left_text_and_rtl_on_english_text():
    assert keys("html-dir", page(html='lang="ar" dir="ltr"')) == ["ltr-on-rtl"]
    assert keys("html-dir", page(html='lang="en" dir="rtl"', text=EN)) == ["rtl-on-ltr"]
    assert keys("html-dir", page(html='lang="en" dir="ltr"', text=EN)) == []


def test_html_dir_invalid_values():
    assert keyed("html-dir", page(body='<p dir="right">ا</p>')) == [("invalid", {"value": "right", "tag": "p"})]


# -- lang-mismatch ---------------------------------------------------------------------

def test_lang_mismatch_arabic_page_left_in_english():
    found = keyed("lang-mismatch", page(text=EN))
    assert [(k, d["declared"], d["detected"]) for k, d in found] == [("mismatch", "ar", "en")]


def test_lang_mismatch_english_page_holding_arabic():
    assert keys("lang-mismatch", page(html='lang="en-GB" dir="ltr"', text=AR + " " + AR)) == ["mismatch"]


def test_an_arabic_page_in_latin_script_the_detector_cannot_name_is_the_wrong_script():
    # an Arabic locale's copy of a sample post: lorem ipsum, which no language model is sure of
    lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Pellentesque elementum dignissim ultricies. " * 8
    found = keyed("lang-mismatch", page(text=lorem))
    assert [(k, d["declared"]) for k, d in found] == [("wrong-script", "ar")]
    assert found[0][1]["share"] < 0.05  # the Arabic h1 alone
    assert keys("lang-mismatch", page(html='lang="en" dir="ltr"', text=lorem)) == []


def test_an_english_page_mostly_in_arabic_is_a_mismatch_however_unsure_the_detector():
    # /en/sectors/* of a Next.js site: Arabic text under an English menu; the detector
    # names Arabic but is only 73% sure of it
    from tests.factories import make_page
    arabic = {"lang": "ar", "confidence": 0.732, "method": "script", "rtl_word_share": 0.617}
    found = keyed("lang-mismatch", make_page("/en/sectors/healthcare", lang="en", dir="ltr", word_count=60,
                                             facts={"language": arabic}))
    assert found == [("mismatch", {"declared": "en", "detected": "ar", "confidence": 0.732, "words": 60})]
    # a few Arabic phrases quoted on an English page stay English
    quoted = {**arabic, "rtl_word_share": 0.3}
    assert keyed("lang-mismatch", make_page("/en/about", lang="en", dir="ltr", word_count=60,
                                            facts={"language": quoted})) == []


def test_html_dir_on_an_english_page_left_in_arabic_follows_from_the_language():
    from auditor.facts.runner import run_audits

    ids = ("lang-mismatch", "html-dir")
    untranslated = page(html='lang="en" dir="ltr"', text=AR + " " + AR, path="/en/p.html")
    undirected = page(html='lang="ar"', text=AR + " " + AR, path="/ar/p.html")
    pages = [untranslated, undirected]
    out = run_audits(pages, make_site(pages), [get_audit(i) for i in ids])["audits"]
    assert {(f["url"], f["message_key"], str(f["data"].get("root_cause"))) for f in out["html-dir"]["findings"]} == {
        (untranslated.url, "ltr-on-rtl", str({"audit": "lang-mismatch", "message_key": "mismatch"})),
        (undirected.url, "missing", "None")}


def test_lang_mismatch_passes_and_short_texts_are_not_judged():
    assert keys("lang-mismatch", page()) == []
    assert keys("lang-mismatch", page(html='lang="en" dir="ltr"', text=EN)) == []
    assert keys("lang-mismatch", page(text="Opening hours and contact")) == []


# -- css-direction ---------------------------------------------------------------------

def test_css_direction_inline_direction_unicode_bidi_and_bdo():
    p = page(body='<p style="direction: rtl">ا</p><span style="unicode-bidi: bidi-override">ب</span><bdo>ج</bdo>')
    assert keyed("css-direction", p) == [("inline-direction", {"value": "rtl"}),
                                        ("unicode-bidi", {"value": "bidi-override"}), ("bdo-without-dir", {})]
    assert keys("css-direction", page(body='<bdo dir="ltr">A-1</bdo>')) == []


def test_css_direction_stylesheet_rule_reported_on_its_first_right_to_left_page():
    css = "https://shop.example/site.css"
    first, other = page(path="/a.html"), page(path="/b.html")
    site = make_site([first, other], stylesheets={css: analyse(css, ".x { unicode-bidi: embed }")},
                     rtl_stylesheets={css: first.url})
    assert keyed("css-direction", first, site) == [("stylesheet", {"file": css, "line": 1, "property": "unicode-bidi",
                                                                  "value": "embed"})]
    assert keyed("css-direction", other, site) == []


def test_css_direction_ltr_on_code_blocks_is_right():
    css = "https://shop.example/code.css"
    p = page(head=f'<link rel="stylesheet" href="{css}">',
             body='<pre style="direction: ltr">ls -la</pre><div class="highlight" style="direction:ltr">x = 1</div>')
    rules = ("pre, code, kbd, samp { direction: ltr; unicode-bidi: embed }\n.highlight { direction: ltr }\n"
             "body { direction: rtl }\n")
    site = make_site([p], stylesheets={css: analyse(css, rules)}, rtl_stylesheets={css: p.url})
    assert keyed("css-direction", p, site) == [("stylesheet", {"file": css, "line": 3, "property": "direction",
                                                              "value": "rtl"})]


def test_css_direction_ltr_on_the_page_text_is_still_reported():
    assert keyed("css-direction", page(body='<p style="direction: ltr">Welcome</p>')) == [
        ("inline-direction", {"value": "ltr"})]


# -- physical-css ----------------------------------------------------------------------

def test_physical_css_one_finding_per_rule_of_stylesheets_used_by_rtl_pages():
    used, unused = "https://shop.example/a.css", "https://shop.example/b.css"
    site = make_site(stylesheets={used: analyse(used, ".a { margin-left: 4px; text-align: start }\n.b { float: right }"),
                                  unused: analyse(unused, ".c { margin-left: 4px }")},
                     rtl_stylesheets={used: BASE + "/p.html"})
    audit = get_audit("physical-css")
    found = list(audit.check_site(site))
    assert [(f.url, f.selector, f.data["line"], f.data["property"], f.data["fix"]) for f in found] == [
        (used, ".a", 1, "margin-left", "margin-inline-start: 4px"), (used, ".b", 2, "float", "float: inline-end")]
    assert audit.site_score(site, found) == 0.0
    assert audit.site_score(make_site(), []) is None


def _use(rtl: int, ltr: int) -> dict:
    return {"rtl": rtl, "ltr": ltr, "rtl_page": BASE + "/ar/" if rtl else None, "ltr_page": BASE + "/en/" if ltr else None}


def test_physical_css_judges_what_each_stylesheet_styles():
    shared, en, ar, named = (f"https://shop.example/{n}.css" for n in ("shared", "en", "ar", "assets/stylertl"))
    rule = ".a { margin-left: 4px }"
    sheets = {url: analyse(url, rule) for url in (shared, en, ar, named)}
    site = make_site(stylesheets=sheets, rtl_stylesheets={shared: BASE + "/ar/", ar: BASE + "/ar/", named: BASE + "/ar/"},
                     stylesheet_use={shared: _use(3, 2), en: _use(0, 5), ar: _use(5, 0), named: _use(5, 0)})
    found = list(get_audit("physical-css").check_site(site))
    # en.css: left to right only; ar.css: right-to-left pages only, beside en.css; stylertl.css: made for RTL.
    assert [(f.url, f.data["rtl_pages"], f.data["ltr_pages"], f.data["ltr_example_page"]) for f in found] == [
        (shared, 3, 2, BASE + "/en/")]


def test_physical_css_on_a_right_to_left_only_site_still_judges_its_stylesheet():
    sheet = "https://shop.example/bootstrap.min.css"
    site = make_site(stylesheets={sheet: analyse(sheet, ".a { float: left }")}, rtl_stylesheets={sheet: BASE + "/"},
                     stylesheet_use={sheet: _use(4, 0)})
    assert [(f.data["rtl_pages"], f.data["ltr_pages"]) for f in get_audit("physical-css").check_site(site)] == [(4, 0)]


def test_physical_css_tailwind_utilities_naming_their_side_are_the_authors_choice_on_right_to_left_pages_only():
    # Tailwind's output holds the classes the markup uses: the author put .ml-4 on the Arabic markup;
    # space-x's margins and a component's offset were not chosen by name
    sheet = "https://shop.example/assets/index.css"
    css = ("*, ::before { --tw-space-x-reverse: 0 }\n"
           ".ml-4 { margin-left: 1rem }\n.md\\:text-right { text-align: right }\n.left-10 { left: 2.5rem }\n"
           ".space-x-4 > :not([hidden]) ~ :not([hidden]) { margin-right: 0; margin-left: 1rem }\n"
           ".dropdown { position: absolute; left: 4px }\n")
    found = lambda use: sorted({f.selector for f in get_audit("physical-css").check_site(make_site(
        stylesheets={sheet: analyse(sheet, css)}, rtl_stylesheets={sheet: BASE + "/"}, stylesheet_use={sheet: use}))})
    assert found(_use(6, 0)) == [".dropdown", ".space-x-4 > :not([hidden]) ~ :not([hidden])"]
    # one stylesheet for both directions: .ml-4 in a shared template is on the wrong side in one of them
    everything = [".dropdown", ".left-10", ".md\\:text-right", ".ml-4", ".space-x-4 > :not([hidden]) ~ :not([hidden])"]
    assert found(_use(6, 6)) == everything
    # a framework's stylesheet holds its utilities used or not, often by a left-to-right template's markup
    css = css.replace("--tw-space-x-reverse", "--bs-gutter-x")
    assert found(_use(6, 0)) == everything


def test_physical_css_leaves_a_stylesheet_written_for_right_to_left_alone():
    # a Hebrew site's own stylesheet: body { direction: rtl; text-align: right } puts each
    # line's start on the right; "text-align: end" would move it to the left
    sheet = "https://shop.example/css/style.css"
    css = "body { direction: rtl; text-align: right }\n.logo { float: right; margin-left: 1rem }\n"
    site = make_site(stylesheets={sheet: analyse(sheet, css)}, rtl_stylesheets={sheet: BASE + "/"},
                     stylesheet_use={sheet: _use(16, 0)})
    assert list(get_audit("physical-css").check_site(site)) == []
    assert get_audit("physical-css").site_score(site, []) is None


def test_physical_css_rules_in_right_to_left_blocks_are_already_right():
    sheet = "https://shop.example/s.css"
    css = ('[dir=rtl] .a { margin-left: 4px }\n:dir(rtl) .b { float: right }\nhtml[lang=ar] .c { padding-right: 1em }\n'
           '.d { text-align: left }\n[dir="rtl"] .d { text-align: right }')
    site = make_site(stylesheets={sheet: analyse(sheet, css)}, rtl_stylesheets={sheet: BASE + "/"})
    assert list(get_audit("physical-css").check_site(site)) == []


# -- letter-spacing --------------------------------------------------------------------

def test_letter_spacing_inline_on_arabic_and_italic():
    p = page(body='<p style="letter-spacing:2px">عروض</p><p style="font-style: italic">تنبيه</p>'
                  '<span style="letter-spacing: 2px">SALE</span>')
    assert keys("letter-spacing", p) == ["inline", "italic-inline"]


def test_letter_spacing_stylesheet_rules_hitting_arabic_text_on_this_page():
    p = page()
    rule = analyse("https://shop.example/s.css", ".tagline {\n letter-spacing: .2em }")[0]
    site = make_site([p], arabic_css={p.url: [{**rule}]})
    assert keyed("letter-spacing", p, site) == [("stylesheet", {"file": "https://shop.example/s.css", "line": 2,
                                                               "value": ".2em"})]
    assert keys("letter-spacing", page()) == []


def test_negative_letter_spacing_on_arabic_is_a_minor_tightening():
    # crowded letters stay joined; spaced-out ones come apart
    p = page(body='<h2 style="letter-spacing:-0.02em">عروض اليوم</h2>')
    rule = analyse("https://shop.example/s.css", ".title { letter-spacing: -1px }")[0]
    site = make_site([p], arabic_css={p.url: [{**rule}]})
    assert keys("letter-spacing", p, site) == ["tight-inline", "tight-stylesheet"]
    meta = get_audit("letter-spacing").meta
    assert [meta.impact_of(k) for k in ("tight-inline", "tight-stylesheet", "inline", "stylesheet")] == [
        "minor", "minor", "serious", "serious"]


# -- bidi-isolation --------------------------------------------------------------------

def test_bidi_isolation_reports_each_run_as_displayed():
    found = keyed("bidi-isolation", page(body="<p>اتصل على +966 11 234 5678 أو راسلنا</p><p>السعر 120 SAR</p>"))
    assert found == [
        ("unisolated", {"kind": "phone number", "text": "+966 11 234 5678", "displayed": "5678 234 11 966+"}),
        ("unisolated", {"kind": "price", "text": "120 SAR", "displayed": "SAR 120"})]


def test_bidi_isolation_skips_boxes_a_stylesheet_shows_left_to_right():
    css = "https://shop.example/code.css"
    body = '<div class="highlight"><pre><code>npm install --save foo; echo done!</code></pre></div>'
    p = page(head=f'<link rel="stylesheet" href="{css}">', body=body)
    assert keys("bidi-isolation", p, make_site([p])) == ["ltr-text"]
    for rules in ("pre { direction: ltr }", "[dir=rtl] .highlight { direction: ltr }", "code { direction: ltr }"):
        site = make_site([p], stylesheets={css: analyse(css, rules)})
        assert keys("bidi-isolation", p, site) == [], rules
    other = make_site([p], stylesheets={css: analyse(css, ".sidebar { direction: ltr }")})
    assert keys("bidi-isolation", p, other) == ["ltr-text"]


def test_bidi_isolation_passes_with_bdi_and_skips_left_to_right_pages():
    assert keys("bidi-isolation", page(body="<p>اتصل على <bdi>+966 11 234 5678</bdi> أو راسلنا</p>")) == []
    assert keys("bidi-isolation", page(html='lang="en" dir="ltr"', text=EN, body="<p>Call +966 11 234 5678</p>")) == []


# -- bidi-controls ---------------------------------------------------------------------

def test_bidi_controls():
    p = page(body="<p>أ \u202bب\u202c ج \u2067د\u2069</p><p>هـ \u202eو</p><p>ز &pdf; &rlm;</p>")
    assert keyed("bidi-controls", p) == [
        ("embedding-controls", {"count": 3, "chars": "PDF x1, RLE x1, RLO x1"}),
        ("isolate-controls", {"count": 2, "chars": "PDI x1, RLI x1"}),
        ("unbalanced", {"open": 1}),
        ("invented-entity", {"entity": "&pdf;"}),
    ]
    assert keys("bidi-controls", page(body="<p>report.pdf&rlm; جاهز</p>")) == []


# -- mirrored-icons --------------------------------------------------------------------

def test_mirrored_icons_pointing_the_left_to_right_way():
    p = page(body='<nav class="pagination"><a rel="prev" href="/1"><img src="/i/arrow-left.svg" alt=""> السابق</a>'
                  '<a rel="next" href="/3">التالي <i class="fa fa-chevron-right"></i></a></nav>'
                  '<nav class="breadcrumb"><a href="/">الرئيسية</a> ‹ <span>قهوة</span></nav>')
    assert keys("mirrored-icons", p) == ["prev", "next", "breadcrumb"]


def test_mirrored_icons_pass_when_pointing_the_right_to_left_way():
    p = page(body='<nav class="pagination"><a rel="prev" href="/1">‹ السابق</a>'
                  '<a rel="next" href="/3">التالي <i class="fa fa-chevron-left"></i></a></nav>'
                  '<nav class="breadcrumb"><a href="/">الرئيسية</a> › <span>قهوة</span></nav>')
    assert keys("mirrored-icons", p) == []


# -- input-direction -------------------------------------------------------------------

def test_input_direction():
    p = page(body='<form><input type="tel" name="phone"><input type="text" name="iban"><input type="email" name="e" '
                  'dir="ltr"><input type="text" name="name"><textarea name="msg" dir="auto"></textarea></form>')
    assert keyed("input-direction", p) == [("ltr-field", {"type": "tel", "name": "phone"}),
                                          ("ltr-field", {"type": "text", "name": "iban"}),
                                          ("free-text", {"name": "name"})]
    assert keys("input-direction", page(html='lang="en" dir="ltr"', text=EN,
                                         body='<form><input type="tel" name="phone"></form>')) == []
    spam_traps = ('<form><div style="display: none"><input type="text" name="honeypot"></div>'
                  '<input type="email" name="trap" hidden><p hidden><textarea name="t"></textarea></p></form>')
    assert keys("input-direction", page(body=spam_traps)) == []


# -- hreflang-rtl ----------------------------------------------------------------------

def test_hreflang_rtl_codes_and_targets():
    p = page(head='<link rel="alternate" hreflang="ar_SA" href="/ar-sa.html"><link rel="alternate" hreflang="ar-KSA" '
                  'href="/ksa.html"><link rel="alternate" hreflang="ar-AE" href="/ae.html"><link rel="alternate" '
                  'hreflang="en" href="/en.html"><link rel="alternate" hreflang="x-default" href="/en.html">')
    site = make_site([p], page_lang_dir={BASE + "/ae.html": ("en", "ltr"), BASE + "/en.html": ("en", "rtl")})
    found = keyed("hreflang-rtl", p, site)
    assert [(k, d.get("code"), d.get("suggestion")) for k, d in found] == [
        ("invalid-code", "ar_SA", "ar-SA"), ("invalid-code", "ar-KSA", "ar-SA"),
        ("lang-disagrees", "ar-AE", None), ("dir-disagrees", "ar-AE", None), ("dir-disagrees", "en", None)]


def test_hreflang_rtl_passes_when_targets_agree():
    p = page(head='<link rel="alternate" hreflang="ar-SA" href="/p.html"><link rel="alternate" hreflang="en" href="/en.html">')
    site = make_site([p], page_lang_dir={BASE + "/p.html": ("ar", "rtl"), BASE + "/en.html": ("en", None)})
    assert keys("hreflang-rtl", p, site) == []


# -- charset ---------------------------------------------------------------------------

def test_charset_conflict_legacy_and_missing():
    conflict = page(head='<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">')
    assert keys("charset", conflict) == ["conflict"]
    assert keys("charset", page()) == []
    record = PageRecord(url=BASE + "/old.html", status=200, is_html=True, content_type="text/html")
    legacy = extract(record, f"<html><body><p>{AR}</p></body></html>".encode("cp1256"), "text/html")
    assert keyed("charset", legacy) == [("missing", {}), ("legacy", {"encoding": "cp1256"})]


def test_charset_declared_twice_or_with_an_unknown_name():
    twice = page(head='<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">')
    assert keyed("charset", twice) == [("several", {"count": 2, "values": "utf-8 (meta charset), UTF-8 (meta http-equiv)"})]
    unknown = page(content_type="text/html; charset=utf-9")
    assert keyed("charset", unknown) == [("unknown", {"value": "utf-9", "source": "header"}),
                                         ("conflict", {"values": "utf-8 (meta charset), utf-9 (header)"})]


def test_bdo_with_dir_auto_overrides_nothing():
    assert keyed("css-direction", page(body='<bdo dir="auto">A-1</bdo><bdo dir="rtl">B-2</bdo>')) == [
        ("bdo-dir", {"value": "auto"})]


# -- mixed-numerals --------------------------------------------------------------------

def test_mixed_numerals():
    assert keyed("mixed-numerals", page(body="<p>السعر ١٢٠ والشحن 150 ريال</p>")) == [
        ("mixed", {"western": 3, "eastern": 3})]
    assert keys("mixed-numerals", page(body="<p>السعر ١٢٠ والشحن ١٥ ريال</p>")) == []
    assert keyed("mixed-numerals", page(body="<p>قیمت ۱۲۰ و ١٥٠</p>"))[-1] == (
        "mixed-eastern", {"arabic_indic": 3, "persian": 3})
    # an English article quoting Arabic with its own digits writes each language its way
    english = page(html='lang="en"', text="The 3 examples of 2024 show it: «الفصل ٣ من ٢٠٢٤», as page 12 says.")
    assert keys("mixed-numerals", english) == []


QUOTING = ("He said it to me: «والمستشفيات بالاستثمارات والمستثمرين» and so I did a bit of it. "
           "So we go on: «فاستقبلناهم بالترحيبات والمستشارين» is how we say it, as you do.")


def test_html_dir_judges_an_english_page_quoting_arabic_by_its_words():
    p = page(html='lang="en"', text=QUOTING)
    language = p.facts["language"]
    assert language["rtl_share"] >= 0.5 > language["rtl_word_share"]  # more Arabic letters, fewer Arabic words
    assert keys("html-dir", p) == []
    assert keys("html-dir", page(html='lang="en"', text=AR)) == ["missing"]


def test_html_dir_finding_names_the_declared_language_and_the_word_share():
    found = keyed("html-dir", page(html='', text=AR))
    assert found == [("missing", {"share": found[0][1]["share"], "declared_lang": None})]
    assert found[0][1]["share"] > 0.95


# -- root causes -------------------------------------------------------------------------

def test_bidi_runs_on_an_english_page_declared_arabic_name_the_lang_mismatch_as_root_cause():
    from auditor.facts.runner import run_audits

    ids = ("lang-mismatch", "bidi-isolation")
    wrong = page(text=EN + " Call us on +966 50 123 4567.", path="/wrong.html")
    right = page(text=AR + " اتصل بنا على +966 50 123 4567.", path="/right.html")
    out = run_audits([wrong, right], make_site([wrong, right]), [get_audit(i) for i in ids])["audits"]
    runs = out["bidi-isolation"]["findings"]
    assert [f["url"] for f in out["lang-mismatch"]["findings"]] == [wrong.url]
    assert {f["url"] for f in runs} == {wrong.url, right.url}  # every finding is kept and counted
    assert {f["url"]: f["data"].get("root_cause") for f in runs} == {
        wrong.url: {"audit": "lang-mismatch", "message_key": "mismatch"}, right.url: None}


def test_direction_set_in_css_on_the_body_is_one_cause_with_html_dir_css_only():
    from auditor.facts.runner import run_audits

    css = "https://shop.example/site.css"
    p = page(html='lang="ar"', head=f'<link rel="stylesheet" href="{css}">', body='<p style="direction: rtl">ا</p>')
    site = make_site([p], stylesheets={css: analyse(css, "body { direction: rtl }\n.note { direction: rtl }\n")},
                     rtl_stylesheets={css: p.url})
    out = run_audits([p], site, [get_audit("html-dir"), get_audit("css-direction")])["audits"]
    assert [f["message_key"] for f in out["html-dir"]["findings"]] == ["css-only"]
    linked = {(f["message_key"], f.get("selector")): f["data"].get("root_cause") for f in out["css-direction"]["findings"]}
    assert linked == {("stylesheet", "body"): {"audit": "html-dir", "message_key": "css-only"},
                      ("stylesheet", ".note"): None, ("inline-direction", "body > main > p"): None}


def test_physical_css_more_right_to_left_names_and_blocks():
    rule = ".a { margin-left: 4px }"
    names = ("stylesRTL", "rtlstyle", "theme.rtl.min", "css/rtl/main", "Portland", "shortlist")
    sheets = {f"https://shop.example/{n}.css": analyse(f"https://shop.example/{n}.css", rule) for n in names}
    site = make_site(stylesheets=sheets, rtl_stylesheets={url: BASE + "/" for url in sheets})
    assert sorted({f.url for f in get_audit("physical-css").check_site(site)}) == [
        "https://shop.example/Portland.css", "https://shop.example/shortlist.css"]
    sheet = "https://shop.example/s.css"
    css = ('.is-rtl .a { margin-left: 4px }\nhtml[lang^="ar"] .b { float: right }\n'
           '@media (min-width: 600px) { body.site-rtl .c { padding-right: 1em } }\n'
           '[dir=rtl] { .d { margin-left: 1px } }\n.e { [dir=rtl] & { left: 2px } }\n')
    site = make_site(stylesheets={sheet: analyse(sheet, css)}, rtl_stylesheets={sheet: BASE + "/"})
    assert list(get_audit("physical-css").check_site(site)) == []


# -- lang-mismatch: runs in another language --------------------------------------------

def _titled(title: str, body: str, html: str = 'lang="ar" dir="rtl"', h1: str = "Start here with our guide") -> PageRecord:
    doc = (f'<!DOCTYPE html><html {html}><head><meta charset="utf-8"><title>{title}</title></head>'
           f"<body><header><p class=\"site-tagline\">{body}</p></header><main><h1>{h1}</h1>"
           f"<h1 lang=\"en\">Marked English heading here</h1><p>{AR}</p></main></body></html>")
    record = PageRecord(url=BASE + "/t.html", status=200, final_url=BASE + "/t.html", is_html=True,
                        content_type="text/html", headers={"Content-Type": "text/html; charset=utf-8"})
    return Computed()(extract(record, doc.encode("utf-8"), "text/html"))


def test_lang_mismatch_names_english_runs_not_marked_in_title_h1_and_tagline():
    p = _titled("محمصة حبة | Specialty coffee roasted every week", "Fresh coffee delivered to your door")
    found = findings(get_audit("lang-mismatch"), p)
    assert [(f.message_key, f.data["where"], f.data["text"], f.selector) for f in found] == [
        ("unmarked-run", "title", "Specialty coffee roasted every week", "title"),
        ("unmarked-run", "h1", "Start here with our guide", "body > main > h1"),
        ("unmarked-run", "tagline", "Fresh coffee delivered to your door", "body > header > p.site-tagline"),
    ]


def test_lang_mismatch_leaves_names_and_marked_runs_alone():
    p = _titled("محمصة حبة | Habba Roastery", '<span lang="en">Fresh coffee delivered to your door</span>',
                h1="ابدأ من هنا مع Habba Coffee")
    assert keys("lang-mismatch", p) == []
    assert "latin_runs" not in _titled("Specialty coffee roasted every week", "x", html='lang="en"').facts


def test_charset_byte_order_mark_against_the_declarations():
    record = PageRecord(url=BASE + "/bom.html", status=200, is_html=True, content_type="text/html",
                        headers={"Content-Type": "text/html; charset=windows-1256"})
    doc = f'<html lang="ar" dir="rtl"><head><meta charset="utf-8"></head><body><p>{AR}</p></body></html>'
    found = keyed("charset", extract(record, b"\xef\xbb\xbf" + doc.encode("utf-8"), "text/html; charset=windows-1256"))
    assert ("bom-conflict", {"bom": "utf-8", "source": "header", "value": "cp1256"}) in found
    assert not [d for k, d in found if k == "bom-conflict" and d["source"] == "meta charset"]
