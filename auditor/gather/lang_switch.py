"""Language switches that are no links: a <select> of languages, or a button reading
"العربية" or "English", that translate the page in place. They sit in a page's header,
menu or footer, never in a form, the main content or an article.

Fills record.facts["lang_switch"] = [{selector, control, languages, text}] when the page
has such a control. A switch made of links (<a href="/ar/">, ?lang=ar) leads to URLs and
is not one: each language version then has an address search engines can find.
"""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from auditor.gather.rtl_extract import selector
from auditor.text.langtags import primary

MAX_ITEMS = 5
MAX_WORDS = 3  # a language's name on a button: "العربية", "English (UK)"
# Names of languages as switches write them, in the language itself, in English and in Arabic.
NAMES = {
    "ar": ("العربية", "عربي", "عربى", "ع", "arabic", "arabe", "arabisch"),
    "en": ("english", "الإنجليزية", "الانجليزية", "الإنكليزية", "إنجليزي", "انجليزي", "انگلیسی", "אנגלית", "anglais",
           "englisch", "inglés"),
    "fr": ("français", "francais", "french", "الفرنسية", "فرنسي"),
    "de": ("deutsch", "german", "الألمانية", "ألماني"),
    "es": ("español", "espanol", "spanish", "الإسبانية"),
    "it": ("italiano", "italian", "الإيطالية"),
    "pt": ("português", "portugues", "portuguese"),
    "tr": ("türkçe", "turkce", "turkish", "التركية", "تركي"),
    "fa": ("فارسی", "فارسي", "persian", "farsi", "الفارسية"),
    "ur": ("اردو", "urdu", "الأردية"),
    "he": ("עברית", "hebrew", "العبرية"),
    "ku": ("کوردی", "kurdî", "kurdish", "الكردية"),
    "ru": ("русский", "russian", "الروسية"),
    "zh": ("中文", "简体中文", "繁體中文", "chinese", "الصينية"),
    "hi": ("हिन्दी", "हिंदी", "hindi"),
    "id": ("bahasa indonesia", "indonesian"),
    "ms": ("bahasa melayu", "melayu", "malay"),
}
LANGUAGE_OF = {name: code for code, names in NAMES.items() for name in names}
# Codes as switches show them: "AR", "EN" (upper case only: "it" is a word) or as an option's value.
CODES = frozenset(NAMES)
NOT_LETTERS = re.compile(r"[^\w\s]|[\d_]")
SWITCH_VALUE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?$")
# Controls that may switch in place, found in C: buttons, links with no address, and
# elements given a button's role or a click handler.
CONTROLS = etree.XPath(
    "descendant::button | descendant::a[not(@href) or normalize-space(@href) = '#'"
    " or starts-with(normalize-space(@href), 'javascript:')] | descendant::*[@role = 'button' or @onclick]"
    "[not(self::button or self::a)]")
# Where a page's language switch never is (see _in_chrome).
CONTENT = frozenset({"form", "main", "article"})


def extract_lang_switch(root, record) -> None:
    body = root.find("body")
    if body is None:
        return
    found = [s for s in (_select(el) for el in body.iter("select") if _in_chrome(el)) if s]
    for el in CONTROLS(body):
        if len(found) >= MAX_ITEMS:
            break
        switch = _button(el) if _in_chrome(el) else None
        if switch:
            found.append(switch)
    if found:
        record.facts["lang_switch"] = found[:MAX_ITEMS]


def language_named(text: str | None) -> str | None:
    """The language a control's whole text names ("العربية", "English (UK)", "🇸🇦 AR"), else None."""
    if not text:
        return None
    words = NOT_LETTERS.sub(" ", unicodedata.normalize("NFC", text)).split()
    if not words or len(words) > MAX_WORDS:
        return None
    whole = " ".join(words)
    if whole.isupper() and whole.lower() in CODES:
        return whole.lower()
    for candidate in (whole, words[0]):  # "English (UK)": its first word
        code = LANGUAGE_OF.get(candidate.lower())
        if code:
            return code
    return None


def _select(el) -> dict | None:
    """A <select> whose options are languages (by value or by name), none of them a URL."""
    options = [(o.get("value"), " ".join("".join(o.itertext()).split())) for o in el.iter("option")]
    if len(options) < 2 or any(value and ("/" in value or "." in value) for value, _ in options):
        return None  # its values are addresses: a script takes the visitor there
    languages = []
    for value, text in options:
        code = primary(value) if value and SWITCH_VALUE.match(value) and primary(value) in CODES else None
        code = code or language_named(text)
        if code and code not in languages:
            languages.append(code)
    if len(languages) < 2 or 2 * len(languages) < len(options):
        return None
    return {"selector": selector(el), "control": "select", "languages": languages,
            "text": " / ".join(text for _, text in options)[:80]}


def _button(el) -> dict | None:
    """A control reading a language's name that is no link: a button, an <a> with no
    address (none, "#", "javascript:"), or an element given a click handler or a button role."""
    tag = el.tag
    if el.find(".//a[@href]") is not None:
        return None
    text = " ".join("".join(el.itertext()).split())
    code = language_named(text) or (language_named(el.get("aria-label")) if not text else None)
    if code is None:
        return None
    parent = el.getparent()
    if parent is not None and any(_leads_somewhere(a) and language_named("".join(a.itertext()))
                                  for a in parent.iter("a")):
        return None  # an entry of a menu of links to language versions, with no version yet
    return {"selector": selector(el), "control": tag, "languages": [code], "text": text[:80]}


def _in_chrome(el) -> bool:
    """Outside forms (a form's "preferred language" is a field; a form sent with ?lang=ar
    leads to a URL), and outside the main content and articles (filters of courses or
    books by language), where a page's language switch never is."""
    return not any(node.tag in CONTENT for node in el.iterancestors())


def _leads_somewhere(a) -> bool:
    href = (a.get("href") or "").strip()
    return bool(href) and href != "#" and not href.lower().startswith("javascript:")
