"""What the right-to-left audits share: is a page meant to be read right to left."""

from __future__ import annotations

import re

from auditor.model import PageRecord
from auditor.text import is_rtl_lang

RTL_SHARE = 0.5  # share of right-to-left letters in the main text that makes it right to left
LTR_SHARE = 0.2  # below this, the text is not right to left at all
W3C_BIDI = "https://www.w3.org/International/questions/qa-html-dir"


def rtl(page: PageRecord) -> dict:
    return page.facts.get("rtl") or {}


def text_share(page: PageRecord) -> float:
    """Share of the main text's words in a right-to-left script (letters when words
    were not counted)."""
    language = page.facts.get("language") or {}
    share = language.get("rtl_word_share", language.get("rtl_share"))
    return rtl(page).get("rtl_share", 0.0) if share is None else share


def is_rtl_page(page: PageRecord) -> bool:
    """Meant to be right to left: by its dir, its lang or the letters of its text."""
    facts = rtl(page)
    dirs = {(page.dir or "").strip().lower(), (facts.get("body_dir") or "").strip().lower()}
    return "rtl" in dirs or is_rtl_lang(page.lang or "") or text_share(page) >= RTL_SHARE


ROOT_ELEMENTS = frozenset({"html", "body", ":root"})  # what the page's base direction is set on


def on_root(selector: str) -> bool:
    """Whether a stylesheet rule's selector list names the page's root or body."""
    return any(s.strip().lower() in ROOT_ELEMENTS for s in selector.split(","))


CODE_TAGS = frozenset({"code", "pre", "kbd", "samp", "tt", "var"})
# Classes that code highlighters and documentation themes give code blocks.
CODE_CLASS = re.compile(r"highlight|hljs|prism|chroma|syntax|code|language-|lang-|sourcecode|terminal|console|shell",
                        re.I)


def code_like(keys: list[str]) -> bool:
    """Whether a selector subject's keys ('pre', '.highlight', 'div.hljs') name a code block."""
    if not keys:
        return False
    for key in keys:
        tag, _, cls = key.partition(".")
        if tag not in CODE_TAGS and not (cls and CODE_CLASS.search(cls)):
            return False
    return True


def ltr_boxes(page: PageRecord, site) -> list[list[str]]:
    """The subjects of the rules setting direction: ltr in the stylesheets the page loads."""
    out = []
    for resource in page.resources:
        for item in site.stylesheets.get(resource.url, ()):
            if item["kind"] == "ltr-box":
                out.extend(keys for keys in item["subjects"] if keys)
    return out
