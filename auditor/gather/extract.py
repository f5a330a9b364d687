"""Static facts of an HTML page, extracted with lxml.

Runs once per crawled page, so it is written for speed: one parse, a handful of
tree walks, no per-element regular expressions.
"""

from __future__ import annotations

import re

from lxml import etree
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, to_unicode

from auditor.model import Form, Image, Link, PageRecord, Resource
from auditor.gather.anchors import anchor_facts
from auditor.gather.hreflang import read_hreflang
from auditor.errors import error_text
from auditor.gather.fragments import extract_fragments
from auditor.gather.lang_marks import extract_lang_marks
from auditor.gather.lang_switch import extract_lang_switch
from auditor.gather.rtl_extract import extract_rtl, hidden_by_markup
from auditor.gather.kind_marks import extract_kind_marks
from auditor.gather.addresses import extract_addresses
from auditor.gather.templates import page_layout
from auditor.urls import UNFETCHED_SCHEMES, normalize

ARABIC_LETTERS = re.compile("[\u0621-\u064a]")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# C0 controls other than whitespace: a few are typos, many mean binary data.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
REGIONS = {"nav": "nav", "header": "header", "footer": "footer", "aside": "aside"}
ROLE_REGIONS = {"navigation": "nav", "banner": "header", "contentinfo": "footer", "complementary": "aside"}
SKIP_TEXT = {"script", "style", "noscript", "template", "svg", "head", "title", "meta", "link", "iframe", "object"}
# Code, keyboard input and program output are not prose: they would read as endless
# "sentences" and skew readability and language detection.
CODE = {"pre", "code", "kbd", "samp"}
BLOCKS = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "main", "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption",
    "header", "footer", "nav", "aside", "form", "br", "hr", "address", "details", "summary",
}
BOILERPLATE = {"nav", "header", "footer", "aside", "form"}
MAX_SNIPPET = 200
# <link rel> values whose target a browser or a crawler fetches, and what each is.
LINK_KINDS = {
    "icon": "icon", "shortcut": "icon", "apple-touch-icon": "icon", "apple-touch-icon-precomposed": "icon",
    "mask-icon": "icon", "manifest": "manifest", "preload": "preload", "modulepreload": "preload",
    "prefetch": "preload",
}
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
SHARE_IMAGES = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src")
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""", re.I)
HTML_TYPES = ("text/html", "application/xhtml+xml")  # the content types read as HTML
# Plain lxml elements: the lxml.html element classes cost a lookup per node.
PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True)


def guess_encoding(body: bytes) -> str:
    """For pages that declare no charset: UTF-8 if valid, else an Arabic code page when
    it yields Arabic letters (common on older Arabic sites), else cp1252.

    Of the Arabic code pages, ISO-8859-6 wins only when the sample is valid ISO-8859-6
    (Windows-1256 Arabic nearly always uses bytes it leaves undefined, such as ف) and
    reads as more Arabic letters than Windows-1256 gives (which turns ه و ى ي of an
    ISO-8859-6 page into ç è é ê)."""
    sample = body[:65536]
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # a multi-byte character cut by the sample's end is still UTF-8
        if len(body) > len(sample) and exc.reason == "unexpected end of data":
            return "utf-8"
    windows = len(ARABIC_LETTERS.findall(sample.decode("cp1256", "replace")))
    try:
        iso = len(ARABIC_LETTERS.findall(sample.decode("iso8859-6")))
    except UnicodeDecodeError:
        iso = 0
    if iso > 20 and iso > windows:
        return "iso8859-6"
    if windows > 20:
        return "cp1256"
    return "cp1252"


def decode(body: bytes, content_type: str | None) -> tuple[str, str]:
    """(text, encoding) honouring BOM, Content-Type and <meta charset>, in that order,
    else guess_encoding's (w3lib's html_to_unicode no longer takes a guesser of one's own)."""
    encoding, bom = read_bom(body)
    if encoding is not None:
        return to_unicode(body[len(bom):], encoding), encoding
    encoding = http_content_type_encoding(content_type) or html_body_declared_encoding(body) or guess_encoding(body)
    return to_unicode(body, encoding), encoding


def _clean(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _text(el) -> str:
    return _clean("".join(el.itertext()))


def _snippet(el) -> str:
    attrs = " ".join(f'{k}="{v}"' for k, v in el.attrib.items())
    tag = f"<{el.tag} {attrs}>" if attrs else f"<{el.tag}>"
    return tag[:MAX_SNIPPET]


def _region(el) -> str:
    for anc in el.iterancestors():
        tag = anc.tag if isinstance(anc.tag, str) else ""
        if tag in REGIONS:
            return REGIONS[tag]
        role = anc.get("role")
        if role in ROLE_REGIONS:
            return ROLE_REGIONS[role]
        if tag == "main" or role == "main":
            return "main"
    return "main"


def _link_kind(href: str) -> str:
    low = href.strip().lower()
    for scheme in ("mailto", "tel", "javascript"):
        if low.startswith(scheme + ":"):
            return scheme
    return "other" if low.startswith(UNFETCHED_SCHEMES) else "a"


def _anchor_text(a) -> str:
    text = _text(a)
    if text:
        return text[:300]
    label = a.get("aria-label") or a.get("title")
    if label:
        return _clean(label)[:300]
    for img in a.iter("img"):
        if img.get("alt"):
            return _clean(img.get("alt"))[:300]
    return ""


def _text_blocks(body, main, main_skip: set[str]) -> tuple[list[str], int]:
    """The visible text of `main` (body or an element in it) split into blocks at
    block-level elements, leaving out `main_skip` elements; and the characters of the
    whole body's visible text, split the same way leaving out SKIP_TEXT only. One walk
    gives both as two walks would: each has its own blocks, and the text of `main` ends
    with what follows it up to the next block."""
    blocks: list[str] = []
    current: list[str] = []  # the text of main
    everything: list[str] = []  # the text of the whole body
    chars = 0
    # The body's text at its last flush, and cleaned: a block of main is mostly the same
    # text, and cleaning is the bulk of the walk's time.
    last_joined = last_clean = ""

    def flush_main():
        if current:
            joined = "".join(current)
            text = last_clean if joined == last_joined else _clean(joined)
            if text:
                blocks.append(text)
            current.clear()

    def flush_all():
        nonlocal chars, last_joined, last_clean
        if everything:
            last_joined = "".join(everything)
            last_clean = _clean(last_joined)
            chars += len(last_clean)
            everything.clear()

    def walk(el, considered: bool):
        # considered: the walk of main reaches el (it is main, or a child of an element it visits)
        considered = considered or el is main
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None or tag in SKIP_TEXT or el.get("hidden") is not None:
            if el.tail:
                everything.append(el.tail)
                if considered:
                    current.append(el.tail)
            return
        visited = considered and tag not in main_skip
        block = tag in BLOCKS
        if block:
            flush_all()
            if visited:
                flush_main()
        if el.text:
            everything.append(el.text)
            if visited:
                current.append(el.text)
        for child in el:
            walk(child, visited)
        if block:
            flush_all()
            if visited:
                flush_main()
        if el.tail:
            everything.append(el.tail)
            if considered:
                current.append(el.tail)
        if el is main:
            flush_main()

    walk(body, False)
    flush_all()
    flush_main()
    return blocks, chars


def _main_element(body):
    for el in body.iter("main", "article"):
        return el
    for el in body.iter():
        if el.get("role") == "main":
            return el
    return body


def _form(form, base: str, labels: dict[str, str]) -> Form:
    fields = []
    for el in form.iter("input", "select", "textarea"):
        kind = (el.get("type") or ("text" if el.tag == "input" else el.tag)).lower()
        if kind in ("hidden", "submit", "button", "reset", "image") or hidden_by_markup(el):
            continue
        label = labels.get(el.get("id") or "\0", "")
        if not label:
            for anc in el.iterancestors("label"):
                label = _text(anc)
                break
        field = {
            "type": kind,
            "name": el.get("name") or "",
            "label": label or _clean(el.get("aria-label") or ""),
            "dir": el.get("dir"),
            "autocomplete": el.get("autocomplete"),
        }
        if not field["label"]:  # what stands in for one: a label tied to nothing, the placeholder
            if loose := _loose_label(el):
                field["loose_label"] = loose
            if hint := _clean(el.get("placeholder")):
                field["placeholder"] = hint[:MAX_SNIPPET]
        fields.append(field)
    action = form.get("action")
    return Form(
        action=normalize(action, base) or "" if action else base,
        method=(form.get("method") or "get").lower(),
        fields=fields,
    )


def _loose_label(field) -> str:
    """The text of a <label> shown just before the field (before it or a wrapper of it, two
    levels up; icons between them aside) but tied to no field: a visitor sees it, a screen
    reader does not announce it."""
    node = field
    for _ in range(3):
        before = node.getprevious()
        # past comments and wordless elements (an icon's svg)
        while before is not None and (not isinstance(before.tag, str) or (before.tag != "label" and not _text(before))):
            before = before.getprevious()
        if before is not None:
            if before.tag == "label" and before.get("for") is None \
                    and next(before.iter("input", "select", "textarea"), None) is None:
                return _text(before)[:MAX_SNIPPET]
            return ""
        node = node.getparent()
        if node is None or node.tag == "form":
            return ""
    return ""


BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16le"), (b"\xfe\xff", "utf-16be"))


def extract(record: PageRecord, body: bytes, content_type: str | None = None) -> PageRecord:
    """Fill `record` with the static facts of the HTML in `body`."""
    text, encoding = decode(body, content_type)
    record.charset = encoding
    text = XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        record.error = error_text("empty")
        return record
    head = text[:4096]
    if len(CONTROL_CHARS.findall(head)) > len(head) // 20:
        record.error = error_text("binary")
        return record
    try:
        root = etree.fromstring(text, PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        record.error = error_text("unparseable", detail=exc)
        return record
    if root is None:
        record.error = error_text("no-elements")
        return record
    # libxml2 stops at its limits (256 levels of nesting) and keeps what it read so far
    limit = next((e.message for e in PARSER.error_log if e.type_name == "ERR_RESOURCE_LIMIT"), None)
    extract_tree(record, root)
    bom = next((name for mark, name in BOMS if body.startswith(mark)), None)
    if bom and "rtl" in record.facts:
        record.facts["rtl"]["charsets"]["bom"] = bom  # what browsers decode by, whatever is declared
    if limit:
        record.error = (error_text("too-deep", depth=255) if "depth" in limit
                        else error_text("parser-limit", detail=limit))
    return record


_REFRESH = re.compile(r"\s*(\d*)(\.[\d.]*)?\s*(?:[;,]\s*)?(?:url\s*=\s*)?(.*)", re.I | re.S)


def meta_refresh(content: str, base: str, page_url: str) -> dict | None:
    """A refresh's delay in seconds and the URL it loads (None: the page itself), read as
    browsers read `<meta http-equiv="refresh" content="5; url=/next">` (HTML: shared
    declarative refresh steps); None when the content is no refresh at all."""
    if not content.strip():
        return None
    found = _REFRESH.match(content)
    if not (found.group(1) or found.group(2)):
        return None
    target = found.group(3).strip()
    if target[:1] in ("'", '"'):
        target = target[1:].split(target[0], 1)[0]
    url = normalize(target, base) if target else None
    return {"delay": int(found.group(1) or 0), "url": url if url != normalize(page_url) else None}


def extract_tree(record: PageRecord, root) -> PageRecord:
    base = record.final_url or record.url
    for el in root.iter("base"):
        if el.get("href"):
            base = normalize(el.get("href"), base) or base
        break

    record.lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    record.dir = root.get("dir")
    head = root.find("head")
    title = (head if head is not None else root).find(".//title")
    record.title = None if title is None else _text(title)

    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("http-equiv") or meta.get("property") or "").lower()
        if name and name not in record.meta:
            record.meta[name] = meta.get("content") or ""
        elif meta.get("charset"):
            record.meta.setdefault("charset", meta.get("charset"))

    refresh = meta_refresh(record.meta.get("refresh") or record.headers.get("refresh") or "", base,
                           record.final_url or record.url)
    if refresh is not None:
        record.facts["refresh"] = refresh

    read_hreflang(record, root, base)
    for link in root.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        href = link.get("href")
        if not href:
            continue
        if "canonical" in rels:
            record.canonicals.append(normalize(href, base) or href)
        if "stylesheet" in rels:
            url = normalize(href, base)
            if url:
                blocking = head is not None and link.getparent() is head and (link.get("media") or "all") in ("all", "screen")
                record.resources.append(Resource(url, "stylesheet", render_blocking=blocking))
            continue
        kind = next((LINK_KINDS[r] for r in rels if r in LINK_KINDS), None)
        if kind is None and "alternate" in rels and (link.get("type") or "").lower() in FEED_TYPES:
            kind = "feed"
        if kind:
            _add_resource(record, href, base, kind)

    for script in root.iter("script"):
        src = script.get("src")
        url = normalize(src, base) if src else None
        if url:
            blocking = (
                head is not None and script.getparent() is head
                and script.get("async") is None and script.get("defer") is None
                and (script.get("type") or "").lower() != "module"
            )
            record.resources.append(Resource(url, "script", render_blocking=blocking))

    for h in root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        record.headings.append({"level": int(h.tag[1]), "text": _text(h)[:300]})

    for a in root.iter("a", "area"):
        href = a.get("href")
        if href is None:
            continue
        kind = _link_kind(href)
        if kind == "a":
            url = normalize(href, base)
            if not url:
                continue
        else:
            url = href.strip()
        record.links.append(Link(
            href=url,
            text=_anchor_text(a),
            rel=(a.get("rel") or "").lower(),
            region=_region(a),
            kind=kind if a.tag == "a" or kind != "a" else "area",
        ))

    for img in root.iter("img"):
        src = img.get("src") or img.get("data-src") or ""
        url = normalize(src, base) if src and not src.startswith("data:") else None
        record.images.append(Image(
            src=url or src[:MAX_SNIPPET],
            alt=img.get("alt"),
            width=img.get("width"),
            height=img.get("height"),
            snippet=_snippet(img),
        ))
        if url:
            record.resources.append(Resource(url, "image"))
        _add_srcset(record, img.get("srcset"), base)
    _media_resources(record, root, base)
    for name in SHARE_IMAGES:
        if record.meta.get(name):
            _add_resource(record, record.meta[name], base, "share image")

    labels = {l.get("for"): _text(l) for l in root.iter("label") if l.get("for")}
    for form in root.iter("form"):
        record.forms.append(_form(form, base, labels))

    body = root.find("body")
    if body is None:
        body = root
    main = _main_element(body)
    blocks, record.html_bytes_text = _text_blocks(body, main, SKIP_TEXT | CODE | (BOILERPLATE if main is body else set()))
    record.text = "\n\n".join(blocks)
    record.word_count = len(record.text.split())
    record.layout, record.shape = page_layout(root, record.lang, record.dir)
    anchors = anchor_facts(root)
    if anchors:
        record.facts["anchors"] = anchors
    extract_rtl(root, record)
    extract_fragments(root, record, base)
    extract_lang_marks(root, record)
    extract_lang_switch(root, record)
    extract_kind_marks(root, record)
    extract_addresses(root, record)
    return record


def _add_resource(record: PageRecord, href: str | None, base: str, kind: str) -> None:
    href = (href or "").strip()
    if not href or href.startswith(("data:", "#")):
        return
    url = normalize(href, base)
    if url:
        record.resources.append(Resource(url, kind))


def _add_srcset(record: PageRecord, srcset: str | None, base: str) -> None:
    """Every candidate of a srcset: the browser picks one, so each must exist."""
    for candidate in (srcset or "").split(","):
        parts = candidate.split()
        if parts:
            _add_resource(record, parts[0], base, "image")


def _media_resources(record: PageRecord, root, base: str) -> None:
    """Video and audio sources, posters, <picture> sources, <object> data, and CSS
    url() in style attributes and <style> blocks."""
    for el in root.iter("source", "video", "audio", "object", "embed", "track"):
        if el.tag == "source" and el.getparent() is not None and el.getparent().tag == "picture":
            _add_srcset(record, el.get("srcset"), base)
            continue
        _add_resource(record, el.get("data") if el.tag == "object" else el.get("src"), base,
                      "object" if el.tag in ("object", "embed") else "media")
        if el.tag == "video":
            _add_resource(record, el.get("poster"), base, "image")
    for el in root.iter():
        style = el.get("style") if isinstance(el.tag, str) else None
        if style and "url(" in style:
            for _quote, href in CSS_URL.findall(style):
                _add_resource(record, href, base, "image")
    for el in root.iter("style"):
        for _quote, href in CSS_URL.findall(el.text or ""):
            _add_resource(record, href, base, "image")
