"""hreflang alternates as Google reads them (Google Search Central, "Tell Google about
localized versions of your page"): <link rel="alternate" hreflang> in <head>, and the
HTTP Link header. A <link> in <body> is not read by Google, so it is not kept either.
Google requires fully-qualified URLs: a relative href is kept (resolved, so the
alternates still pair up) and marked `relative`; an alternate without href is kept in
`hreflang_problems`."""

from __future__ import annotations

import re

from auditor.model import PageRecord
from auditor.urls import normalize

_LINK_VALUE = re.compile(r"<([^>]*)>((?:\s*;\s*[^;,]+)*)")
_PARAM = re.compile(r"""\s*;\s*([a-z-]+)\s*=\s*(?:"([^"]*)"|([^;,\s]*))""", re.I)


def read_hreflang(record: PageRecord, root, base: str) -> None:
    head = root.find("head")
    for link in (head.iter("link") if head is not None else ()):
        rels = (link.get("rel") or "").lower().split()
        if "alternate" in rels and link.get("hreflang") is not None:
            _add(record, link.get("hreflang"), link.get("href"), base, "head")
    for code, href in link_header_alternates(record.headers.get("link") or ""):
        _add(record, code, href, base, "header")


def link_header_alternates(value: str) -> list[tuple[str, str]]:
    """(hreflang, URL) of each rel=alternate in an HTTP Link header value."""
    out = []
    for match in _LINK_VALUE.finditer(value):
        params = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
                  for m in _PARAM.finditer(match.group(2))}
        if "alternate" in (params.get("rel") or "").lower().split() and params.get("hreflang") is not None:
            out.append((params["hreflang"], match.group(1).strip()))
    return out


def _add(record: PageRecord, code: str, href: str | None, base: str, source: str) -> None:
    raw = (href or "").strip()
    if not raw:
        record.hreflang_problems.append({"lang": code, "problem": "missing-href", "source": source})
        return
    entry = {"lang": code, "href": normalize(raw, base) or raw}
    if source != "head":
        entry["source"] = source
    if not raw.lower().startswith(("http://", "https://")):
        entry["relative"] = raw
    record.hreflang.append(entry)
