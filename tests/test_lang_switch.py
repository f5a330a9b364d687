"""Language switches that translate the page in place, read from a page's markup."""

from __future__ import annotations

import pytest

from auditor.gather.extract import extract
from auditor.gather.lang_switch import language_named
from auditor.model import PageRecord


def switches(body: str) -> list[dict]:
    html = f"<!doctype html><html lang='en'><head><title>Clinic</title></head><body>{body}</body></html>"
    record = extract(PageRecord(url="https://clinic.example/"), html.encode(), "text/html; charset=utf-8")
    return [(s["control"], s["languages"]) for s in record.facts.get("lang_switch", [])]


@pytest.mark.parametrize(("text", "code"), [
    ("العربية", "ar"), ("عربي", "ar"), ("🇸🇦 العربية", "ar"), ("English", "en"), ("English (UK)", "en"),
    ("EN", "en"), ("AR", "ar"), ("فارسی", "fa"), ("עברית", "he"), ("Français", "fr"),
    ("it", None), ("Menu", None), ("Switch the whole site to English now", None), ("", None), (None, None),
])
def test_a_controls_whole_text_names_a_language(text, code):
    assert language_named(text) == code


def test_a_select_of_languages_is_a_switch():
    assert switches("<select><option value='en' selected>English</option><option value='ar'>Arabic</option></select>") \
        == [("select", ["en", "ar"])]
    assert switches("<select><option>English</option><option>العربية</option></select>") == [("select", ["en", "ar"])]


def test_a_select_leading_to_addresses_or_of_other_things_is_not():
    assert switches("<select><option value='/en/'>English</option><option value='/ar/'>العربية</option></select>") == []
    assert switches("<select><option>Riyadh</option><option>Jeddah</option><option>English</option></select>") == []


def test_buttons_and_addressless_links_reading_a_language_are_switches():
    assert switches("<button type='button'>العربية</button>") == [("button", ["ar"])]
    assert switches("<a href='#'>English</a><a>AR</a><span role='button'>FR</span>") == [
        ("a", ["en"]), ("a", ["ar"]), ("span", ["fr"])]


def test_links_to_a_language_version_are_no_switch():
    assert switches("<a href='/ar/'>العربية</a><a href='?lang=en'>English</a>") == []
    assert switches("<button><a href='/ar/'>العربية</a></button><span>English</span>") == []


def test_a_placeholder_in_a_menu_of_links_to_language_versions_is_no_switch():
    # a version not made yet: the menu's other entries lead to URLs
    menu = "<div class='dropdown'><a href='/ar/'>العربية</a><a href='/'>English</a><a href='#'>french</a></div>"
    assert switches(menu) == []


def test_a_forms_field_and_the_main_contents_filters_are_no_switch():
    assert switches("<form><label>Preferred language <select name='lang'><option value='en'>English</option>"
                    "<option value='ar'>العربية</option></select></label></form>") == []
    assert switches("<main><button>English</button><button>العربية</button></main>") == []
    assert switches("<header><button>العربية</button></header><main><p>Courses</p></main>") == [("button", ["ar"])]
