"""What a stylesheet, a web app manifest or a sitemap names, read without a browser."""

from __future__ import annotations

import json
import re

from lxml import etree

from auditor.urls import normalize

CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""", re.I)
# @import url(...) or @import "...": a quoted address may hold ; and spaces (Google Fonts' wght@400;700)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*(['"]?)([^'")]*?)\1\s*\)|(['"])(.*?)\3)""", re.I | re.S)
FONT_EXTENSIONS = ("woff2", "woff", "ttf", "otf", "eot")
SITEMAP_PARSER = etree.XMLParser(recover=True, remove_comments=True, resolve_entities=False, huge_tree=True)


def _kind_by_extension(url: str) -> str:
    tail = url.split("?", 1)[0].split("#", 1)[0].rsplit(".", 1)[-1].lower()
    return "font" if tail in FONT_EXTENSIONS else "image"


def css_references(css: str, base: str) -> list[tuple[str, str]]:
    """(url, kind) of every file a stylesheet loads: @import (a stylesheet), url() (fonts, images)."""
    css = CSS_COMMENT.sub("", css)
    found: dict[str, str] = {}
    for _quote, in_url, _quote2, quoted in CSS_IMPORT.findall(css):
        url = normalize((in_url or quoted).strip(), base)
        if url:
            found.setdefault(url, "stylesheet")
    for _quote, href in CSS_URL.findall(css):
        href = href.strip()
        if href.startswith(("data:", "#")):
            continue
        url = normalize(href, base)
        if url:
            found.setdefault(url, _kind_by_extension(url))
    return list(found.items())


def manifest_references(body: bytes, base: str) -> list[tuple[str, str]]:
    """(url, "icon") of every icon a web app manifest lists (raises ValueError when not JSON)."""
    data = json.loads(body.decode("utf-8-sig", "replace"))
    if not isinstance(data, dict):
        raise ValueError("a manifest is a JSON object")
    found = {}
    for entry in list(data.get("icons") or ()) + list(data.get("screenshots") or ()):
        src = entry.get("src") if isinstance(entry, dict) else None
        url = normalize(src.strip(), base) if isinstance(src, str) and src.strip() else None
        if url:
            found.setdefault(url, "icon")
    return list(found.items())


def read_sitemap(body: bytes) -> tuple[str, list[tuple[str, int | None]]]:
    """("urlset" | "sitemapindex", [(loc, line)]); ValueError when it is not a sitemap."""
    try:
        root = etree.fromstring(body, parser=SITEMAP_PARSER)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"not XML ({exc})") from None
    if root is None:
        raise ValueError("not XML")
    kind = etree.QName(root).localname if isinstance(root.tag, str) else ""
    if kind not in ("urlset", "sitemapindex"):
        raise ValueError(f"not a sitemap (its root element is <{kind or '?'}>)")
    entries = []
    for entry in root:
        if not isinstance(entry.tag, str):
            continue
        for child in entry:
            if isinstance(child.tag, str) and etree.QName(child).localname == "loc" and child.text and child.text.strip():
                entries.append((child.text.strip(), child.sourceline))
                break
    return kind, entries
