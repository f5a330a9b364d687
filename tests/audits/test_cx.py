"""Customer touchpoints: recognising them in Arabic and English, and the cx audits."""

from __future__ import annotations

import pytest

from auditor.audits import get_audit
from auditor.model import Form, Link, Site
from auditor.text.touchpoints import (
    address_signal,
    channel,
    help_venue,
    is_contact_form,
    link_kinds,
    normalize,
    page_kinds,
    path_kinds,
    text_kinds,
)
from auditor.text.site_kind import page_signals, sales_words
from tests.factories import BASE, findings, make_page, make_site

# -- recognising touchpoints ---------------------------------------------------------


def test_normalize_unifies_arabic_letter_forms_and_drops_diacritics_and_tatweel():
    assert normalize("الأسئلةُ الشائعـــة") == "الاسئله الشائعه"
    assert normalize("إرجاع آمن") == "ارجاع امن"
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("  Shipping &\tDelivery ") == "shipping and delivery"


@pytest.mark.parametrize(("text", "kind"), [
    ("اتصل بنا", "contact"), ("تواصل معنا", "contact"), ("الدعم الفني", "support"), ("مركز المساعدة", "support"),
    ("الأسئلة الشائعة", "faq"), ("الأسئلةُ الشائعـة", "faq"), ("سياسة الاسترجاع", "returns"),
    ("الإرجاع والاستبدال", "returns"), ("سياسة الإسترداد", "returns"), ("الشحن والتوصيل", "shipping"),
    ("التوصيل", "shipping"), ("سياسة الخصوصية", "privacy"), ("الشروط والأحكام", "terms"), ("مَن نحن", "about"),
    ("حسابي", "account"), ("تتبع الطلب", "account"),
    ("Contact us", "contact"), ("Get in touch", "contact"), ("Help", "support"), ("Support", "support"), ("Customer support", "support"), ("Technical support", "support"), ("Customer service", "support"),
    ("FAQ", "faq"), ("Frequently Asked Questions", "faq"), ("Returns & exchanges", "returns"),
    ("Refund policy", "returns"), ("Shipping & Delivery", "shipping"), ("Privacy Policy", "privacy"),
    ("Terms and Conditions", "terms"), ("Terms of service", "terms"), ("About us", "about"),
    ("About Northwind", "about"), ("My account", "account"), ("Track your order", "account"),
    ("الدعم", "support"), ("الدعم الفني", "support"), ("الدعم التقني", "support"), ("مركز الدعم", "support"),
    ("Contact us | Northwind Goods", "contact"), ("سياسة الخصوصية — محمصة الورد", "privacy"),
])
def test_labels_name_their_touchpoint_in_arabic_and_english(text, kind):
    assert text_kinds(text) == {kind}


@pytest.mark.parametrize("text", [
    "Free shipping over $50",  # a promise, not the shipping page
    "عبوة 250 غرام – شحن مجاني",
    "Return to shop",
    "قهوة إثيوبية",
    "How we roast our coffee at home with a little help from friends",  # a sentence, not a page name
    "Freight Forwarding & ACI Support",  # a service the business sells, not its help desk
    "Customs Clearance & Logistics Support in Egypt",
    "الدعم اللوجستي",  # logistics support: a service, as in English
    "Difference between lead contact and customer",  # a CRM manual's article
    "خدمات التخليص الجمركي والدعم اللوجستي",
    "",
    None,
])
def test_labels_that_name_no_touchpoint(text):
    assert text_kinds(text) == set()


@pytest.mark.parametrize(("text", "kind"), [
    ("تماس با ما", "contact"), ("درباره ما", "about"), ("سوالات متداول", "faq"), ("پرسش\u200cهای متداول", "faq"),
    ("حریم خصوصی", "privacy"), ("قوانین و مقررات", "terms"), ("پشتیبانی", "support"), ("پیگیری سفارش", "account"),
    ("تماس با ما | فروشگاه کتاب", "contact"),
    ("ہم سے رابطہ کریں", "contact"), ("ہمارے بارے میں", "about"), ("رازداری کی پالیسی", "privacy"),
    ("צור קשר", "contact"), ("שאלות נפוצות", "faq"), ("מדיניות פרטיות", "privacy"), ("תקנון", "terms"),
    ("אודות", "about"), ("החזרות", "returns"),
    ("اتصال", "contact"), ("الاتصال بنا", "contact"),  # an Arabic button and menu label
])
def test_labels_name_their_touchpoint_in_persian_urdu_and_hebrew(text, kind):
    assert text_kinds(text) == {kind}


@pytest.mark.parametrize("text", [
    "اتصال کلاس و استایل - Class and Style Bindings",  # Persian docs: "binding", not "call"
    "اتصال input در فرم",
    "إعادة الاتصال بالشبكة",  # Arabic: connecting to the network again
    "ارجاع به خطا",  # Persian in letters Arabic shares: "error reference", not the Arabic for returns
])
def test_a_word_that_is_a_label_alone_names_nothing_inside_a_text(text):
    assert text_kinds(text) == set()


@pytest.mark.parametrize(("url", "kinds"), [
    (BASE + "/contact-us", {"contact"}),
    (BASE + "/pages/faq.html", {"faq"}),
    (BASE + "/privacy-policy/", {"privacy"}),
    (BASE + "/returns", {"returns"}),
    (BASE + "/shipping.php", {"shipping"}),
    (BASE + "/terms", {"terms"}),
    (BASE + "/about-us", {"about"}),
    (BASE + "/account/orders", {"account"}),
    (BASE + "/track-order", {"account"}),
    (BASE + "/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9-%D8%A7%D9%84%D8%AE%D8%B5%D9%88%D8%B5%D9%8A%D8%A9", {"privacy"}),
    (BASE + "/%D7%A6%D7%95%D7%A8-%D7%A7%D7%A9%D7%A8", {"contact"}),  # /צור-קשר
    (BASE + "/تماس-با-ما", {"contact"}),
    (BASE + "/products/shipping-box.html", set()),
    (BASE + "/", set()),
])
def test_url_paths_name_their_touchpoint(url, kinds):
    assert path_kinds(url) == kinds


def test_page_kinds_come_from_url_title_h1_and_the_links_to_it():
    assert page_kinds(BASE + "/p/7") == set()
    assert page_kinds(BASE + "/p/7", title="الأسئلة الشائعة | متجر") == {"faq"}
    assert page_kinds(BASE + "/p/7", h1=["سياسة الخصوصية"]) == {"privacy"}
    assert page_kinds(BASE + "/p/7", anchor_texts=["Read more", "Returns"]) == {"returns"}
    assert page_kinds(BASE + "/help", title="Shipping & delivery") == {"support", "shipping"}


@pytest.mark.parametrize(("href", "kind"), [
    ("tel:+966112345678", "phone"), ("mailto:hello@shop.example", "email"), ("https://wa.me/966500000000", "whatsapp"),
    ("https://api.whatsapp.com/send?phone=966500000000", "whatsapp"), ("whatsapp://send?phone=966500000000", "whatsapp"),
    (BASE + "/contact", None), ("https://example.org/wa.me", None), ("", None),
])
def test_direct_channels(href, kind):
    assert channel(href) == kind


@pytest.mark.parametrize(("href", "venue"), [
    ("https://github.com/example/tool/issues", "issue tracker"), ("https://github.com/example/tool/issues/12", "issue tracker"),
    ("https://gitlab.com/example/tool/-/issues", "issue tracker"), ("https://github.com/example/tool/discussions", "forum"),
    ("https://gitter.im/example/Lobby", "chat"), ("https://discord.gg/abc", "chat"), ("https://t.me/example", "chat"),
    ("https://example.zulipchat.com/", "chat"), ("https://forum.example.org/", "forum"),
    ("https://stackoverflow.com/questions/tagged/example", "Q&A"),
    # the project's code, a host's home or a chat service's own site is no place to ask
    ("https://github.com/example/tool", None), ("https://gitter.im/", None), ("https://zulipchat.com/", None),
    ("https://discord.com/channels/1/2", None), ("https://stackoverflow.com/", None), ("mailto:help@example.org", None),
    ("https://example.org/issues", None), ("", None),
])
def test_help_venues(href, venue):
    assert help_venue(href) == venue


def test_links_lead_to_touchpoints_and_channels_to_contact():
    assert link_kinds("tel:+966112345678", "011 234 5678") == {"contact"}
    assert link_kinds(BASE + "/p/3", "الشحن والتوصيل") == {"shipping"}
    assert link_kinds(BASE + "/faq", "") == {"faq"}
    assert link_kinds(BASE + "/p/3", "قهوة") == set()


def test_contact_form_has_an_email_phone_or_message_field():
    assert is_contact_form(Form(fields=[{"type": "email", "name": "email", "label": "E-mail"}]))
    assert is_contact_form(Form(fields=[{"type": "textarea", "name": "message", "label": ""}]))
    assert not is_contact_form(Form(fields=[{"type": "search", "name": "q", "label": "بحث"}]))


@pytest.mark.parametrize(("text", "signal"), [
    ("أضف إلى السلة", "أضف إلى السلة"), ("السعر ٧٥ ر.س", "ر.س"), ("75 SAR", "SAR"), ("Add to Cart", "add to cart"),
    ("Proceed to checkout", "checkout"), ("$12.50", "price"), ("120 ريال", "price"),
    ("Sarah's bag", None), ("Founded in 2019 in Riyadh", None),
])
def test_sales_signals(text, signal):
    assert (sales_words(text) or [None])[0] == signal


def test_a_link_to_the_cart_is_a_sales_signal():
    def signals(title, text, links):
        return page_signals(make_page(title=title, text=text, links=[Link(href, t) for href, t in links]).to_dict())

    assert signals("متجر", "", [(BASE + "/cart", "")]) == {"cart link": "cart"}
    assert signals("متجر", "قهوة", [(BASE + "/", "الرئيسية")]) == {}
    assert signals(None, "", [(BASE + "/p", "Add to cart")]) == {"cart words": "add to cart"}


@pytest.mark.parametrize(("text", "signal"), [
    ("العنوان: حي السليمانية", "العنوان"), ("شارع التحلية", "شارع"), ("ص.ب 1234", "ص.ب"),
    ("P.O. Box 77", "P.O. Box"), ("12 King Fahd Road, Riyadh", "street"), ("Riyadh 12245", "postal code"),
    ("Call us any day", None), (None, None),
])
def test_address_signals(text, signal):
    assert address_signal(text) == signal


# -- touchpoint-coverage -------------------------------------------------------------

COVERAGE = get_audit("touchpoint-coverage")
ALL = {kind: [f"{BASE}/{kind}"] for kind in ("contact", "privacy", "returns", "shipping", "terms", "faq")}
SELLS = {"kind": "shop", "assumed": False, "signals": [{"signal": "price", "value": "ر.س", "url": BASE + "/p/1"},
                                                      {"signal": "cart link", "value": "cart", "url": BASE + "/p/1"}]}


def coverage(**site):
    s = make_site([make_page()], **site)
    found = list(COVERAGE.check_site(s))
    return [(f.url, f.message_key, f.data) for f in found], COVERAGE.site_score(s, found)


def test_coverage_passes_a_shop_with_every_touchpoint():
    assert coverage(touchpoints=ALL, site_kind=SELLS) == ([], 1.0)


def test_coverage_contact_and_privacy_are_always_needed_and_faq_recommended():
    found, score = coverage(touchpoints={"about": [BASE + "/about"]})
    assert found == [
        (BASE + "/", "missing", {"kind": "contact"}),
        (BASE + "/", "missing", {"kind": "privacy"}),
        (BASE + "/", "recommended", {"kind": "faq"}),
    ]
    assert score == 0.0


def test_coverage_a_site_that_does_not_sell_needs_no_returns_shipping_or_terms():
    found, score = coverage(touchpoints={k: ALL[k] for k in ("contact", "privacy", "faq")})
    assert (found, score) == ([], 1.0)


def test_coverage_a_shop_needs_returns_shipping_and_terms():
    touchpoints = {k: ALL[k] for k in ("contact", "privacy", "faq", "shipping")}
    found, score = coverage(touchpoints=touchpoints, site_kind=SELLS)
    evidence = {"signal": "ر.س", "evidence": BASE + "/p/1"}
    assert found == [
        (BASE + "/", "missing-for-shop", {"kind": "returns", **evidence}),
        (BASE + "/", "missing-for-shop", {"kind": "terms", **evidence}),
    ]
    assert score == 0.667  # 4 of the 6 expected


DOCS = {"kind": "documentation", "assumed": False,
        "signals": [{"signal": "docs generator", "value": "mkdocs", "url": BASE + "/"}]}
TRACKER = {"https://github.com/example/tool/issues": {"venue": "issue tracker", "page": BASE + "/", "pages": 4}}


@pytest.mark.parametrize("help_path", [
    {"help_links": TRACKER}, {"touchpoints": {"support": [BASE + "/help"]}},
    {"contacts": {"email": {"docs@example.org": {"shown": "docs@example.org", "pages": [BASE + "/"]}}}},
])
def test_coverage_documentation_readers_need_a_way_to_ask_and_privacy_is_a_minor_note(help_path):
    found, score = coverage(site_kind=DOCS, **help_path)
    assert found == [(BASE + "/", "privacy-if-collecting", {"kind": "privacy"}),
                     (BASE + "/", "recommended", {"kind": "faq"})]
    assert COVERAGE.meta.impact_of("privacy-if-collecting") == "minor"
    assert score == 0.5  # a way to ask, no FAQ


def test_coverage_documentation_without_any_way_to_ask():
    found, score = coverage(site_kind=DOCS, touchpoints={"privacy": [BASE + "/privacy"], "faq": [BASE + "/faq"]})
    assert (found, score) == ([(BASE + "/", "missing-help", {})], 0.5)


def test_coverage_a_tracker_does_not_stand_in_for_a_shops_contact_page():
    found, _ = coverage(site_kind=SELLS, help_links=TRACKER, touchpoints={k: ALL[k] for k in ALL if k != "contact"})
    assert found == [(BASE + "/", "missing", {"kind": "contact"})]


# -- touchpoint-depth ----------------------------------------------------------------

DEPTH = get_audit("touchpoint-depth")
TOUCHPOINTS = {"contact": [BASE + "/contact"], "support": [BASE + "/help"]}


def depth_findings(page, distance, **site):
    s = make_site([page], touchpoints=site.pop("touchpoints", TOUCHPOINTS),
                  touchpoint_distance={page.url: distance}, **site)
    return [(f.message_key, f.data) for f in findings(DEPTH, page, s)]


def test_depth_two_clicks_is_near_enough():
    assert depth_findings(make_page("/p"), {"contact": 2, "support": 1}) == []


def test_depth_names_the_nearer_of_contact_and_support_when_both_are_far():
    assert depth_findings(make_page("/p"), {"contact": 3, "support": 5}) == [
        ("far", {"kind": "contact", "clicks": 3, "max": 2})]
    assert depth_findings(make_page("/p"), {"contact": 6, "support": 4}) == [
        ("far", {"kind": "support", "clicks": 4, "max": 2})]


def test_depth_one_way_to_ask_near_at_hand_is_enough():
    # an Arabic section that links its own contact page but not the English help centre
    assert depth_findings(make_page("/p"), {"support": 1}) == []
    assert depth_findings(make_page("/p"), {"contact": 2}) == []


def test_depth_no_path_at_all_is_unreachable():
    assert depth_findings(make_page("/p"), {}) == [("unreachable", {"kind": "contact or support"})]


def test_depth_a_phone_or_whatsapp_link_on_the_page_is_contact_at_hand():
    page = make_page("/p", links=[Link("https://wa.me/966500000000", "واتساب", internal=False)])
    assert depth_findings(page, {"contact": 6, "support": 1}) == []


def test_depth_limit_is_a_setting():
    assert depth_findings(make_page("/p"), {"contact": 3, "support": 3}, settings={"max_touchpoint_clicks": 3}) == []


def test_depth_kinds_the_site_lacks_are_left_to_coverage():
    assert depth_findings(make_page("/p"), {}, touchpoints={"contact": [BASE + "/contact"]}) == [
        ("unreachable", {"kind": "contact"})]
    page = make_page("/p")
    assert not DEPTH.applies(page, make_site([page], touchpoints={"faq": [BASE + "/faq"]}))


# -- contact-channels ----------------------------------------------------------------

CHANNELS = get_audit("contact-channels")


def channel_findings(page):
    site = make_site([page], touchpoints={"contact": [page.url]})
    return [(f.message_key, f.data, f.selector) for f in findings(CHANNELS, page, site)]


def test_channels_apply_to_contact_pages_only():
    page = make_page("/p")
    assert not CHANNELS.applies(page, make_site([page], touchpoints={"contact": [BASE + "/contact"]}))


@pytest.mark.parametrize("href", ["tel:+966112345678", "mailto:hello@shop.example", "https://wa.me/966500000000"])
def test_channels_any_direct_channel_passes(href):
    assert channel_findings(make_page("/contact", links=[Link(href, "x", internal=False)])) == []


def test_channels_contact_page_without_a_channel():
    form = Form(fields=[{"type": "email", "name": "email", "label": "البريد"},
                        {"type": "textarea", "name": "message", "label": "الرسالة"}])
    assert channel_findings(make_page("/contact", forms=[form])) == [("no-direct-channel", {"forms": 1}, None)]


def test_channels_unlabelled_fields_of_the_contact_form():
    form = Form(fields=[{"type": "email", "name": "email", "label": "E-mail"},
                        {"type": "textarea", "name": "message", "label": " "},
                        {"type": "tel", "name": "", "label": ""}])
    search = Form(fields=[{"type": "search", "name": "q", "label": ""}])  # not a contact form
    page = make_page("/contact", forms=[form, search], links=[Link("tel:+966112345678", "اتصل", internal=False)])
    assert channel_findings(page) == [
        ("unlabelled-field", {"name": "message", "type": "textarea"}, '[name="message"]'),
        ("unlabelled-field", {"name": "", "type": "tel"}, None),
    ]


def test_channels_a_label_beside_a_field_but_tied_to_none_and_a_placeholder_alone_are_named():
    from auditor.gather.extract import extract
    from auditor.model import PageRecord

    # a label above the field's wrapper with no for= (a common React form): seen, not announced
    html = """<html lang="ar"><body><main><form>
      <div><label>الاسم الكامل <span>*</span></label><div><svg></svg><input type="text" name="name"></div></div>
      <div><label for="mail">البريد</label><input type="email" id="mail" name="email"></div>
      <div><label>الهاتف<input type="tel" name="phone"></label></div>
      <div><p>الرسالة</p><textarea name="message"></textarea></div>
      <div><input type="text" name="company" placeholder="اسم الشركة (اختياري)"></div>
      <button>إرسال</button></form><a href="tel:+966112345678">اتصل</a></main></body></html>"""
    page = extract(PageRecord(url=BASE + "/contact", status=200, is_html=True), html.encode())
    fields = {f["name"]: (f["label"], f.get("loose_label")) for f in page.forms[0].fields}
    assert fields == {"name": ("", "الاسم الكامل *"), "email": ("البريد", None), "phone": ("الهاتف", None),
                      "message": ("", None), "company": ("", None)}
    assert channel_findings(page) == [
        ("untied-label", {"name": "name", "type": "text", "label": "الاسم الكامل *"}, '[name="name"]'),
        ("unlabelled-field", {"name": "message", "type": "textarea"}, '[name="message"]'),
        ("placeholder-only", {"name": "company", "type": "text", "placeholder": "اسم الشركة (اختياري)"},
         '[name="company"]'),
    ]


# -- dead-end-pages ------------------------------------------------------------------

DEAD_END = get_audit("dead-end-pages")


@pytest.mark.parametrize(("links", "dead"), [
    ([Link(BASE + "/", "الرئيسية")], False),
    ([], True),
    ([Link(BASE + "/p", "top")], True),  # a link to itself
    ([Link("https://example.org/", "maker", internal=False), Link("tel:+966112345678", "x", kind="tel", internal=False)], True),
])
def test_dead_end_pages(links, dead):
    page = make_page("/p", links=links)
    assert [f.message_key for f in findings(DEAD_END, page)] == (["dead-end"] if dead else [])


def test_a_one_page_site_whose_menu_leads_to_its_sections_is_no_dead_end():
    sections = {"links": [[BASE + "/", "menu", "Menu"], [BASE + "/", "contact", "Contact"]]}
    assert findings(DEAD_END, make_page("/", links=[], depth=0, facts={"fragments": sections})) == []
    # a deeper page with a table of contents and no way on is still a dead end
    toc = {"links": [[BASE + "/p", "a", "A"], [BASE + "/p", "b", "B"]]}
    assert [f.message_key for f in findings(DEAD_END, make_page("/p", links=[], depth=2, facts={"fragments": toc}))] == ["dead-end"]


# -- trust-signals -------------------------------------------------------------------

TRUST = get_audit("trust-signals")


def trust(start, **site):
    s = make_site([make_page()], start_urls=[start], **site)
    found = list(TRUST.check_site(s))
    return [(f.message_key, f.data) for f in found], TRUST.site_score(s, found)


def test_trust_all_signals_present():
    assert trust(BASE + "/", touchpoints={"privacy": [BASE + "/privacy"], "contact": [BASE + "/contact"]},
                 address_evidence={BASE + "/contact": "العنوان"}) == ([], 1.0)


def test_trust_http_without_an_address():
    found, score = trust("http://shop.example/", touchpoints={"contact": [BASE + "/contact"], "about": [BASE + "/about"]})
    assert found == [
        ("no-https", {"url": "http://shop.example/"}),
        ("no-address", {"checked": 2}),
    ]
    assert score == 0.0


def test_a_missing_privacy_policy_is_one_problem_reported_by_touchpoint_coverage_alone():
    site = make_site([make_page()], start_urls=[BASE + "/"], touchpoints={"contact": [BASE + "/contact"]},
                     address_evidence={BASE + "/contact": "العنوان"})
    coverage = get_audit("touchpoint-coverage")
    assert [(f.message_key, f.data) for f in coverage.check_site(site)][0] == ("missing", {"kind": "privacy"})
    assert list(TRUST.check_site(site)) == []


def test_no_address_without_any_contact_or_about_page_folds_into_the_missing_contact_page():
    from auditor.facts.runner import run_audits

    audits = [TRUST, get_audit("touchpoint-coverage")]
    bare = make_site([make_page()], start_urls=[BASE + "/"], touchpoints={"privacy": [BASE + "/privacy"]})
    out = run_audits([], bare, audits)["audits"]
    assert [f["data"]["root_cause"] for f in out["trust-signals"]["findings"]] == [
        {"audit": "touchpoint-coverage", "message_key": "missing"}]
    # a contact page without an address is a problem of its own
    listed = make_site([make_page()], start_urls=[BASE + "/"],
                       touchpoints={"privacy": [BASE + "/privacy"], "contact": [BASE + "/contact"]})
    out = run_audits([], listed, audits)["audits"]
    assert [f["data"].get("root_cause") for f in out["trust-signals"]["findings"]] == [None]


def test_trust_plain_http_on_a_loopback_copy_is_not_judged():
    for home in ("http://127.0.0.1:8000/", "http://localhost/", "http://[::1]:8080/index.html"):
        assert trust(home, touchpoints={"privacy": [BASE + "/privacy"]}) == ([("no-address", {"checked": 0})], 0.5)
    assert trust("http://10.0.0.7/", touchpoints={"privacy": [BASE + "/privacy"]})[0][0][0] == "no-https"


def test_documentation_and_publications_are_not_asked_for_a_postal_address():
    docs = {"kind": "documentation", "assumed": False, "signals": []}
    assert trust(BASE + "/", site_kind=docs) == ([], 1.0)
    assert trust("http://docs.example/", site_kind=docs) == ([("no-https", {"url": "http://docs.example/"})], 0.0)
    services = {"kind": "services", "assumed": False, "signals": []}
    assert trust(BASE + "/", site_kind=services)[0] == [("no-address", {"checked": 0})]
    unclear = {"kind": "content", "assumed": True, "signals": []}  # may be a business: asked
    assert trust(BASE + "/", site_kind=unclear)[0] == [("no-address", {"checked": 0})]


def test_trust_one_missing_signal_of_two():
    assert trust(BASE + "/", touchpoints={"privacy": [BASE + "/privacy"]}) == ([("no-address", {"checked": 0})], 0.5)


def test_site_wide_findings_are_filed_on_the_page_a_visitor_lands_on():
    # http://shop.example/ -> (301) https://shop.example/ -> (script) https://shop.example/ar/
    statuses = {"http://shop.example/": 301, "https://shop.example/": 200, "https://shop.example/ar/": 200}
    site = make_site([make_page()], start_urls=["http://shop.example/"], status=statuses,
                     visitor_redirects={"http://shop.example/": "https://shop.example/",
                                        "https://shop.example/": "https://shop.example/ar/"})
    assert site.home == "https://shop.example/ar/"
    found = list(TRUST.check_site(site))  # plain HTTP that redirects to HTTPS is what a site should do
    assert [(f.url, f.message_key) for f in found] == [("https://shop.example/ar/", "no-address")]


def test_home_stays_on_the_start_url_when_it_sends_visitors_off_the_site_or_in_a_loop():
    off = make_site([make_page()], start_urls=[BASE + "/"], status={BASE + "/": 200},
                    visitor_redirects={BASE + "/": "https://elsewhere.example/"})
    assert off.home == BASE + "/"
    loop = make_site([make_page()], start_urls=[BASE + "/a"], status={BASE + "/a": 200, BASE + "/b": 200},
                     visitor_redirects={BASE + "/a": BASE + "/b", BASE + "/b": BASE + "/a"})
    assert loop.home in (BASE + "/a", BASE + "/b")
    assert Site().home == ""


def test_coverage_an_about_page_giving_an_e_mail_address_or_phone_is_the_way_to_reach_the_site():
    staff = {"email": {"ishida@w3.example": {"shown": "ishida@w3.example", "pages": [BASE + "/about"]}}}
    found, _ = coverage(touchpoints={"about": [BASE + "/about"]}, contacts=staff)
    assert [key for _, key, data in found if data.get("kind") == "contact"] == []
    # the same address on another page only: no way to reach the site where visitors look for one
    elsewhere = {"phone": {"112345678": {"shown": "011 234 5678", "pages": [BASE + "/blog/1"]}}}
    found, _ = coverage(touchpoints={"about": [BASE + "/about"]}, contacts=elsewhere)
    assert (BASE + "/", "missing", {"kind": "contact"}) in found
