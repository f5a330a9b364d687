"""The files a stylesheet names, read without a browser (spiders/references.py)."""

from spiders.references import css_references

BASE = "https://shop.example/css/main.css"


def test_imports_in_every_form_and_the_files_url_names():
    css = """@charset "UTF-8";
/* @import "commented-out.css"; */
@import url('https://fonts.googleapis.com/css2?family=Cairo:wght@200;300;700&display=swap');
@import "base.css";
@import url(theme.css) screen;
@import 'print one.css' print;
.hero { background: url("../img/hero.png") }
@font-face { src: url(/fonts/cairo.woff2) format("woff2") }
.icon { background: url(data:image/png;base64,AAAA) }
"""
    assert css_references(css, BASE) == [
        # a quoted address keeps its ; and its spaces: Google Fonts' is not cut at wght@200
        ("https://fonts.googleapis.com/css2?family=Cairo:wght@200;300;700&display=swap", "stylesheet"),
        ("https://shop.example/css/base.css", "stylesheet"),
        ("https://shop.example/css/theme.css", "stylesheet"),
        ("https://shop.example/css/print%20one.css", "stylesheet"),
        ("https://shop.example/img/hero.png", "image"),
        ("https://shop.example/fonts/cairo.woff2", "font"),
    ]
