"""Property-based tests: whatever bytes a server sends, extraction returns a record
that serialises to JSON, and never raises."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.gather.extract import extract
from auditor.model import PageRecord

ROOT = Path(__file__).resolve().parents[1]
REAL_PAGES = sorted((ROOT / "tests/fixtures/html").glob("*.html")) + sorted((ROOT / "auditor/demo/site").rglob("*.html"))
PAGES = [p.read_bytes() for p in REAL_PAGES]
CONTENT_TYPES = st.sampled_from([
    None, "text/html", "text/html; charset=utf-8", "text/html; charset=windows-1256", "text/html; charset=iso-8859-6",
    "text/html; charset=utf-16", "text/html; charset=no-such-charset", "application/xhtml+xml",
])
URLS = st.sampled_from(["https://shop.example/", "https://shop.example/a/b?q=1", "http://[::1]:8080/x", "https://xn--mgbh0fb.example/"])
TOKENS = st.sampled_from([
    "<div>", "</div>", "<p>", "</p>", "<a href='/x'>", "<a href=\"https://shop.example/%\">", "</a>", "<base href='//'>",
    "<html lang=ar dir=rtl>", "<head>", "<title>", "</title>", "<meta charset='cp1256'>", "<meta name=description content=",
    "<link rel=canonical href='::'>", "<link rel=alternate hreflang=ar href='/ar'>", "<img src=data:, alt>", "<script>",
    "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0'?>", "&amp;", "&#0;", "&#x110000;",
    "<form action=javascript:void(0)><input id=i><label for=i>", "<h1>", "<h7>", "<table><td>", "\x00", "\ufeff",
    "مرحبا", "שלום", "\u202e", "<svg><a href='/s'>", "<main>", "<nav>", "<area href='tel:1'>", " ", "\n",
])
PROPERTIES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(body: bytes, content_type: str | None, url: str = "https://shop.example/") -> PageRecord:
    record = PageRecord(url=url, status=200, final_url=url, is_html=True)
    extract(record, body, content_type)
    data = record.to_dict()
    # as the store writes it: JSON with raw UTF-8 text, which a lone surrogate would break
    text = json.dumps(data, ensure_ascii=False)
    text.encode("utf-8")
    assert PageRecord.from_dict(json.loads(text)).to_dict() == data
    assert record.word_count == len(record.text.split())
    assert all(isinstance(link.href, str) and link.href for link in record.links)
    return record


def test_the_real_pages_are_there():
    assert len(PAGES) >= 10


@PROPERTIES
@given(st.binary(max_size=5000), CONTENT_TYPES)
def test_random_bytes(body, content_type):
    check(body, content_type)


@PROPERTIES
@given(st.text(max_size=3000), st.sampled_from(["utf-8", "utf-16", "cp1256", "iso8859-6"]), CONTENT_TYPES)
def test_random_unicode(text, encoding, content_type):
    check(text.encode(encoding, "replace"), content_type)


@PROPERTIES
@given(st.lists(st.one_of(TOKENS, st.text(max_size=20)), max_size=300), CONTENT_TYPES, URLS)
def test_tag_soup(tokens, content_type, url):
    check("".join(tokens).encode("utf-8", "replace"), content_type, url)


@st.composite
def mutated_pages(draw):
    """A real page with a few random edits: cut, duplicated, overwritten or inserted bytes."""
    body = bytearray(draw(st.sampled_from(PAGES)))
    for _ in range(draw(st.integers(1, 6))):
        if not body:
            break
        start = draw(st.integers(0, len(body) - 1))
        end = draw(st.integers(start, min(len(body), start + 400)))
        op = draw(st.sampled_from(["delete", "duplicate", "overwrite", "insert", "truncate"]))
        if op == "delete":
            del body[start:end]
        elif op == "duplicate":
            body[start:start] = body[start:end] * draw(st.integers(1, 20))
        elif op == "overwrite":
            body[start:end] = draw(st.binary(min_size=end - start, max_size=end - start))
        elif op == "insert":
            body[start:start] = draw(st.one_of(st.binary(max_size=50), TOKENS.map(lambda t: t.encode("utf-8"))))
        else:
            del body[start:]
    return bytes(body)


@PROPERTIES
@given(mutated_pages(), CONTENT_TYPES, URLS)
def test_mutated_real_pages(body, content_type, url):
    check(body, content_type, url)


@settings(max_examples=20, deadline=None)
@given(st.integers(200, 12_000), st.sampled_from([b"div", b"span", b"table", b"b"]))
def test_deep_nesting_is_recorded_not_raised(depth, tag):
    body = b"<title>deep</title>" + b"<%s>" % tag * depth + b"x" + b"</%s>" % tag * depth
    record = check(body, "text/html")
    assert record.title == "deep"
    if depth > 300:
        assert record.error and "nested more than 255 elements deep" in record.error
