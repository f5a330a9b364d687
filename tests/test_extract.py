"""Static extraction on saved HTML files."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.gather.extract import extract, meta_refresh
from auditor.model import PageRecord

HTML = Path(__file__).parent / "fixtures" / "html"
URL = "https://shop.example/ar/page.html"


def page(name: str, content_type: str | None = "text/html") -> PageRecord:
    return extract(PageRecord(url=URL), (HTML / name).read_bytes(), content_type)


def test_malformed_markup_yields_every_fact():
    p = page("malformed.html")
    assert p.error is None
    assert (p.lang, p.dir) == ("ar", "rtl")
    assert p.title == "متجر القهوة"
    assert p.meta["description"] == "وصف" and p.meta["robots"] == "noindex"
    assert p.canonicals == ["https://shop.example/ar/"]
    assert p.hreflang == [{"lang": "en", "href": "https://shop.example/en/", "relative": "/en/"}]  # Google wants full URLs
    assert [(h["level"], h["text"]) for h in p.headings] == [(1, "القهوة المختصة"), (3, "عنوان فرعي")]


def test_links_resolve_against_base_href_with_region_rel_and_kind():
    p = page("malformed.html")
    links = {link.href: link for link in p.links}
    assert links["https://shop.example/shop/index.html"].region == "header"
    assert links["https://shop.example/shop/index.html"].text == "الشعار"  # from the image alt
    assert links["https://shop.example/shop/products/"].region == "nav"
    assert links["https://shop.example/shop/contact.html"].text == "اتصل بنا"
    external = links["https://other.example/x"]  # fragment dropped
    assert external.rel == "nofollow noopener" and external.region == "main"
    assert links["https://shop.example/privacy"].region == "footer"
    assert links["mailto:info@shop.example"].kind == "mailto"
    assert links["tel:+966112345678"].kind == "tel"
    assert links["javascript:void(0)"].kind == "javascript"
    assert len(p.links) == 8  # the <a> without href is not a link


def test_images_resources_and_forms():
    p = page("malformed.html")
    images = {i.src: i for i in p.images}
    assert images["https://shop.example/shop/p.jpg"].alt is None
    assert images["https://shop.example/shop/q.jpg"].alt == "" and images["https://shop.example/shop/q.jpg"].width == "10"
    assert 'src="p.jpg"' in images["https://shop.example/shop/p.jpg"].snippet
    kinds = {(r.url.rsplit("/", 1)[-1], r.kind, r.render_blocking) for r in p.resources}
    assert ("a.css", "stylesheet", True) in kinds and ("print.css", "stylesheet", False) in kinds
    assert ("app.js", "script", True) in kinds and ("late.js", "script", False) in kinds
    (form,) = p.forms
    assert form.method == "post" and form.action == "https://shop.example/search"
    assert [(f["type"], f["label"], f["dir"]) for f in form.fields] == [("search", "ابحث", None), ("email", "", "ltr")]


def test_spam_traps_hidden_from_visitors_are_no_form_fields():
    doc = ('<!DOCTYPE html><html lang="he" dir="rtl"><head><title>צור קשר</title></head><body><form method="post">'
           '<input type="text" name="_honey" style="display:none"><input name="trap" hidden>'
           '<input name="bot" style="color: red; visibility: hidden"><input name="name" placeholder="שם מלא">'
           '</form></body></html>')
    record = extract(PageRecord(url="https://shop.example/contact", status=200), doc.encode("utf-8"), "text/html")
    assert [f["name"] for f in record.forms[0].fields] == ["name"]


def test_main_text_skips_navigation_scripts_and_styles():
    p = page("malformed.html")
    assert "فقرة أولى بلا إغلاق" in p.text
    assert "خلية" in p.text
    assert "اتصل بنا" not in p.text and "الخصوصية" not in p.text
    assert "not text" not in p.text and "color:red" not in p.text
    assert p.word_count == len(p.text.split())


def test_declared_windows_1256_page_decodes_to_arabic():
    p = page("windows-1256.html")
    assert p.charset == "cp1256"
    assert p.title == "متجر عربي" and "قهوة عربية أصيلة" in p.text


def test_charset_in_content_type_header_wins():
    body = "<html><head><title>عنوان</title></head></html>".encode("cp1256")
    p = extract(PageRecord(url=URL), body, "text/html; charset=windows-1256")
    assert p.title == "عنوان"


def test_undeclared_windows_1256_page_is_detected():
    p = page("undeclared-1256.html", content_type="text/html")
    assert p.charset == "cp1256"
    assert p.title == "بلا ترميز معلن"


def test_utf8_bom():
    p = page("utf8-bom.html", content_type=None)
    assert p.title == "BOM page" and p.charset == "utf-8"


@pytest.mark.parametrize("body", [b"", b"   ", b"\x00\x01\x02binary", b"<?xml version='1.0' encoding='utf-8'?><html><title>x</title></html>",
                                  b"<" * 10000, b"<div>" * 5000])
def test_odd_bodies_never_raise(body):
    p = extract(PageRecord(url=URL), body, "text/html")
    assert p.error is None or isinstance(p.error, str)


def test_xml_declaration_does_not_break_parsing():
    p = extract(PageRecord(url=URL), b"<?xml version='1.0' encoding='utf-8'?><html><head><title>x</title></head></html>", None)
    assert p.title == "x"


def test_missing_and_empty_title_differ():
    none = extract(PageRecord(url=URL), b"<html><body><p>x</p></body></html>", None)
    empty = extract(PageRecord(url=URL), b"<html><head><title> </title></head></html>", None)
    assert none.title is None and empty.title == ""


def test_code_keyboard_input_and_program_output_are_not_prose():
    p = page("tutorial.html")
    assert "pip install" not in p.text and "--index-url" not in p.text and "Ctrl" not in p.text
    assert "ready on port" not in p.text
    assert p.text.split("\n\n")[:2] == ["Install the tool", "Open a terminal. Run the installer with and wait."]


def test_hreflang_read_as_google_reads_it():
    body = ('<html><head><title>x</title>'
            '<link rel="alternate" hreflang="ar" href="https://shop.example/ar/">'
            '<link rel="alternate" hreflang="en" href="/en/">'
            '<link rel="alternate" hreflang="fr">'
            '</head><body><p>x</p><link rel="alternate" hreflang="de" href="https://shop.example/de/"></body></html>')
    record = PageRecord(url="https://shop.example/ar/", headers={
        "link": '<https://shop.example/es/>; rel="alternate"; hreflang="es", <https://cdn.example/a.css>; rel=preload'})
    p = extract(record, body.encode(), "text/html")
    assert p.hreflang == [
        {"lang": "ar", "href": "https://shop.example/ar/"},
        {"lang": "en", "href": "https://shop.example/en/", "relative": "/en/"},
        {"lang": "es", "href": "https://shop.example/es/", "source": "header"},
    ]  # the <body> link is not read
    assert p.hreflang_problems == [{"lang": "fr", "problem": "missing-href", "source": "head"}]


@pytest.mark.parametrize(("content", "expected"), [
    ("0; url=http://a.test/en/", {"delay": 0, "url": "http://a.test/en/"}),
    ("0;URL='/x'", {"delay": 0, "url": "http://a.test/x"}),
    (' 3 , url = "z.html" ', {"delay": 3, "url": "http://a.test/dir/z.html"}),
    ("0; /y", {"delay": 0, "url": "http://a.test/y"}),  # browsers accept the URL without "url="
    ("1.5; url=/q", {"delay": 1, "url": "http://a.test/q"}),
    ("600", {"delay": 600, "url": None}),  # a reload
    ("0; url=p.html", {"delay": 0, "url": None}),  # the page itself: a reload
    ("soon", None), ("", None),
])
def test_a_refresh_is_read_as_browsers_read_it(content, expected):
    page = "http://a.test/dir/p.html"
    assert meta_refresh(content, page, page) == expected


def test_a_meta_refresh_and_a_refresh_header_become_the_pages_refresh_fact():
    meta = b'<html><head><meta http-equiv="Refresh" content="0; url=/en/"></head><body></body></html>'
    assert extract(PageRecord(url="http://a.test/"), meta).facts["refresh"] == {"delay": 0, "url": "http://a.test/en/"}
    header = PageRecord(url="http://a.test/", headers={"refresh": "30"})
    assert extract(header, b"<html><body><p>Live</p></body></html>").facts["refresh"] == {"delay": 30, "url": None}
    assert "refresh" not in extract(PageRecord(url="http://a.test/"), b"<html><body></body></html>").facts
