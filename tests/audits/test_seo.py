"""SEO audits, one hand-built page (and its site facts) at a time."""

from __future__ import annotations

import pytest

from auditor.audits import get_audit
from tests.factories import BASE, findings, make_page, make_site


def keyed(found) -> list[tuple[str, dict]]:
    return [(f.message_key, f.data) for f in found]


# -- canonical -----------------------------------------------------------------------

CANONICAL = get_audit("canonical")


def test_canonical_to_the_page_itself_passes():
    page = make_page("/coffee")
    assert findings(CANONICAL, page) == []


def test_canonical_missing():
    page = make_page("/coffee", canonicals=[])
    found = findings(CANONICAL, page)
    assert keyed(found) == [("missing", {})]
    assert found[0].selector == "head"


def test_a_folders_index_file_without_canonical_is_the_same_page_under_a_second_url():
    alias, folder = make_page("/guide/index.html", canonicals=[]), make_page("/guide/", canonicals=[])
    site = make_site([alias, folder])
    assert [(f.message_key, f.data) for f in findings(CANONICAL, alias, site)] == [("index-alias", {"target": BASE + "/guide/"})]
    assert keyed(findings(CANONICAL, folder, site)) == [("missing", {})]
    alone = make_page("/docs/index.html", canonicals=[])  # its folder URL is not linked
    assert keyed(findings(CANONICAL, alone, make_site([alone]))) == [("missing", {})]


def test_canonical_repeated_with_the_same_url_is_not_a_conflict():
    page = make_page("/coffee", canonicals=[BASE + "/coffee", BASE + "/coffee"])
    assert findings(CANONICAL, page) == []


def test_canonical_conflicting_urls():
    page = make_page("/coffee", canonicals=[BASE + "/coffee", BASE + "/tea", BASE + "/coffee"])
    assert keyed(findings(CANONICAL, page)) == [
        ("conflicting", {"count": 2, "urls": f"{BASE}/coffee, {BASE}/tea"}),
    ]


def test_canonical_to_another_site():
    page = make_page("/coffee", canonicals=["https://other.example/coffee"])
    assert keyed(findings(CANONICAL, page)) == [("offsite", {"target": "https://other.example/coffee"})]


def test_canonical_to_the_www_host_of_the_same_site_is_not_offsite():
    page = make_page("/coffee", canonicals=["https://www.shop.example/coffee"])
    assert findings(CANONICAL, page) == []


def test_canonical_to_a_404():
    page = make_page("/coffee", canonicals=[BASE + "/gone"])
    gone = make_page("/gone", status=404)
    site = make_site([page, gone])
    assert keyed(findings(CANONICAL, page, site)) == [("target-status", {"target": BASE + "/gone", "status": 404})]


def test_canonical_to_a_url_that_never_answered():
    page = make_page("/coffee", canonicals=[BASE + "/slow"])
    slow = make_page("/slow", status=None, error="TimeoutError: took too long")
    site = make_site([page, slow])
    assert keyed(findings(CANONICAL, page, site)) == [
        ("target-status", {"target": BASE + "/slow", "status": "no response"}),
    ]


def test_canonical_to_a_redirect():
    page = make_page("/coffee", canonicals=[BASE + "/old"])
    old = make_page("/old", status=301, is_html=False, redirect_to=BASE + "/new")
    new = make_page("/new")
    site = make_site([page, old, new])
    assert keyed(findings(CANONICAL, page, site)) == [
        ("target-redirects", {"target": BASE + "/old", "final": BASE + "/new"}),
    ]


def test_canonical_into_a_redirect_loop():
    page = make_page("/coffee", canonicals=[BASE + "/loop-a"])
    a = make_page("/loop-a", status=301, is_html=False, redirect_to=BASE + "/loop-b")
    b = make_page("/loop-b", status=301, is_html=False, redirect_to=BASE + "/loop-a")
    site = make_site([page, a, b])
    assert keyed(findings(CANONICAL, page, site)) == [
        ("target-status", {"target": BASE + "/loop-a", "status": "a redirect loop"}),
    ]


def test_canonical_to_a_url_never_fetched_is_not_judged():
    page = make_page("/coffee", canonicals=[BASE + "/not-crawled"])
    assert findings(CANONICAL, page) == []


# -- document-title ------------------------------------------------------------------

DOCUMENT_TITLE = get_audit("document-title")


def test_document_title_present_passes():
    assert findings(DOCUMENT_TITLE, make_page()) == []


def test_document_title_missing():
    assert keyed(findings(DOCUMENT_TITLE, make_page(title=None))) == [("missing", {})]


def test_document_title_blank():
    assert keyed(findings(DOCUMENT_TITLE, make_page(title="  \n "))) == [("empty", {})]


# -- duplicate-title -----------------------------------------------------------------

DUPLICATE_TITLE = get_audit("duplicate-title")


def test_duplicate_title_counts_every_page_sharing_it():
    shared = "قهوة | المتجر"
    pages = [make_page("/a", title=shared), make_page("/b", title=shared), make_page("/c", title=shared),
             make_page("/d", title="عن المتجر")]
    site = make_site(pages)
    by_url = {p.url: keyed(findings(DUPLICATE_TITLE, p, site)) for p in pages}
    assert by_url == {
        BASE + "/a": [("shared", {"title": shared, "count": 3})],
        BASE + "/b": [("shared", {"title": shared, "count": 3})],
        BASE + "/c": [("shared", {"title": shared, "count": 3})],
        BASE + "/d": [],
    }


def test_duplicate_title_not_applicable_to_an_error_page():
    pages = [make_page("/a", title="Same"), make_page("/b", title="Same"), make_page("/c", status=500, title="Same")]
    site = make_site(pages)
    assert not DUPLICATE_TITLE.applies(pages[2], site)
    assert len(findings(DUPLICATE_TITLE, pages[0], site)) == 1


# -- duplicate-meta-description ------------------------------------------------------

DUPLICATE_DESCRIPTION = get_audit("duplicate-meta-description")


def test_duplicate_meta_description_unique_passes():
    pages = [make_page("/a", meta={"description": "one"}), make_page("/b", meta={"description": "two"})]
    site = make_site(pages)
    assert [findings(DUPLICATE_DESCRIPTION, p, site) for p in pages] == [[], []]


def test_duplicate_meta_description_shared():
    text = "وصف مكرر " * 30
    pages = [make_page("/a", meta={"description": text}), make_page("/b", meta={"description": text})]
    site = make_site(pages)
    found = findings(DUPLICATE_DESCRIPTION, pages[1], site)
    assert keyed(found) == [("shared", {"description": text[:160], "count": 2})]


def test_duplicate_meta_description_blank_is_left_to_meta_description():
    pages = [make_page("/a", meta={"description": " "}), make_page("/b", meta={"description": " "})]
    site = make_site(pages, description_counts={" ": 2})
    assert findings(DUPLICATE_DESCRIPTION, pages[0], site) == []


# -- heading-h1 ----------------------------------------------------------------------

HEADING_H1 = get_audit("heading-h1")


def test_heading_h1_exactly_one_passes():
    assert findings(HEADING_H1, make_page()) == []


def test_heading_h1_missing():
    page = make_page(headings=[{"level": 2, "text": "منتجاتنا"}])
    assert keyed(findings(HEADING_H1, page)) == [("missing", {})]


def test_heading_h1_several():
    page = make_page(headings=[{"level": 1, "text": "قهوة"}, {"level": 2, "text": "x"}, {"level": 1, "text": "شاي"}])
    assert keyed(findings(HEADING_H1, page)) == [("multiple", {"count": 2, "headings": "قهوة | شاي"})]


# -- hreflang ------------------------------------------------------------------------

HREFLANG = get_audit("hreflang")
AR, EN = BASE + "/ar/", BASE + "/en/"
ALTERNATES = [{"lang": "ar", "href": AR}, {"lang": "en", "href": EN}, {"lang": "x-default", "href": EN}]


def hreflang_pair(ar_entries=ALTERNATES, en_entries=ALTERNATES, en_status=200):
    ar = make_page("/ar/", hreflang=list(ar_entries))
    en = make_page("/en/", lang="en", status=en_status, hreflang=list(en_entries))
    return ar, en, make_site([ar, en])


def test_hreflang_reciprocal_pair_passes():
    ar, en, site = hreflang_pair()
    assert findings(HREFLANG, ar, site) == []
    assert findings(HREFLANG, en, site) == []


def test_hreflang_x_default_in_capitals_counts():
    entries = [{"lang": "ar", "href": AR}, {"lang": "en", "href": EN}, {"lang": "X-Default", "href": EN}]
    ar, _, site = hreflang_pair(ar_entries=entries)
    assert findings(HREFLANG, ar, site) == []


@pytest.mark.parametrize(("code", "problem"), [("ar_SA", "underscore"), ("ar-KSA", "malformed"), ("xx", "unknown-language")])
def test_hreflang_invalid_code(code, problem):
    ar, _, site = hreflang_pair(ar_entries=[*ALTERNATES, {"lang": code, "href": AR}])
    found = findings(HREFLANG, ar, site)
    assert keyed(found) == [("invalid-code", {"code": code, "problem": problem})]
    assert found[0].selector == f'link[hreflang="{code}"]'


def test_hreflang_missing_return_link():
    ar, _, site = hreflang_pair(en_entries=[{"lang": "en", "href": EN}, {"lang": "x-default", "href": EN}])
    assert keyed(findings(HREFLANG, ar, site)) == [
        ("no-return", {"code": "en", "target": EN}),
        ("no-return", {"code": "x-default", "target": EN}),
    ]


def test_hreflang_target_fetched_without_alternates_has_no_return_link():
    ar = make_page("/ar/", hreflang=list(ALTERNATES))
    en = make_page("/en/", lang="en")
    site = make_site([ar, en])
    assert [f.message_key for f in findings(HREFLANG, ar, site)] == ["no-return", "no-return"]


def test_hreflang_missing_x_default():
    entries = [{"lang": "ar", "href": AR}, {"lang": "en", "href": EN}]
    ar, _, site = hreflang_pair(ar_entries=entries)
    assert keyed(findings(HREFLANG, ar, site)) == [("no-x-default", {})]


def test_hreflang_without_a_self_link():
    entries = [{"lang": "en", "href": EN}, {"lang": "x-default", "href": EN}]
    ar, _, site = hreflang_pair(ar_entries=entries)
    assert keyed(findings(HREFLANG, ar, site)) == [("no-self", {})]


def test_hreflang_every_page_naming_the_home_page_as_its_versions_is_one_finding_a_page():
    # a layout giving every page <link hreflang="ar|ar-SA|x-default" href="https://site/">
    home_only = [{"lang": "ar", "href": BASE + "/"}, {"lang": "ar-SA", "href": BASE + "/"},
                 {"lang": "x-default", "href": BASE + "/"}]
    home = make_page("/", hreflang=home_only)
    about = make_page("/about/", hreflang=home_only)
    site = make_site([home, about])
    assert keyed(findings(HREFLANG, about, site)) == [
        ("elsewhere", {"codes": "ar, ar-SA, x-default", "target": BASE + "/", "lang": "ar"})]
    assert findings(HREFLANG, home, site) == []
    # an Arabic page naming only its English version lacks itself: that is all
    ar, _, site = hreflang_pair(ar_entries=[{"lang": "en", "href": EN}, {"lang": "x-default", "href": EN}])
    assert keyed(findings(HREFLANG, ar, site)) == [("no-self", {})]


def test_hreflang_a_folders_index_file_is_the_folder():
    # the home page linked as /index.html: its alternates name it /, and / names itself
    home = [{"lang": "en", "href": BASE + "/"}, {"lang": "ar", "href": AR}, {"lang": "x-default", "href": BASE + "/"}]
    index = make_page("/index.html", lang="en", hreflang=home)
    root = make_page("/", lang="en", hreflang=home)
    ar = make_page("/ar/", hreflang=home)
    site = make_site([index, root, ar])
    assert findings(HREFLANG, index, site) == []
    # unless the folder itself fails: then the index file is another page
    site = make_site([index, make_page("/", status=404), ar])
    assert ("no-self", {}) in keyed(findings(HREFLANG, index, site))


def test_hreflang_target_answers_404():
    ar, _, site = hreflang_pair(en_status=404)
    assert keyed(findings(HREFLANG, ar, site)) == [
        ("target-status", {"code": "en", "target": EN, "status": 404}),
        ("target-status", {"code": "x-default", "target": EN, "status": 404}),
    ]


def test_hreflang_target_never_fetched_is_not_judged():
    entries = [*ALTERNATES, {"lang": "fr", "href": "https://shop.example.fr/"}]
    ar, _, site = hreflang_pair(ar_entries=entries)
    assert findings(HREFLANG, ar, site) == []


def test_hreflang_not_applicable_without_alternates_or_on_an_error_page():
    site = make_site([])
    assert not HREFLANG.applies(make_page("/ar/"), site)
    assert not HREFLANG.applies(make_page("/ar/", status=404, hreflang=list(ALTERNATES)), site)
    assert HREFLANG.applies(make_page("/ar/", hreflang=list(ALTERNATES)), site)


# -- html-lang -----------------------------------------------------------------------

HTML_LANG = get_audit("html-lang")


# IANA Language Subtag Registry entries beyond the common ones: a collection (Berber languages),
# an ISO 639-3 language (Cantonese), a UN M.49 region (Latin America), a private-use language
@pytest.mark.parametrize("lang", ["ar", "ar-SA", "en-GB", "en", "ar-Arab", "ber", "yue-HK", "es-419", "qaa"])
def test_html_lang_valid_tags_pass(lang):
    assert findings(HTML_LANG, make_page(lang=lang)) == []


@pytest.mark.parametrize("lang", [None, "", "   "])
def test_html_lang_missing(lang):
    found = findings(HTML_LANG, make_page(lang=lang))
    assert keyed(found) == [("missing", {})]
    assert found[0].selector == "html"


@pytest.mark.parametrize(("lang", "problem"), [
    ("ar_SA", "underscore"),
    ("xx", "unknown-language"),
    ("ar-KSA", "malformed"),
    ("arabic", "unknown-language"),  # well-formed (5 to 8 letters), but no such language
    ("shell", "unknown-language"),  # <pre lang="shell">: a programming language is no lang
    ("ar-Xyzw", "unknown-script"),
    ("en-UK", "unknown-region"),  # the United Kingdom is GB
    ("ara", "unknown-language"),  # ISO 639-2's code for Arabic; the registry has ar
])
def test_html_lang_invalid(lang, problem):
    assert keyed(findings(HTML_LANG, make_page(lang=lang))) == [("invalid", {"lang": lang, "problem": problem})]


# -- http-status ---------------------------------------------------------------------

HTTP_STATUS = get_audit("http-status")


def test_http_status_200_passes():
    assert findings(HTTP_STATUS, make_page()) == []


@pytest.mark.parametrize("status", [404, 410])
def test_http_status_client_error(status):
    page = make_page("/gone", status=status)
    assert keyed(findings(HTTP_STATUS, page)) == [("client-error", {"status": status})]


@pytest.mark.parametrize("status", [500, 503])
def test_http_status_server_error(status):
    page = make_page("/broken", status=status)
    assert keyed(findings(HTTP_STATUS, page)) == [("server-error", {"status": status})]


def test_http_status_fetch_error():
    page = make_page("/slow", status=None, is_html=False, error="TimeoutError: took longer than 30 seconds")
    assert keyed(findings(HTTP_STATUS, page)) == [("no-response", {"error": "TimeoutError: took longer than 30 seconds"})]


def test_http_status_page_disallowed_by_robots_txt_is_not_a_finding():
    page = make_page("/private", status=None, is_html=False, error="disallowed by robots.txt")
    assert findings(HTTP_STATUS, page) == []


def test_http_status_redirect_not_applicable():
    page = make_page("/old", status=301, is_html=False, redirect_to=BASE + "/new")
    assert not HTTP_STATUS.applies(page, make_site([page]))


# -- meta-description ----------------------------------------------------------------

@pytest.mark.parametrize(("meta", "headers"), [({"robots": "noindex, follow"}, {}), ({}, {"x-robots-tag": "noindex"})])
def test_thin_content_and_meta_description_leave_noindexed_pages_alone(meta, headers):
    # a category list kept out of search has taken the advice: nothing for search to show
    listing = make_page("/blog/categories/ssd/", word_count=75, meta=meta, headers=headers)
    assert not THIN_CONTENT.applies(listing, make_site([listing]))
    assert not get_audit("meta-description").applies(listing, make_site([listing]))
    indexed = make_page("/blog/categories/ssd/", word_count=75, meta={})
    assert THIN_CONTENT.applies(indexed, make_site([indexed])) and findings(THIN_CONTENT, indexed)
    assert keyed(findings(get_audit("meta-description"), indexed)) == [("missing", {})]


META_DESCRIPTION = get_audit("meta-description")


def test_meta_description_present_passes():
    assert findings(META_DESCRIPTION, make_page()) == []


def test_meta_description_missing():
    page = make_page(meta={"viewport": "width=device-width"})
    assert keyed(findings(META_DESCRIPTION, page)) == [("missing", {})]


def test_meta_description_blank():
    page = make_page(meta={"description": "  ", "viewport": "width=device-width"})
    found = findings(META_DESCRIPTION, page)
    assert keyed(found) == [("empty", {})]
    assert found[0].selector == 'meta[name="description"]'


# -- noindex -------------------------------------------------------------------------

NOINDEX = get_audit("noindex")


@pytest.mark.parametrize("robots", [None, "index, follow", "nofollow", "noarchive, max-snippet:50"])
def test_noindex_indexable_page_passes(robots):
    meta = {"robots": robots} if robots is not None else {}
    assert findings(NOINDEX, make_page(meta=meta)) == []


@pytest.mark.parametrize("robots", ["noindex", "NOINDEX, nofollow", "none", "follow,noindex"])
def test_noindex_by_meta_robots(robots):
    found = findings(NOINDEX, make_page(meta={"robots": robots}))
    assert keyed(found) == [("meta", {"name": "robots", "value": robots})]
    assert found[0].selector == 'meta[name="robots"]'


def test_noindex_follow_on_a_page_left_out_of_the_sitemap_is_a_choice_to_check():
    category = make_page("/blog/categories/drives/", meta={"robots": "noindex, follow"})
    site = make_site([make_page(), category])
    found = findings(NOINDEX, category, site)
    assert keyed(found) == [("chosen", {"name": "robots", "value": "noindex, follow"})]
    assert NOINDEX.page_score(category, site, found) == 1.0
    assert NOINDEX.meta.impact_of("chosen") == "minor"
    # a leftover from staging: nofollow too, the page in the sitemap, or the start page itself
    for page in (make_page("/blog/categories/drives/", meta={"robots": "noindex, nofollow"}),
                 make_page("/blog/categories/drives/", meta={"robots": "noindex, follow"}, in_sitemap=True),
                 make_page("/", meta={"robots": "noindex, follow"})):
        found = findings(NOINDEX, page, make_site([page]))
        assert found[0].message_key == "meta"
        assert NOINDEX.page_score(page, site, found) == 0.0


def test_noindex_by_googlebot_meta_alongside_a_permissive_robots_meta():
    page = make_page(meta={"robots": "index, follow", "googlebot": "noindex"})
    found = findings(NOINDEX, page)
    assert keyed(found) == [("meta", {"name": "googlebot", "value": "noindex"})]
    assert found[0].selector == 'meta[name="googlebot"]'


@pytest.mark.parametrize("header", ["noindex", "googlebot: noindex", "none"])
def test_noindex_by_x_robots_tag_header(header):
    page = make_page(headers={"x-robots-tag": header})
    assert keyed(findings(NOINDEX, page)) == [("header", {"value": header})]


def test_noindex_x_robots_tag_without_noindex_passes():
    assert findings(NOINDEX, make_page(headers={"x-robots-tag": "noarchive"})) == []


def test_noindex_by_meta_and_header_reports_both():
    page = make_page(meta={"robots": "noindex"}, headers={"x-robots-tag": "noindex"})
    assert [f.message_key for f in findings(NOINDEX, page)] == ["meta", "header"]


def test_noindex_page_listed_in_the_sitemap():
    page = make_page(meta={"robots": "noindex"}, in_sitemap=True)
    assert keyed(findings(NOINDEX, page)) == [("meta", {"name": "robots", "value": "noindex"}), ("in-sitemap", {})]


def test_noindex_by_header_and_in_the_sitemap():
    page = make_page(headers={"x-robots-tag": "noindex"}, in_sitemap=True)
    assert [f.message_key for f in findings(NOINDEX, page)] == ["header", "in-sitemap"]


def test_noindex_indexable_page_in_the_sitemap_passes():
    assert findings(NOINDEX, make_page(in_sitemap=True)) == []


# -- thin-content --------------------------------------------------------------------

THIN_CONTENT = get_audit("thin-content")


@pytest.mark.parametrize("words", [150, 400])
def test_thin_content_enough_words_pass(words):
    assert findings(THIN_CONTENT, make_page(word_count=words)) == []


def test_thin_content_below_the_default_minimum():
    assert keyed(findings(THIN_CONTENT, make_page(word_count=149))) == [("thin", {"words": 149, "min": 150})]


def test_thin_content_minimum_from_the_settings():
    page = make_page(word_count=400)
    strict = make_site([page], settings={"thin_content_words": 500})
    lenient = make_site([page], settings={"thin_content_words": 50})
    assert keyed(findings(THIN_CONTENT, page, strict)) == [("thin", {"words": 400, "min": 500})]
    assert findings(THIN_CONTENT, make_page(word_count=60), lenient) == []


def test_a_page_of_code_is_not_thin_its_code_counts_as_words():
    listing = make_page(word_count=12, facts={"kind": {"types": [], "code": 9000, "code_words": 1400}})
    assert findings(THIN_CONTENT, listing) == []
    snippet = make_page(word_count=40, facts={"kind": {"types": [], "code": 60, "code_words": 8}})
    assert keyed(findings(THIN_CONTENT, snippet)) == [("thin", {"words": 48, "min": 150})]


# -- title-length --------------------------------------------------------------------

TITLE_LENGTH = get_audit("title-length")


@pytest.mark.parametrize("length", [10, 35, 60])
def test_title_length_within_bounds_passes(length):
    assert findings(TITLE_LENGTH, make_page(title="ق" * length)) == []


def test_title_length_too_long():
    title = "ق" * 61
    found = findings(TITLE_LENGTH, make_page(title=title))
    assert keyed(found) == [("too-long", {"length": 61, "max": 60, "title": title})]


def test_title_length_too_short():
    title = "قهوة"
    assert keyed(findings(TITLE_LENGTH, make_page(title=title))) == [("too-short", {"length": 4, "min": 10, "title": title})]


def test_title_length_bounds_from_the_settings():
    page = make_page(title="ق" * 40)
    site = make_site([page], settings={"title_max": 30})
    assert keyed(findings(TITLE_LENGTH, page, site)) == [("too-long", {"length": 40, "max": 30, "title": "ق" * 40})]
    site = make_site([page], settings={"title_min": 50})
    assert keyed(findings(TITLE_LENGTH, page, site)) == [("too-short", {"length": 40, "min": 50, "title": "ق" * 40})]


@pytest.mark.parametrize("title", [None, ""])
def test_title_length_not_applicable_without_a_title(title):
    page = make_page(title=title)
    assert not TITLE_LENGTH.applies(page, make_site([page]))


# -- viewport ------------------------------------------------------------------------

VIEWPORT = get_audit("viewport")


@pytest.mark.parametrize("content", ["width=device-width, initial-scale=1", "width = device-width"])
def test_viewport_with_device_width_passes(content):
    assert findings(VIEWPORT, make_page(meta={"viewport": content})) == []


def test_viewport_missing():
    page = make_page(meta={"description": "وصف"})
    assert keyed(findings(VIEWPORT, page)) == [("missing", {})]


def test_viewport_without_device_width():
    page = make_page(meta={"viewport": "width=1024, initial-scale=1"})
    found = findings(VIEWPORT, page)
    assert keyed(found) == [("no-device-width", {"content": "width=1024, initial-scale=1"})]
    assert found[0].selector == 'meta[name="viewport"]'


# -- link-text ---------------------------------------------------------------------------

def test_link_text_generic_phrases_in_arabic_and_english_once_per_text():
    from auditor.model import Link

    links = [Link(BASE + "/a", "اقرأ المزيد »"), Link(BASE + "/b", "اقرأ المزيد »"), Link(BASE + "/c", "Click here"),
             Link(BASE + "/d", "اضغط هنا"), Link(BASE + "/e", "https://shop.example/e"),
             Link(BASE + "/f", "سياسة الاسترجاع"), Link(BASE + "/g", "Read more about our roasting"),
             Link("mailto:a@shop.example", "here", kind="mailto"), Link(BASE + "/h", "")]
    found = findings(get_audit("link-text"), make_page(links=links))
    assert [(f.message_key, f.data["text"], f.data.get("count"), f.data["target"]) for f in found] == [
        ("bare-url", "https://shop.example/e", None, BASE + "/e"),
        ("generic", "اقرأ المزيد »", 2, BASE + "/a"),
        ("generic", "Click here", 1, BASE + "/c"),
        ("generic", "اضغط هنا", 1, BASE + "/d"),
    ]
    assert found[1].data["hrefs"] == [BASE + "/a", BASE + "/b"]


def test_link_text_passes_descriptive_links():
    from auditor.model import Link

    page = make_page(links=[Link(BASE + "/returns", "Shipping and returns"), Link(BASE + "/r", "سياسة الاسترجاع")])
    assert findings(get_audit("link-text"), page) == []


def test_link_text_naming_the_page_it_leads_to_is_no_generic_text():
    from auditor.model import Link

    # a list of programming languages: "Go" leads to the Go page; "Go" to a search result says nothing
    languages = [Link(BASE + "/formats/go.html", "Go"), Link(BASE + "/start/", "Start"), Link(BASE + "/more-info", "More info")]
    assert findings(get_audit("link-text"), make_page(links=languages)) == []
    assert [f.data["text"] for f in findings(get_audit("link-text"), make_page(links=[Link(BASE + "/s?q=1", "Go")]))] == ["Go"]


def test_hreflang_missing_and_relative_href_and_link_header_codes():
    alternates = [{"lang": "ar", "href": BASE + "/ar/"}, {"lang": "x-default", "href": BASE + "/ar/"},
                  {"lang": "en", "href": BASE + "/en/", "relative": "/en/"},
                  {"lang": "en_US", "href": BASE + "/us/", "source": "header"}]
    page = make_page("/ar/", hreflang=alternates, hreflang_problems=[{"lang": "fr", "problem": "missing-href", "source": "head"}])
    found = {(f.message_key, f.selector, f.data.get("code")) for f in findings(HREFLANG, page, make_site([page]))}
    assert {("missing-href", 'link[hreflang="fr"]', "fr"), ("relative-href", 'link[hreflang="en"]', None),
            ("invalid-code", "HTTP Link header", "en_US")} <= found
    assert not {k for k, _, _ in found} & {"no-self", "no-x-default"}


# -- placeholder-content -------------------------------------------------------------------

PLACEHOLDER = get_audit("placeholder-content")


def test_placeholder_content_passes_on_real_content():
    from auditor.model import Image
    page = make_page("/", title="Hello from Riyadh: our new roastery", text="We say hello world to every guest.",
                     images=[Image(BASE + "/img/beans.jpg", alt="x")])
    assert findings(PLACEHOLDER, page) == []


def test_placeholder_text_in_every_place_it_hides():
    titled = make_page("/blog/new/", title="My New Post | Ehab's blog", text="Notes.")
    assert [(f.data["where"], f.data["text"]) for f in findings(PLACEHOLDER, titled)] == [
        ("title", "My New Post | Ehab's blog")]
    page = make_page("/blog/", title="Hello world!", meta={"description": "Example article description"},
                     headings=[{"level": 1, "text": "Sample Page"}],
                     text="مرحبا بكم.\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\n\nلوريم إيبسوم هو نص")
    found = [(f.message_key, f.data["where"], f.data["text"]) for f in findings(PLACEHOLDER, page)]
    assert found == [
        ("text", "title", "Hello world!"),
        ("text", "meta description", "Example article description"),
        ("text", "heading", "Sample Page"),
        ("text", "main text", "Lorem ipsum dolor sit amet, consectetur adipiscing elit."),
        ("text", "main text", "لوريم إيبسوم هو نص"),
    ]


def test_placeholder_text_in_any_case_and_any_block_of_the_main_text():
    samples = ["LOREM İPSUM", "Dolor ſit amet", "consectetur adipıscing elit", "لوريم ايبسوم",
               "هذا النص هو مثال لنص يمكن أن يستبدل", "هذا نص تجريبي", "Example Site Description",
               "Just another WordPress site", "Welcome to WordPress. This is your first post", "This is my first blog post",
               "Welcome to Hugo", "Your blog description here", "Enter your text here", "Site description goes here",
               "[Add your English story content here]", "Your content goes here", "أضف المحتوى هنا", "اكتب النص هنا",
               "متن داستان را اینجا بنویسید"]
    for sample in samples:
        page = make_page("/", text=f"مرحبا بكم.\n\nنص حقيقي عن المتجر.\n\n{sample}, ok")
        assert [f.data["where"] for f in findings(PLACEHOLDER, page)] == ["main text"], sample


def test_sentences_that_only_look_like_a_template_note_are_not_placeholders():
    for text in ["Add your name here to join the list.", "Place your order here", "اكتب لنا هنا", "ضع طلبك هنا",
                 "The content here is updated weekly."]:
        page = make_page("/", text=f"مرحبا بكم.\n\n{text}")
        assert findings(PLACEHOLDER, page) == [], text


def test_placeholder_text_repeated_on_many_pages_is_found_on_each():
    # five story pages left with their template's note: it repeats, so it is no main text
    page = make_page("/stories/a/", text="", facts={"_repeated_text": "Home\n\n[Add your English story content here]"})
    assert [f.data["text"] for f in findings(PLACEHOLDER, page)] == ["[Add your English story content here]"]


def test_a_page_left_with_its_placeholder_is_thin_because_of_it():
    from auditor.facts.runner import run_audits

    unwritten = make_page("/story", text="[Add your English story content here]", word_count=6)
    short = make_page("/note", text="A short note.", word_count=3)
    pages = [unwritten, short]
    out = run_audits(pages, make_site(pages), [PLACEHOLDER, get_audit("thin-content")])["audits"]
    assert {f["url"]: f["data"].get("root_cause") for f in out["thin-content"]["findings"]} == {
        unwritten.url: {"audit": "placeholder-content", "message_key": "text"}, short.url: None}


def test_filler_text_scored_as_hard_reading_names_the_placeholder_as_its_cause():
    from auditor.facts.computed import Computed
    from auditor.facts.runner import run_audits

    lorem = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
             "dolore magna aliqua pellentesque habitant morbi tristique senectus et netus et malesuada fames. ") * 12
    page = Computed()(make_page("/blog/long-post", lang="en", text=lorem, headings=[{"level": 1, "text": "Post"}]))
    ids = ("placeholder-content", "readability", "long-sentences", "heading-structure-for-scanning")
    out = run_audits([page], make_site([page]), [get_audit(i) for i in ids])["audits"]
    assert all(out[i]["findings"] for i in ids)
    assert {str(f["data"].get("root_cause")) for i in ids[1:] for f in out[i]["findings"]} == {
        str({"audit": "placeholder-content", "message_key": "text"})}


def test_a_placeholder_shared_by_many_pages_is_one_cause_not_each_pages_duplicate():
    from auditor.facts.runner import run_audits

    pages = [make_page(f"/{name}", title=title, meta={"description": description})
             for name, title, description in [("a", "Hello world", "Enter your description here"),
                                              ("b", "Hello world", "Enter your description here"),
                                              ("c", "Rovan", "Medicines and supplies"),
                                              ("d", "Rovan", "Medicines and supplies")]]
    ids = ("placeholder-content", "duplicate-title", "duplicate-meta-description")
    out = run_audits(pages, make_site(pages), [get_audit(i) for i in ids])["audits"]
    for audit_id in ids[1:]:
        causes = {f["url"].rsplit("/", 1)[-1]: f["data"].get("root_cause") for f in out[audit_id]["findings"]}
        assert causes == {"a": {"audit": "placeholder-content", "message_key": "text"},
                          "b": {"audit": "placeholder-content", "message_key": "text"}, "c": None, "d": None}, audit_id


def test_placeholder_images_by_name_and_service():
    from auditor.model import Image
    page = make_page("/", images=[Image(BASE + "/uploads/placeholder-image.png", alt=""),
                                  Image("https://via.placeholder.com/350x150", alt=""),
                                  Image(BASE + "/uploads/team.jpg", alt="")])
    assert [(f.message_key, f.data["src"]) for f in findings(PLACEHOLDER, page)] == [
        ("image", BASE + "/uploads/placeholder-image.png"), ("image", "https://via.placeholder.com/350x150")]


def test_html_lang_xml_lang_agreement_and_lang_on_every_element():
    from auditor.gather.extract import extract
    from auditor.model import PageRecord
    doc = ('<!DOCTYPE html><html lang="ar" xml:lang="en"><head><title>t</title></head><body>'
           '<p lang="ar_SA">نص</p><span lang="en, fr">x</span><b lang="">y</b>'
           '<i lang="en-GB" xml:lang="en-gb">fine</i></body></html>')
    page = extract(PageRecord(url=BASE + "/", status=200, is_html=True), doc.encode("utf-8"), "text/html")
    assert [(f.message_key, f.selector, f.data.get("problem")) for f in findings(HTML_LANG, page)] == [
        ("xml-lang-conflict", "html", None),
        ("invalid-element", "body > p", "underscore"),
        ("invalid-element", "body > span", "malformed"),
    ]


def test_an_image_named_for_what_it_shows_is_no_placeholder():
    """A guide's screenshot of an accessible placeholder attribute (a build tool's hash after
    the name) shows something; a name of slot words only is a stand-in."""
    from auditor.model import Image
    page = make_page("/", images=[Image(BASE + "/assets/AccessiblePlaceholder.IvJOiQV8.png", alt="x"),
                                  Image(BASE + "/assets/input-placeholder-example.png", alt="x"),
                                  Image(BASE + "/img/product_placeholder@2x.webp", alt=""),
                                  Image(BASE + "/img/PlaceholderImage.B3kq9.svg", alt="")])
    assert [f.data["src"].rsplit("/", 1)[-1] for f in findings(PLACEHOLDER, page)] == [
        "product_placeholder@2x.webp", "PlaceholderImage.B3kq9.svg"]


# -- language-urls -------------------------------------------------------------------------

SELECT = {"selector": "header select", "control": "select", "languages": ["en", "ar"], "text": "English / Arabic"}


def test_a_language_switched_in_place_with_no_page_in_it_is_reported():
    page = make_page("/", lang="en", facts={"lang_switch": [SELECT]})
    [finding] = findings(get_audit("language-urls"), page, make_site([page]))
    assert finding.data == {"text": "English / Arabic", "control": "select", "languages": "ar"}
    assert finding.selector == "header select"


def test_a_switch_whose_languages_have_pages_is_not():
    page = make_page("/", lang="en", facts={"lang_switch": [SELECT]})
    arabic = make_page("/ar/", lang="ar")
    assert findings(get_audit("language-urls"), page, make_site([page, arabic])) == []
    # Arabic pages that declare no language, read as Arabic from their text
    assert findings(get_audit("language-urls"), page, make_site([page], languages=frozenset({"en", "ar"}))) == []


def test_a_switch_naming_the_pages_own_language_is_not():
    button = {"selector": "button", "control": "button", "languages": ["ar"], "text": "العربية"}
    page = make_page("/", lang=None, facts={"lang_switch": [button], "language": {"lang": "ar"}})
    assert findings(get_audit("language-urls"), page, make_site([page])) == []


# -- missing-page-status -----------------------------------------------------------------

def _probe(status: int, final: str | None = None) -> dict:
    url = BASE + "/auditor-no-such-page-7c1e9b"
    return {"url": url, "status": status, "final_url": final or url, "title": "Shop", "error": None}


@pytest.mark.parametrize(("probe", "key"), [
    (_probe(200), "answers-200"),
    (_probe(200, BASE + "/"), "redirects"),
    (_probe(503), "server-error"),
    (_probe(404), None), (_probe(410), None), (_probe(403), None),
    ({"url": BASE + "/x", "status": None, "final_url": None, "title": None, "error": "timeout"}, None),
    (None, None),
])
def test_a_missing_page_must_answer_404(probe, key):
    home = make_page("/")
    found = list(get_audit("missing-page-status").check_site(make_site([home], missing_page=probe)))
    assert [(f.url, f.message_key) for f in found] == ([(home.url, key)] if key else [])


# -- locale-adaptive ---------------------------------------------------------------------

def _asked_in_arabic(**changes) -> dict:
    return {"url": BASE + "/", "language": "ar", "status": 200, "final_url": BASE + "/", "lang": "ar",
            "title": "الرئيسية", "text": ARABIC_TEXT, "words": 300, "rendered": True, "error": None, **changes}


ENGLISH = {"lang": "en", "facts": {"language": {"lang": "en", "confidence": 0.95}}}
ARABIC_TEXT = "تعالج عيادتنا في الرياض الأطفال والكبار ستة أيام في الأسبوع، واحجز موعدك مع أحد أطبائنا. " * 3
ENGLISH_TEXT = "Our clinic in Riyadh treats children and adults six days a week; book a visit with a dentist. " * 3


@pytest.mark.parametrize(("home", "probe", "key"), [
    (ENGLISH, _asked_in_arabic(), "content"),
    (ENGLISH, _asked_in_arabic(lang="en"), "content"),  # the text changed, not the declared language
    (ENGLISH, _asked_in_arabic(words=5), "content"),  # too few words to tell: lang="ar" says it
    (ENGLISH, _asked_in_arabic(text=ENGLISH_TEXT), None),  # the same text under lang="ar": a wrong lang, no version
    ({"lang": "ar", "facts": {"language": {"lang": "ar", "confidence": 0.95}}}, _asked_in_arabic(), None),
    (ENGLISH, _asked_in_arabic(lang=None, words=5), None),  # too few words to tell, and no lang to compare
    (ENGLISH, _asked_in_arabic(status=403), None),
    (ENGLISH, _asked_in_arabic(status=None, final_url=None, error="timeout"), None),
    (ENGLISH, None, None),
])
def test_a_home_page_whose_language_follows_the_browser_is_found(home, probe, key):
    page = make_page("/", **home)
    assert [f.message_key for f in findings(get_audit("locale-adaptive"), page, make_site([page], locale_probe=probe))] \
        == ([key] if key else [])


def test_locale_adaptive_reads_only_the_home_page_and_where_http_redirects_end():
    audit = get_audit("locale-adaptive")
    other = make_page("/about", **ENGLISH)
    assert findings(audit, other, make_site([other], locale_probe=_asked_in_arabic())) == []
    # the crawl's start URL redirects to /en/ and the probe's ends there too: the same page
    home = make_page("/en/", **ENGLISH)
    site = make_site([home], locale_probe=_asked_in_arabic(final_url=BASE + "/en/", lang="en", text=ENGLISH_TEXT),
                     redirects={BASE + "/": BASE + "/en/"}, visitor_redirects={BASE + "/": BASE + "/en/"})
    assert findings(audit, home, site) == []
    # a script sent the crawl on from the start page: the page the probe read is not the home page
    home = make_page("/en/", **ENGLISH)
    site = make_site([home], locale_probe=_asked_in_arabic(), visitor_redirects={BASE + "/": BASE + "/en/"})
    assert findings(audit, home, site) == []
