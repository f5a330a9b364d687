"""Language marks of a page, as the W3C Internationalization Checker reads them.

Fills, when there is something to say:
- record.facts["latin_runs"] = [{where, text, selector}]: runs of Latin-script words in
  the title, the h1s and the tagline of a page declared in a right-to-left language, with
  no lang attribute of their own;
- record.facts["lang_attrs"] = {"conflicts": [{selector, lang, xml_lang}], "invalid":
  [{selector, lang, problem}]}: elements whose lang and xml:lang disagree, and elements
  below <html> whose lang is no valid BCP 47 tag.
"""

from __future__ import annotations

import re

from lxml import etree

from auditor.gather.rtl_extract import selector
from auditor.text import is_rtl_lang
from auditor.text.langtags import primary, tag_problem

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TAGLINE = re.compile(r"tagline|slogan|site-description|site-desc\b|subtitle|strapline", re.I)
LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9'’\-]*(?:[ \t,:&]+[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f0-9'’\-]*)*")
WITH_CLASS_OR_ID = etree.XPath(".//*[@class or @id]")  # (found in C: most elements have neither)
MIN_WORDS = 3  # one or two Latin words are mostly names (a brand, a product)
MAX_ITEMS = 6
SAMPLE = 80


def extract_lang_marks(root, record) -> None:
    marks = extract_lang_attrs(root)
    if marks:
        record.facts["lang_attrs"] = marks
    runs = latin_runs(root, record.lang)
    if runs:
        record.facts["latin_runs"] = runs


def latin_runs(root, lang: str | None) -> list[dict]:
    """Latin-script runs of three words or more in the title, h1s and tagline of a page
    declared in a right-to-left language, outside elements marked with another lang."""
    declared = primary(lang)
    if not declared or not is_rtl_lang(declared):
        return []
    head = root.find("head")
    title = (head if head is not None else root).find(".//title")
    places = ([("title", title)] if title is not None else []) + [("h1", el) for el in root.iter("h1")]
    body = root.find("body")
    if body is not None:
        places += [("tagline", el) for el in WITH_CLASS_OR_ID(body)
                   if TAGLINE.search(f"{el.get('class') or ''} {el.get('id') or ''}")][:3]
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
    return runs


# Every element with lang or xml:lang (as the HTML parser names it), found in C.
WITH_LANG = etree.XPath("//*[@lang or @*[name()='xml:lang']]")


def extract_lang_attrs(root) -> dict:
    """Elements whose lang and xml:lang disagree, and invalid lang values below <html>."""
    conflicts, invalid = [], []
    for el in WITH_LANG(root):
        lang, xml_lang = el.get("lang"), _xml_lang(el)
        if lang is not None and xml_lang is not None and lang.strip().lower() != xml_lang.strip().lower():
            conflicts.append({"selector": selector(el), "lang": lang, "xml_lang": xml_lang})
        value = lang if lang is not None else xml_lang
        problem = tag_problem(value) if el is not root and value and value.strip() else None
        if problem:
            invalid.append({"selector": selector(el), "lang": value, "problem": problem})
        if len(conflicts) + len(invalid) >= 2 * MAX_ITEMS:
            break
    return {"conflicts": conflicts, "invalid": invalid} if conflicts or invalid else {}


def _xml_lang(el) -> str | None:
    """xml:lang, as the HTML parser names it (or namespaced, from an XHTML parser)."""
    value = el.get("xml:lang")
    return value if value is not None else el.get(XML_LANG)


def _lang_of(el) -> str | None:
    for node in [el, *el.iterancestors()]:
        value = node.get("lang") or _xml_lang(node)
        if value is not None:
            return value
    return None


def _own_text(el, declared: str) -> str:
    """The element's text without the parts marked as another language."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            marked = child.get("lang") or _xml_lang(child)
            if marked is None or primary(marked) == declared:
                parts.append(_own_text(child, declared))
        parts.append(child.tail or "")
    return "".join(parts)
