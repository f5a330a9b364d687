"""Runs of Latin-script words in the title, the h1s and the tagline of a page declared in
a right-to-left language, with no lang attribute of their own.

Fills record.facts["latin_runs"] = [{where, text, selector}] when there are any.
"""

from __future__ import annotations

import re

from auditor.gather.rtl_extract import selector
from auditor.text import is_rtl_lang
from auditor.text.langtags import primary

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TAGLINE = re.compile(r"tagline|slogan|site-description|site-desc\b|subtitle|strapline", re.I)
LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9'’\-]*(?:[ \t,:&]+[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9'’\-]*)*")
MIN_WORDS = 3  # one or two Latin words are mostly names (a brand, a product)
MAX_ITEMS = 6
SAMPLE = 80


def extract_latin_runs(root, record) -> None:
    declared = primary(record.lang)
    if not declared or not is_rtl_lang(declared):
        return
    places = [("title", el) for el in root.iter("title")][:1] + [("h1", el) for el in root.iter("h1")]
    body = root.find("body")
    if body is not None:
        places += [("tagline", el) for el in body.iter() if isinstance(el.tag, str)
                   and TAGLINE.search(f"{el.get('class') or ''} {el.get('id') or ''}")][:3]
    runs = []
    for where, el in places:
        if primary(_lang_of(el)) != declared:
            continue  # marked as another language: right
        text = " ".join(_own_text(el, declared).split())
        best = max((m.group(0).strip(" ,:&") for m in LATIN_RUN.finditer(text)), key=len, default="")
        if len([w for w in best.split() if len(w) > 1]) >= MIN_WORDS:
            runs.append({"where": where, "text": best[:SAMPLE], "selector": "title" if where == "title" else selector(el)})
        if len(runs) >= MAX_ITEMS:
            break
    if runs:
        record.facts["latin_runs"] = runs


def _lang_of(el) -> str | None:
    for node in [el, *el.iterancestors()]:
        value = node.get("lang") or node.get(XML_LANG)
        if value is not None:
            return value
    return None


def _own_text(el, declared: str) -> str:
    """The element's text without the parts marked as another language."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            marked = child.get("lang") or child.get(XML_LANG)
            if marked is None or primary(marked) == declared:
                parts.append(_own_text(child, declared))
        parts.append(child.tail or "")
    return "".join(parts)
