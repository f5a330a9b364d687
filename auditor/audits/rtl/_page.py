"""What the right-to-left audits share: is a page meant to be read right to left."""

from __future__ import annotations

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
