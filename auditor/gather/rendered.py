"""What scripts change on a page: the HTML a server sends against the DOM a browser builds.

`--js auto` renders a page when its HTML is an empty shell, and renders a sample of
every template to learn whether scripts add links, text or head tags there. A rendered
page is audited as a visitor sees it; what its HTML alone said is kept beside it
(`facts["js"]`) so the audits can say what crawlers that do not run scripts miss.
"""

from __future__ import annotations

import hashlib
import re

from auditor.model import PageRecord

# An HTML page with scripts and less visible text than this is a shell the scripts fill.
SHELL_TEXT_CHARS = 200
# Scripts "add text" when the main text grows by this many words and this share.
ADDED_WORDS = 30
ADDED_SHARE = 0.2
MAX_LISTED = 50
SCRIPT = re.compile(rb"<script\b", re.I)
# Inline script types a browser runs (no type at all is JavaScript too).
EXECUTABLE = {"js", "text/javascript", "module", "application/javascript", "application/ecmascript",
              "text/ecmascript"}
SCRIPT_TAG = re.compile(rb"<script\b([^>]*)>", re.I)
TYPE = re.compile(rb"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)


def is_shell(record: PageRecord, body: bytes) -> bool:
    """Scripts and next to no visible text: what a visitor sees is built in the browser."""
    return record.html_bytes_text < SHELL_TEXT_CHARS and SCRIPT.search(body) is not None


def _scripts(record: PageRecord, body: bytes) -> tuple[list[str], list[str]]:
    """The page's script files and the kinds of its inline scripts."""
    files = sorted({r.url.split("?")[0] for r in record.resources if r.kind == "script"})
    inline = set()
    for attrs in SCRIPT_TAG.findall(body):
        if b"src" in attrs.lower():
            continue
        kind = TYPE.search(attrs)
        inline.add(kind.group(1).lower().decode("latin-1") if kind else "js")
    return files, sorted(inline)


def script_group(record: PageRecord, body: bytes) -> str | None:
    """The pages that scripts would change alike: same layout, same script files, same
    kinds of inline scripts (a theme's plain pages and its script-built listings share a
    layout but not their scripts, so they are sampled apart). None when the page has no
    script a browser runs (JSON-LD and other data blocks are not)."""
    files, inline = _scripts(record, body)
    if not files and not any(kind in EXECUTABLE for kind in inline):
        return None
    digest = hashlib.blake2b(repr((files, inline)).encode(), digest_size=5).hexdigest()
    return f"{record.layout} {digest}"


def internal_links(record: PageRecord) -> list[str]:
    return list(dict.fromkeys(link.href for link in record.links if link.internal))


def script_changes(html: PageRecord, rendered: PageRecord) -> dict:
    """What the rendered DOM has that the HTML has not: links, words, head tags. A link to
    the page itself is none: whoever reads the page knows its address."""
    known = {*internal_links(html), html.url, html.final_url}
    added = [href for href in internal_links(rendered) if href not in known]
    before, after = html.head_tags(), rendered.head_tags()
    return {
        "links_added": added,
        "words_added": max(rendered.word_count - html.word_count, 0),
        "head_changed": sorted(k for k in before if before[k] != after[k]),
    }


def changes_matter(changes: dict, html_words: int) -> bool:
    """Whether a template's pages must be rendered to be read as visitors read them."""
    words = changes["words_added"]
    return bool(changes["links_added"] or changes["head_changed"]
                or (words >= ADDED_WORDS and words >= ADDED_SHARE * html_words))


def merge(html: PageRecord, rendered: PageRecord, reason: str, changes: dict,
          error: str | None = None, blocked: list[str] = (), posts: list[str] = ()) -> PageRecord:
    """The page as a visitor's browser shows it, with what its HTML said kept beside it.

    The response facts (status, headers, size, encoding) and the template key stay the
    HTML's; scripts the page inserts are not render-blocking resources, so the resources
    are the HTML's plus any image or media the scripts added."""
    for name in ("url", "status", "final_url", "redirect_to", "content_type", "charset", "headers", "bytes",
                 "response_ms", "is_html", "layout"):
        setattr(rendered, name, getattr(html, name))
    known = {r.url for r in html.resources}
    rendered.resources = html.resources + [r for r in rendered.resources
                                           if r.kind in ("image", "media") and r.url not in known]
    if "rtl" in html.facts and "rtl" in rendered.facts:
        rendered.facts["rtl"]["charsets"] = html.facts["rtl"].get("charsets")
    rendered.facts["js"] = {
        "rendered": True,
        "reason": reason,
        "html": {**html.head_tags(),
                 "words": html.word_count, "links": len(internal_links(html))},
        "links_added": changes["links_added"][:MAX_LISTED],
        "links_added_count": len(changes["links_added"]),
        "words_added": changes["words_added"],
        "head_changed": changes["head_changed"],
        **({"error": error} if error else {}),
        **({"navigation_blocked": list(dict.fromkeys(blocked))[:5]} if blocked else {}),
        **({"form_blocked": list(dict.fromkeys(posts))[:5]} if posts else {}),
    }
    return rendered
