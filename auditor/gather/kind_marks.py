"""What a page declares about the kind of site it belongs to: the schema.org types of its
JSON-LD and microdata, and how much of its text is code. Read by auditor/text/site_kind.py
(and the code's words by the thin-content audit)."""

from __future__ import annotations

import json

MAX_TYPES = 20  # a page listing more types says nothing more about the site


def extract_kind_marks(root, record) -> None:
    types = schema_types(root)
    chars, words = code_size(root)
    if types or chars:
        record.facts["kind"] = {"types": sorted(types)[:MAX_TYPES], "code": chars, "code_words": words}


def schema_types(root) -> set[str]:
    """Every schema.org type named in the page's JSON-LD (@type, at any depth) and microdata
    (itemtype), by its short name: "https://schema.org/Product" -> "Product"."""
    types: set[str] = set()
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            _ld_types(json.loads(script.text), types)
        except (ValueError, RecursionError):
            continue  # broken JSON-LD declares nothing a search engine could read either
    for el in root.iter():
        itemtype = el.get("itemtype") if isinstance(el.tag, str) else None
        if itemtype:
            types.update(_short(t) for t in itemtype.split())
    return {t for t in types if t}


def _ld_types(node, out: set[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _ld_types(item, out)
    elif isinstance(node, dict):
        kind = node.get("@type")
        for name in kind if isinstance(kind, list) else [kind]:
            if isinstance(name, str):
                out.add(_short(name))
        for value in node.values():
            if isinstance(value, (list, dict)):
                _ld_types(value, out)


def _short(name: str) -> str:
    return name.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1].strip()


def code_size(root) -> tuple[int, int]:
    """Characters and words of code shown on the page: <pre> blocks and <code> outside them."""
    body = root.find("body")
    if body is None:
        return 0, 0
    shown = ["".join(pre.itertext()) for pre in body.iter("pre")]
    shown += ["".join(code.itertext()) for code in body.iter("code")
              if not any(a.tag == "pre" for a in code.iterancestors())]
    return sum(len(text.strip()) for text in shown), sum(len(text.split()) for text in shown)
