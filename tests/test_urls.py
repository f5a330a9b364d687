import pytest

from auditor.urls import Scope, display, normalize


@pytest.mark.parametrize("raw, expected", [
    ("HTTP://Example.COM:80/a/../b?x=1#frag", "http://example.com/b?x=1"),
    ("https://example.com:443", "https://example.com/"),
    ("http://example.com:8080/x", "http://example.com:8080/x"),
    ("http://example.com/a b", "http://example.com/a%20b"),
    ("http://example.com/منتجات/قهوة", "http://example.com/%D9%85%D9%86%D8%AA%D8%AC%D8%A7%D8%AA/%D9%82%D9%87%D9%88%D8%A9"),
    ("http://example.com/%D9%82", "http://example.com/%D9%82"),
    ("https://موقع.السعودية/", "https://xn--4gbrim.xn--mgberp4a5d4ar/"),
    ("http://[::1]:8000/x", "http://[::1]:8000/x"),
    ("mailto:a@example.com", None),
    ("javascript:void(0)", None),
    ("", None),
    ("http://", None),
])
def test_normalize(raw, expected):
    assert normalize(raw) == expected


def test_relative_urls_resolve_against_the_base():
    base = "https://shop.example/ar/products/index.html"
    assert normalize("../about.html", base) == "https://shop.example/ar/about.html"
    assert normalize("/contact", base) == "https://shop.example/contact"
    assert normalize("//cdn.example/x.js", base) == "https://cdn.example/x.js"
    assert normalize("?page=2", base) == "https://shop.example/ar/products/index.html?page=2"
    assert normalize("#top", base) == "https://shop.example/ar/products/index.html"


def test_arabic_path_displays_decoded():
    assert display(normalize("http://example.com/قهوة")) == "http://example.com/قهوة"


def test_scope_keeps_the_site_and_applies_patterns():
    scope = Scope(["https://www.shop.example/"], include=[r"/ar/"], exclude=[r"\?sort="])
    assert scope.on_site("https://shop.example/x") and scope.on_site("https://www.shop.example/x")
    assert not scope.on_site("https://evil.example/")
    assert scope.allows("https://www.shop.example/")  # a start URL always is
    assert scope.allows("https://shop.example/ar/a")
    assert not scope.allows("https://shop.example/en/a")
    assert not scope.allows("https://shop.example/ar/a?sort=price")


def test_the_port_is_part_of_the_origin():
    scope = Scope(["http://127.0.0.1:8123/"])
    assert scope.on_site("http://127.0.0.1:8123/docs")
    assert not scope.on_site("http://127.0.0.1:8000/")
    assert not scope.on_site("https://127.0.0.1:8123/")
    assert Scope(["https://example.com/"]).on_site("https://example.com:443/a")


def test_site_origin_urls_read_as_the_audited_copy():
    scope = Scope(["http://127.0.0.1:8123/"], site_origins=["https://www.example.com"])
    assert scope.local("https://www.example.com/guide?x=1") == "http://127.0.0.1:8123/guide?x=1"
    assert scope.local("https://example.com/") == "http://127.0.0.1:8123/"
    assert scope.local("https://other.example/a") == "https://other.example/a"
    assert not scope.on_site("https://www.example.com/guide")


def test_a_start_url_redirect_adds_its_target_origin():
    scope = Scope(["http://example.com/"])
    assert not scope.on_site("https://example.com/a")
    scope.add_origin("https://example.com/")
    assert scope.on_site("https://example.com/a")
