"""Language detection by script and by the bundled model."""

import pytest

from auditor.text import detect_language, is_rtl_lang, rtl_share
from auditor.text.language import SHORT_CONFIDENCE_CAP

ARABIC = "نقدم لعملائنا خدمات تصميم المواقع الإلكترونية وتحسين ظهورها في محركات البحث منذ أكثر من عشر سنوات."
PERSIAN = "ما به کسب‌وکارهای کوچک کمک می‌کنیم تا وب‌سایت سریع و قابل دسترس داشته باشند و مشتریان بیشتری پیدا کنند."
URDU = "ہم چھوٹے کاروباروں کی مدد کرتے ہیں تاکہ ان کی ویب سائٹ تیز ہو اور زیادہ گاہک ان تک پہنچ سکیں۔"
HEBREW = "אנחנו עוזרים לעסקים קטנים לבנות אתרים מהירים ונגישים שמביאים יותר לקוחות בכל יום."
ENGLISH = "We help small businesses build fast, accessible websites that bring in more customers every day."
FRENCH = "Nous aidons les petites entreprises à créer des sites rapides et accessibles qui attirent plus de clients."


@pytest.mark.parametrize(
    ("text", "lang", "method"),
    [
        (ARABIC, "ar", "script"),
        (PERSIAN, "fa", "script"),
        (URDU, "ur", "script"),
        (HEBREW, "he", "script"),
        (ENGLISH, "en", "model"),
        (FRENCH, "fr", "model"),
    ],
)
def test_paragraphs(text, lang, method):
    result = detect_language(text)
    assert result.lang == lang
    assert result.method == method
    assert result.confidence >= 0.8


@pytest.mark.parametrize(("text", "rtl"), [(ARABIC, 1.0), (HEBREW, 1.0), (ENGLISH, 0.0)])
def test_rtl_share(text, rtl):
    assert detect_language(text).rtl_share == rtl
    assert rtl_share(text) == rtl


def test_short_arabic_trusts_the_script_with_low_confidence():
    result = detect_language("اتصل بنا")
    assert result.lang == "ar"
    assert result.method == "script"
    assert result.confidence <= SHORT_CONFIDENCE_CAP


def test_short_english_is_low_confidence():
    result = detect_language("Contact us")
    assert result.lang == "en"
    assert result.confidence <= SHORT_CONFIDENCE_CAP


def test_single_word_is_never_confident():
    result = detect_language("FAQ")
    assert result.scripts == {"Latin": 1.0}
    assert result.confidence <= SHORT_CONFIDENCE_CAP


def test_short_persian_is_told_by_its_words():
    assert detect_language("تماس با ما").lang == "fa"


@pytest.mark.parametrize("text", ["", "   \n\t", "12345 ٢٠٢٤ 3.14", "!!! ??? ...", "\x00\x01\x02"])
def test_no_letters_no_language(text):
    result = detect_language(text)
    assert result.lang is None
    assert result.method == "none"
    assert result.confidence == 0.0
    assert result.scripts == {}


def test_arabic_page_with_english_brand_names():
    text = "نقدم لكم أفضل خدمات الاستضافة السحابية مع Google Cloud و AWS بأسعار مناسبة لجميع الشركات الصغيرة والمتوسطة."
    result = detect_language(text)
    assert result.lang == "ar"
    assert 0.5 < result.rtl_share < 1.0
    assert set(result.scripts) == {"Arabic", "Latin"}
    assert result.scripts["Arabic"] > result.scripts["Latin"]


def test_non_string_input():
    assert detect_language(None).lang is None
    assert rtl_share(b"bytes") == 0.0


def test_long_text_is_sampled_not_read_whole():
    result = detect_language(ARABIC * 2000 + ENGLISH * 2000)
    assert result.lang == "ar"


@pytest.mark.parametrize(
    ("code", "rtl"),
    [
        ("ar", True), ("ar-SA", True), ("AR_eg", True), ("he", True), ("fa-IR", True),
        ("ur", True), ("ps", True), ("ckb", True), ("yi", True), ("dv", True),
        ("en", False), ("en-US", False), ("fr", False), ("pa-Arab", True), ("az-Arab", True),
        ("sd-Deva", False), ("", False), ("   ", False), (None, False),
    ],
)
def test_is_rtl_lang(code, rtl):
    assert is_rtl_lang(code) is rtl
