"""Every string the report can show has an Arabic translation, and the Arabic report is RTL."""

import re

import pytest
from babel.messages.pofile import read_po

from auditor import catalog
from reports import html, i18n
from tests.report_result import HOSTILE_TEXT, HOSTILE_TITLE, build_result

PLACEHOLDER = re.compile(r"\{[A-Za-z_]+\}|%\([A-Za-z_]+\)s")


def _arabic_catalog():
    with open(i18n.po_path("ar"), "rb") as f:
        return read_po(f, locale="ar")


def test_every_template_and_audit_string_has_an_arabic_translation():
    missing = catalog.untranslated("ar")
    assert missing == [], (
        f"{len(missing)} report strings have no Arabic translation, e.g. {missing[:3]}. "
        "Run `python -m auditor.catalog extract` and translate the new entries in "
        "reports/locale/ar/LC_MESSAGES/messages.po")


def test_registered_audit_meta_strings_are_among_the_message_ids():
    from auditor.audits import all_audits

    ids = {m.id for m in catalog.template_catalog()}
    audit = all_audits()[0].meta
    assert {audit.title, audit.failure_title, audit.description, *audit.messages.values()} <= ids


def test_translations_keep_every_placeholder():
    wrong = []
    for message in _arabic_catalog():
        if not message.id or not message.string:
            continue
        source = message.id[-1] if isinstance(message.id, tuple) else message.id
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        # Arabic singular and dual forms spell the number out, so they may drop it.
        for form in forms:
            have, want = sorted(PLACEHOLDER.findall(form)), sorted(PLACEHOLDER.findall(source))
            spelled = [p for p in want if p != "%(num)s"]
            if have != want and not (isinstance(message.id, tuple) and have == spelled):
                wrong.append((source, form))
    assert wrong == []


def test_arabic_plural_forms_follow_the_number():
    t = i18n.translations("ar")
    assert [t.ngettext("%(num)s page", "%(num)s pages", n) % {"num": n} for n in (1, 2, 3, 11, 100)] == [
        "صفحة واحدة", "صفحتان", "3 صفحات", "11 صفحة", "100 صفحة"]


def test_site_language_is_the_most_common_page_language():
    result = build_result()
    assert html.site_language(result) == "ar"
    result["pages"] = [{"lang": "en-GB"}, {"lang": "en"}, {"lang": "ar"}]
    assert html.site_language(result) == "en"
    result["pages"] = []
    assert html.site_language(result) == "en"


def test_arabic_report_is_rtl_and_translated():
    page = html.render(build_result(), "ar")
    assert '<html lang="ar" dir="rtl">' in page
    assert "<h2 id=\"fixes-h\">خطة الإصلاح</h2>" in page
    assert "صفحات بلا وصف تعريفي (ميتا)" in page  # an audit's failure title, translated
    assert "Pages without a meta description" not in page


def test_english_report_is_ltr_and_keeps_the_english_strings():
    page = html.render(build_result(), "en")
    assert '<html lang="en" dir="ltr">' in page
    assert "<h2 id=\"fixes-h\">Fix plan</h2>" in page
    assert "Pages without a meta description" in page


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_page_data_and_meta_strings_are_escaped(lang):
    result = build_result()
    result["audits"]["viewport"]["failure_title"] = "<b>bold</b>"
    page = html.render(result, lang)
    assert HOSTILE_TITLE not in page and HOSTILE_TEXT not in page and "<b>bold</b>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_finding_messages_translate_the_template_then_fill_isolated_values():
    audit = {"messages": {"broken": "The link \u201c{text}\u201d goes to {target}, which answers {status}."}}
    finding = {"message_key": "broken", "data": {"text": "<i>x</i>", "target": "https://a.example/r", "status": 404}}
    text = str(html.message_html(audit, finding, i18n.translations("ar").gettext))
    assert text == ("الرابط «<bdi>&lt;i&gt;x&lt;/i&gt;</bdi>» يقود إلى <bdi>https://a.example/r</bdi> "
                    "التي تستجيب بالرمز <bdi>404</bdi>.")


def test_vocabulary_values_in_finding_data_are_translated():
    audit = {"messages": {"slow": "The first byte of the HTML arrives after {value} ms on the {profile} profile, "
                                  "{rating} (good \u2264 {good} ms, poor > {poor} ms)."}}
    finding = {"message_key": "slow", "data": {"value": 900, "profile": "mobile", "rating": "needs improvement",
                                               "good": 800, "poor": 1800}}
    text = str(html.message_html(audit, finding, i18n.translations("ar").gettext))
    assert "<bdi>الجوال</bdi>" in text and "<bdi>يحتاج إلى تحسين</bdi>" in text


def test_what_a_misordered_value_is_reads_in_arabic():
    from auditor.audits import get_audit

    bidi = get_audit("bidi-isolation").meta.to_dict()
    for kind in ("phone number", "e-mail address", "web address", "price", "product code", "Latin-script name"):
        finding = {"message_key": "unisolated", "data": {"kind": kind, "text": "+966 50", "displayed": "50 966+"}}
        text = str(html.message_html(bidi, finding, i18n.translations("ar").gettext))
        assert kind not in text and "تُعرض بالشكل" in text, text


@pytest.mark.parametrize(("lang", "shown"), [("ar", "باللغة <bdi>العربية، الفرنسية</bdi> دون رابط"),
                                             ("en", "in <bdi>Arabic, French</bdi> without a link")])
def test_languages_in_finding_data_are_named_in_the_report_language(lang, shown):
    from auditor.audits import get_audit

    audit = get_audit("language-urls").meta.to_dict()
    finding = {"message_key": "no-url", "data": {"text": "English / العربية", "control": "select", "languages": "ar, fr"}}
    text = str(html.message_html(audit, finding, i18n.translations(lang).gettext, lang == "ar", lang))
    assert shown in text, text
    # a code no language has is shown as it is
    finding["data"]["languages"] = "xx"
    assert "<bdi>xx</bdi>" in str(html.message_html(audit, finding, i18n.translations(lang).gettext, lang == "ar", lang))
