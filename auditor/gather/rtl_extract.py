"""Static right-to-left facts of a page, read from its parsed lxml tree.

Fills record.facts["rtl"]. A page with no right-to-left letters, no bidi controls or
entities and no dir attribute gets its charset declarations only: most pages of an
English site cost a couple of C-level searches.
"""

from __future__ import annotations

import re
from html.entities import html5

from lxml import etree

from auditor.text.bidi_order import display, leading_neutrals

# Every text node outside scripts and styles, gathered in C.
# From the root element, not "//": libxml2 runs "//text()[...]" in time that grows with the
# square of the text nodes (4 minutes for a page of highlighted source code with 143,000).
VISIBLE_TEXT = etree.XPath("descendant::text()[not(parent::script or parent::style)]", smart_strings=False)
MAX_ITEMS = 30  # per list: enough evidence, a bounded record
MAX_KEYS = 300
SAMPLE = 80
RTL_LETTER = "\u0590-\u05ff\u0600-\u065f\u066e-\u06ef\u06fa-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
RTL_RE = re.compile(f"[{RTL_LETTER}]")
LATIN_RE = re.compile("[A-Za-z\u00c0-\u024f]")
CONTROLS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
CONTROL_RE = re.compile(f"[{CONTROLS}]")
BIDI_ENTITY = re.compile(r"&(lrm|rlm|alm|lre|rle|pdf|lro|rlo|lri|rli|fsi|pdi|zwj|zwnj);", re.I)
QUICK = re.compile(f"[{RTL_LETTER}{CONTROLS}]")
CONTROL_NAMES = {
    "\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM", "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF",
    "\u202d": "LRO", "\u202e": "RLO", "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
}
OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c",
           "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
RTL_RUN = re.compile(f"[{RTL_LETTER}]+")
LATIN_RUN = re.compile("[A-Za-z\u00c0-\u024f]+")
DIGIT = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9]")
# Tokens that always show as one left-to-right run: Latin words and plain numbers.
PLAIN = re.compile(r"^(?:[A-Za-z][A-Za-z0-9]*(?: [A-Za-z0-9]+)*|\d+(?:[.,]\d+)*)$")
ICON_TAGS = frozenset({"a", "button", "span", "i", "img", "svg"})
BREADCRUMB = re.compile("breadcrumb|مسار", re.I)
GLYPH = re.compile("[" + re.escape("→›»❯▶►⟩〉➜➔⇒>←‹«❮◀◄⟨〈⇐<") + "]")
# (the text of video, audio and canvas is fallback content that browsers do not show)
SKIP = {"script", "style", "noscript", "template", "head", "title", "iframe", "object", "textarea", "select", "option",
        "video", "audio", "canvas"}
BLOCKS = {
    "body", "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "section",
    "article", "main", "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "header",
    "footer", "nav", "aside", "form", "address", "details", "summary", "caption", "label", "button", "fieldset",
    "legend", "br", "hr",
}
VALID_DIR = {"rtl", "ltr", "auto"}
INLINE_DIRECTION = re.compile(r"(?:^|;)\s*direction\s*:\s*(ltr|rtl)\b", re.I)
MAX_WITHIN = 40
STYLE_HINTS = ("letter-spacing", "italic", "oblique", "direction", "unicode-bidi", "left", "right")
PHYSICAL_STYLE = {"margin-left", "margin-right", "padding-left", "padding-right", "float", "left", "right",
                  "border-left", "border-right", "text-align"}
# Stretches that may hold a left-to-right unit: they start with a Latin letter, a
# European digit or a sign and hold no right-to-left letter (a cheap first pass).
CANDIDATE = re.compile(f"[A-Za-z0-9$€£+(][^{RTL_LETTER}\n]*")
# Left-to-right units that must show as one run inside right-to-left text.
RUNS = re.compile(
    r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<url>(?:https?://|www\.)[^\s\u060c<>\"]+[^\s\u060c<>\".,;:!?\u061f)])"
    r"|(?P<phone>(?:\+|00)\d{1,3}[\s.\-()]*\d[\d\s.\-()]{5,}\d|\(?0\d{1,3}\)?[\s\-.]\d{2,4}[\s\-.]\d{3,4}(?:[\s\-.]\d{2,4})?)"
    r"|(?P<price>(?:[$€£]|\b(?:SAR|AED|KWD|QAR|BHD|OMR|EGP|JOD|USD|EUR|SR)\b)\s?\d[\d,.]*(?:\s?-\s?\d[\d,.]*)?"
    r"|\d[\d,.]*(?:\s?-\s?\d[\d,.]*)?\s?(?:[$€£]|\b(?:SAR|AED|KWD|QAR|BHD|OMR|EGP|JOD|USD|EUR|SR)\b))"
    r"|(?P<sku>\b(?=[A-Za-z0-9-]*\d)(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b|\b\d+[A-Za-z]+\d*\b)"
    r"|(?P<latin>[A-Za-z][A-Za-z0-9&'’\-]*(?:\.[A-Za-z0-9]+)*(?:[ ][A-Za-z0-9][A-Za-z0-9&'’\-]*(?:\.[A-Za-z0-9]+)*)*[+#]*)"
)
NEXT_WORDS = re.compile(r"\b(next|older|forward)\b|التالي|التالية|بعدها|الأقدم|بعدی|הבא", re.I)
PREV_WORDS = re.compile(r"\b(prev|previous|newer|back)\b|السابق|السابقة|الأحدث|قبلی|הקודם", re.I)
POINT_RIGHT = "→›»❯▶►⟩〉➜➔⇒>"
POINT_LEFT = "←‹«❮◀◄⟨〈⇐<"
ICON_NAME = re.compile(r"(?:arrow|chevron|angle|caret|triangle|long-arrow|carousel-control|icon)[-_]?(?:circle[-_]?|o[-_]?)?(left|right)"
                       r"|\b(left|right)[-_]?(?:arrow|chevron|angle|caret)", re.I)
FLIP = re.compile(r"flip|mirror|rtl", re.I)
TEXT_INPUTS = {"text", "search", "textarea", ""}
LTR_INPUTS = {"email", "url", "tel"}


def extract_rtl(root, record) -> None:
    """Fill record.facts["rtl"] from the parsed tree of a page."""
    facts = {"checked": False, "charsets": _charsets(root, record)}
    record.facts["rtl"] = facts
    body = root.find("body")
    if body is None:
        body = root
    text = "".join(VISIBLE_TEXT(root))
    if not root.xpath("boolean(//*[@dir])") and not QUICK.search(text) and not QUICK.search(record.title or ""):
        if "&" not in text or not BIDI_ENTITY.search(text):
            return
    _Walker(facts, root, body, text).run()


def _charsets(root, record) -> dict:
    declared = []
    for meta in root.iter("meta"):
        if meta.get("charset") is not None:
            declared.append({"source": "meta charset", "value": meta.get("charset").strip()})
        elif (meta.get("http-equiv") or "").lower() == "content-type":
            match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", meta.get("content") or "", re.I)
            declared.append({"source": "meta http-equiv", "value": match.group(1) if match else None})
    header = next((v for k, v in record.headers.items() if k.lower() == "content-type"), record.content_type or "")
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", header or "", re.I)
    return {"declared": declared, "header": match.group(1) if match else None, "decoded_as": record.charset}


def is_arabic(text: str) -> bool:
    """Whether most letters of `text` are in Arabic script."""
    latin = len(LATIN_RE.findall(text))
    seen = 0
    for _ in ARABIC_LETTER.finditer(text):  # stops as soon as Arabic outnumbers Latin
        seen += 1
        if seen > latin:
            return True
    return False


def selector(el) -> str:
    """A short CSS-like path: the element and up to two ancestors, with id or classes."""
    parts = []
    node = el
    while node is not None and len(parts) < 3 and isinstance(node.tag, str):
        part = node.tag
        if node.get("id"):
            parts.append(f"{part}#{node.get('id')}")
            break
        classes = (node.get("class") or "").split()
        if classes:
            part += "." + ".".join(classes[:2])
        parts.append(part)
        if node.tag in ("body", "html"):
            break
        node = node.getparent()
    return " > ".join(reversed(parts))


def _snippet(text: str, start: int, end: int) -> str:
    lo, hi = max(0, start - 30), min(len(text), end + 30)
    return ("…" if lo else "") + text[lo:hi].strip() + ("…" if hi < len(text) else "")


class _Walker:
    def __init__(self, facts: dict, root, body, text: str):
        self.f = facts
        self.root, self.body, self.text = root, body, text
        self.dirs: list[dict] = []
        self.styles: list[dict] = []
        self.inputs: list[dict] = []
        self.runs: list[dict] = []
        self.icons: list[dict] = []
        self.unbalanced: list[dict] = []
        self.keys: set[str] = set()
        self.runs_ok = 0
        self.bdo: list[str] = []
        self.bdo_bad_dir: list[dict] = []  # <bdo dir="auto"> and other values that override nothing
        self.bdi = 0
        # Most pages hold no bidi control: then no block needs a look for one.
        self.controls = CONTROL_RE.search(text) is not None
        self.key_pairs: set[tuple[str, str | None]] = set()  # (tag, class) already in keys

    def run(self) -> None:
        f = self.f
        f["checked"] = True
        f["html_dir"] = self.root.get("dir")
        f["body_dir"] = self.body.get("dir") if self.body is not self.root else None
        sample = self.text[:2000]
        rtl = sum(map(len, RTL_RUN.findall(sample)))
        latin = sum(map(len, LATIN_RUN.findall(sample)))
        f["rtl_share"] = round(rtl / (rtl + latin), 3) if rtl + latin else 0.0
        html_dir = (self.root.get("dir") or "").strip().lower()
        for el in self.root.iter("html", "head", "meta", "title"):
            if el.get("dir") is not None and el is not self.body:
                self._dir(el)
        base = html_dir if html_dir in VALID_DIR else None
        if self.body is not self.root:
            base = self._inline_style(self.root, base)  # <html style="direction: rtl">: from CSS
        self._walk(self.body, base, isolated=False)
        f["dirs"] = self.dirs[:MAX_ITEMS]
        f["dir_count"] = len(self.dirs)
        f["bdo_without_dir"] = self.bdo[:MAX_ITEMS]
        f["bdo_bad_dir"] = self.bdo_bad_dir[:MAX_ITEMS]
        f["bdi"] = self.bdi
        f["styles"] = self.styles[:MAX_ITEMS]
        f["inputs"] = self.inputs[:MAX_ITEMS]
        f["runs"] = self.runs[:MAX_ITEMS]
        f["runs_ok"] = self.runs_ok
        f["icons"] = self.icons[:MAX_ITEMS]
        f["arabic_elements"] = sorted(self.keys)[:MAX_KEYS]
        f["controls"] = {
            "chars": {CONTROL_NAMES[c]: self.text.count(c) for c in set(CONTROL_RE.findall(self.text))}
            if self.controls else {},
            "unbalanced": self.unbalanced[:MAX_ITEMS],
        }
        found = " ".join(self.root.xpath("//@*[contains(., '&')]"))
        if "&" in self.text:
            found += " " + self.text
        f["invented_entities"] = sorted({m.group(0) for m in BIDI_ENTITY.finditer(found) if m.group(0)[1:] not in html5})
        digits = DIGIT.findall(self.text)
        arabic_indic = sum(1 for d in digits if "\u0660" <= d <= "\u0669")
        persian = sum(1 for d in digits if d >= "\u06f0")
        f["digits"] = {"western": len(digits) - arabic_indic - persian, "arabic_indic": arabic_indic, "persian": persian}

    # -- the walk ---------------------------------------------------------------

    def _walk(self, el, direction: str | None, isolated: bool) -> tuple[list[str], bool]:
        """Returns (inline text pieces for the enclosing block, holds Arabic text)."""
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in SKIP:
            if tag in ("textarea", "select"):
                own = (el.get("dir") or "").strip().lower()
                if own:
                    self._dir(el)
                self._input(el, own if own in VALID_DIR else direction)
            return ([el.tail] if el.tail else []), False
        attrib = el.attrib
        own_dir = attrib.get("dir")
        if own_dir is not None:
            self._dir(el)
            value = own_dir.strip().lower()
            if value in VALID_DIR:
                direction = value
        if tag == "bdi":
            self.bdi += 1
            if own_dir is None:
                direction = "auto"
        elif tag == "bdo":
            if own_dir is None:
                self.bdo.append(selector(el))
            elif own_dir.strip().lower() not in ("ltr", "rtl"):
                self.bdo_bad_dir.append({"selector": selector(el), "dir": own_dir})
            return ["\ufffc"] + ([el.tail] if el.tail else []), False
        if tag == "input":
            self._input(el, direction)
        if "style" in attrib:  # (most elements have none: no call on the hot path)
            direction = self._inline_style(el, direction)
        cls = attrib.get("class")
        is_block = tag in BLOCKS or el is self.body
        isolate = el is not self.body and (own_dir is not None or tag in ("bdi", "bdo"))
        text = el.text
        pieces: list[str] = [text] if text else []
        arabic = bool(text and ARABIC_LETTER.search(text))
        for child in el:
            if not isinstance(child.tag, str):
                if child.tail:
                    pieces.append(child.tail)
                continue
            child_pieces, child_arabic = self._walk(child, direction, isolated or isolate)
            arabic = arabic or child_arabic
            if child.tag in BLOCKS:
                pieces.append("\n")  # a paragraph break
            pieces.extend(child_pieces)
        if arabic and len(self.keys) < MAX_KEYS and (tag, cls) not in self.key_pairs:
            self.key_pairs.add((tag, cls))
            self.keys.add(tag)
            if cls:
                for name in cls.split():
                    self.keys.add(f".{name}")
                    self.keys.add(f"{tag}.{name}")
        if tag in ICON_TAGS and (cls or tag == "img" or tag == "svg" or (text and GLYPH.search(text))):
            self._icon(el)
        label = attrib.get("aria-label")
        if (cls or label) and BREADCRUMB.search(f"{cls} {label} {attrib.get('id')}"):
            self._breadcrumb(el)
        tail = [el.tail] if el.tail else []
        if is_block:
            self._block(el, "".join(pieces), direction)
            return tail, arabic
        if isolate:
            # the isolate is a neutral for the paragraph around it
            self._block(el, "".join(pieces), direction, inline=True)
            return ["\ufffc"] + tail, arabic
        return pieces + tail, arabic

    def _inline_style(self, el, direction: str | None) -> str | None:
        """Records the element's direction-related inline style; the direction it gives."""
        style = el.get("style")
        if style and any(h in style.lower() for h in STYLE_HINTS):
            self._style(el, style)
            css_dir = INLINE_DIRECTION.search(style)
            if el.get("dir") is None and css_dir:
                return css_dir.group(1).lower()  # the computed direction of a block
        return direction

    def _dir(self, el) -> None:
        value = el.get("dir")
        self.dirs.append({"tag": el.tag, "value": value, "valid": value.strip().lower() in VALID_DIR,
                          "selector": selector(el)})

    def _input(self, el, direction: str | None) -> None:
        kind = (el.get("type") or ("" if el.tag == "input" else el.tag)).strip().lower()
        if kind in ("hidden", "submit", "button", "reset", "image", "checkbox", "radio", "file", "color", "range", "select"):
            return
        self.inputs.append({
            "tag": el.tag, "type": kind or "text", "name": el.get("name") or el.get("id") or "",
            "dir": el.get("dir"), "inherited_dir": direction, "inputmode": el.get("inputmode"),
            "autocomplete": el.get("autocomplete"), "placeholder": (el.get("placeholder") or "")[:SAMPLE],
            "selector": selector(el), "hidden": hidden_by_markup(el),
        })

    def _style(self, el, style: str) -> None:
        props = {}
        for part in style.split(";"):
            name, _, value = part.partition(":")
            name, value = name.strip().lower(), value.strip()
            low = value.lower()
            if name == "letter-spacing" and low not in ("normal", "0", "0px", "0em"):
                props[name] = value
            elif name == "font-style" and low in ("italic", "oblique"):
                props[name] = value
            elif name in ("direction", "unicode-bidi"):
                props[name] = value
            elif name in PHYSICAL_STYLE and (name not in ("float", "text-align") or low in ("left", "right")):
                props[name] = value
        if props:
            shown = self.body if el is self.root else el  # not the <head>'s title
            sample = " ".join("".join(shown.itertext()).split())[:SAMPLE]
            self.styles.append({"tag": el.tag, "selector": selector(el), "properties": props,
                                "text": sample, "arabic": is_arabic(sample)})

    def _block(self, el, text: str, direction: str | None, inline: bool = False) -> None:
        if not text.strip():
            return
        if self.controls:
            self._controls(el, text)
        if direction == "ltr":
            return
        if direction == "auto":
            first = re.search(f"[A-Za-z\u00c0-\u024f{RTL_LETTER}]", text)
            if not first or not RTL_RE.match(first.group(0)):
                return
        if direction is None and not is_arabic(text):
            return  # no dir anywhere: only text that is Arabic is meant right to left
        if self.controls:
            text = _strip_isolates(text)
        if el.tag != "body" and not RTL_RE.search(text) and LATIN_RE.search(text):
            # left-to-right text that inherits a right-to-left direction (templated content)
            stripped = text.strip()
            start = text.index(stripped)
            # an icon or emoji on the line's start side stays there: it is placed, not moved
            lead = leading_neutrals(stripped)
            start, stripped = start + lead, stripped[lead:]
            if not stripped or PLAIN.match(stripped):
                self.runs_ok += 1
                return
            shown = display(text, start, start + len(stripped))
            if shown.in_order:
                self.runs_ok += 1
            else:
                self._run("ltr-text", el, text, start, start + len(stripped), shown.visual)
            return
        for match in (m for seg in CANDIDATE.finditer(text) for m in RUNS.finditer(text, seg.start(), seg.end())):
            kind = match.lastgroup
            start, end = match.span()
            token = match.group(0).rstrip()
            end = start + len(token)
            if kind == "latin" and len(token) < 2:
                continue
            if PLAIN.match(token):
                self.runs_ok += 1
                continue
            shown = display(text, start, end)
            if shown.in_order:
                self.runs_ok += 1
            else:
                self._run(kind, el, text, start, end, shown.visual)

    def _run(self, kind: str, el, text: str, start: int, end: int, visual: str) -> None:
        if len(self.runs) < MAX_ITEMS:
            self.runs.append({"kind": kind, "text": text[start:end][:SAMPLE], "displayed": visual[:SAMPLE],
                              "selector": selector(el), "snippet": _snippet(text, start, end),
                              "within": _within(el, inner=kind == "ltr-text")})

    def _controls(self, el, text: str) -> None:
        if not CONTROL_RE.search(text):
            return
        depth = 0
        for ch in text:
            if ch in OPENERS:
                depth += 1
            elif ch in ("\u202c", "\u2069"):
                depth -= 1
        if depth != 0:
            self.unbalanced.append({"selector": selector(el), "open": depth,
                                    "snippet": "".join(f"<{CONTROL_NAMES[c]}>" if c in CONTROL_NAMES else c
                                                       for c in text.strip()[:SAMPLE])})

    def _icon(self, el) -> None:
        """A direction-bearing icon in a next/previous link, pagination or breadcrumb."""
        found = _pointing(el)
        if found is None:
            return
        role = _role(el)
        if role is None:
            return
        points, source, glyph_index = found
        if glyph_index is not None:
            text = _strip_isolates(self._context_text(el))
            own = el.text or ""
            at = text.find(own) + glyph_index if own and own in text else -1
            if at >= 0:
                shown = display(text, at, at + 1, rtl=self._direction_of(el) != "ltr")
                if shown.visual in POINT_LEFT:
                    points = "left"
                elif shown.visual in POINT_RIGHT:
                    points = "right"
        elif any(FLIP.search(n.get("class") or "") for n in [el, *el.iterancestors()][:4]):
            return  # flipped for right-to-left by a class of its own
        self.icons.append({"role": role, "points": points, "source": source, "selector": selector(el),
                           "href": _link(el).get("href") if _link(el) is not None else None})

    def _breadcrumb(self, el) -> None:
        """The first separator of a breadcrumb trail, as it is displayed."""
        rtl = self._direction_of(el) != "ltr"
        text = _strip_isolates("".join(el.itertext()))
        for i, ch in enumerate(text):
            if ch in POINT_RIGHT or ch in POINT_LEFT:
                shown = display(text, i, i + 1, rtl=rtl)
                points = "left" if shown.visual in POINT_LEFT else "right"
                self.icons.append({"role": "breadcrumb", "points": points, "source": f"glyph {ch}",
                                   "selector": selector(el), "href": None})
                return
        for node in el.iter():
            if node is el or not isinstance(node.tag, str):
                continue
            found = _pointing(node)
            if found and found[2] is None and not any(FLIP.search(n.get("class") or "") for n in [node, *node.iterancestors()][:4]):
                self.icons.append({"role": "breadcrumb", "points": found[0], "source": found[1],
                                   "selector": selector(node), "href": None})
                return

    def _context_text(self, el) -> str:
        block = el
        while block is not None and block.tag not in BLOCKS:
            block = block.getparent()
        block = block if block is not None else el
        return "".join(block.itertext())

    def _direction_of(self, el) -> str | None:
        for node in [el, *el.iterancestors()]:
            value = (node.get("dir") or "").lower()
            if value in ("rtl", "ltr"):
                return value
        return None


def _within(el, inner: bool) -> list[str]:
    """The tags and classes of an element and its ancestors ('pre', '.highlight',
    'div.highlight'), and with `inner` of the element inside it that holds all its text
    (<pre><code>): what a stylesheet rule may give it a direction by."""
    keys: set[str] = set()
    nodes = [el, *el.iterancestors()]
    node = el
    while inner and not (node.text or "").strip() and len(node) == 1 and not (node[0].tail or "").strip():
        node = node[0]  # <pre><code>...</code></pre>: the one child holding all the text
        nodes.append(node)
    for node in nodes:
        if not isinstance(node.tag, str) or node.tag in ("body", "html"):
            continue
        keys.add(node.tag)
        for name in (node.get("class") or "").split()[:5]:
            keys.update((f".{name}", f"{node.tag}.{name}"))
    return sorted(keys)[:MAX_WITHIN]


def hidden_by_markup(el) -> bool:
    """Hidden by its markup (hidden, style="display: none"), or inside an element that is:
    a spam trap no visitor types in."""
    for node in [el, *el.iterancestors()]:
        style = (node.get("style") or "").lower().replace(" ", "")
        if node.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style:
            return True
    return False


def _link(el):
    for node in [el, *el.iterancestors()][:3]:
        if node.tag in ("a", "button"):
            return node
    return None


def _role(el) -> str | None:
    link = _link(el)
    if link is not None:
        rel = (link.get("rel") or "").lower().split()
        label = " ".join(filter(None, [link.get("aria-label"), link.get("title"), link.get("class"), "".join(link.itertext())]))
        if "next" in rel or NEXT_WORDS.search(label):
            return "next"
        if "prev" in rel or "previous" in rel or PREV_WORDS.search(label):
            return "prev"
    return None


def _pointing(el) -> tuple[str, str, int | None] | None:
    """(left|right, where the direction comes from, index of a text glyph in el.text)."""
    names = " ".join(filter(None, [el.get("class"), el.get("src"), el.get("href") if el.tag == "use" else None,
                                   el.get("data-icon")]))
    if el.tag == "svg":
        names += " " + " ".join(filter(None, (u.get("href") or u.get("{http://www.w3.org/1999/xlink}href")
                                              for u in el.iter("use"))))
    match = ICON_NAME.search(names)
    if match:
        side = (match.group(1) or match.group(2)).lower()
        return side, names.strip()[:SAMPLE], None
    own = el.text or ""
    glyph = GLYPH.search(own) if own else None
    if glyph is None or (glyph.group(0) in "<>" and own.strip() != glyph.group(0)):
        return None
    ch = glyph.group(0)
    return ("right" if ch in POINT_RIGHT else "left"), f"glyph {ch}", glyph.start()


def _strip_isolates(text: str) -> str:
    """Replace content between isolate or embedding controls by one neutral character."""
    if not CONTROL_RE.search(text):
        return text
    return re.sub("[\u2066\u2067\u2068][^\u2069]*\u2069|[\u202a-\u202e][^\u202c]*\u202c", "\ufffc", text)


