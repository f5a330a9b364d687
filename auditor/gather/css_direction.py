"""Direction-sensitive declarations of a stylesheet, read with tinycss2.

Physical declarations (margin-left, float: right, text-align: left...) are listed
with the logical property to use instead, unless a rule scoped to one direction
(`[dir=rtl] X`, `:dir(rtl)`, `html[dir="rtl"] X`, `.rtl X`, or `[dir=ltr] X` in a
stylesheet written right to left first) sets the same property for the same
selector: then each direction has its own side. Declarations that matter to Arabic
text whatever the side (letter-spacing, italic) and CSS that sets direction instead
of markup are listed too. Runs once per stylesheet.
"""

from __future__ import annotations

import re

import tinycss2

MAX_ITEMS = 500  # per stylesheet: a huge framework file stays readable

SIDE = {"left": "right", "right": "left"}
LOGICAL_SIDE = {"left": "start", "right": "end"}  # as authored for left-to-right
# Physical property -> its logical replacement.
PROPERTIES = {
    "margin-left": "margin-inline-start", "margin-right": "margin-inline-end",
    "padding-left": "padding-inline-start", "padding-right": "padding-inline-end",
    "border-left": "border-inline-start", "border-right": "border-inline-end",
    "left": "inset-inline-start", "right": "inset-inline-end",
    "border-top-left-radius": "border-start-start-radius", "border-top-right-radius": "border-start-end-radius",
    "border-bottom-left-radius": "border-end-start-radius", "border-bottom-right-radius": "border-end-end-radius",
}
for _side in ("left", "right"):
    for _part in ("width", "style", "color"):
        PROPERTIES[f"border-{_side}-{_part}"] = f"border-inline-{LOGICAL_SIDE[_side]}-{_part}"
KEYWORD_PROPERTIES = {"float", "clear", "text-align"}  # physical only with the values left/right
BOX_SHORTHANDS = {"margin": "margin-inline", "padding": "padding-inline", "inset": "inset-inline",
                  "border-width": "border-inline-width", "border-style": "border-inline-style",
                  "border-color": "border-inline-color"}
# ... or by a class naming a right-to-left language (.lang-ar, .column--fa, .persian): a bare
# .fa is Font Awesome's, so a code needs a separator before it.
RTL_SCOPE = re.compile(
    r"""(?:html|body|:root)?(?:\[dir=["']?rtl["']?(?:\s+[is])?\]|\.(?:[\w-]*[-_])?rtl(?![\w])|:dir\(rtl\)|:lang\((?:ar|he|fa|ur)[^)]*\)|\[lang[|^]?=["']?(?:ar|he|fa|ur)[^\]]*\])"""
    r"""|\.[\w-]*[-_](?:ar|fa|he|ur)(?![\w-])|\.(?:[\w-]*[-_])?(?:arabic|persian|farsi|hebrew|urdu)(?:[-_][\w-]*)?(?![\w-])""",
    re.I,
)
# Scoped to left-to-right or to a left-to-right language: never applies to Arabic text.
LTR_SCOPE = re.compile(
    r"""\[dir=["']?ltr["']?\]|\.ltr\b|:dir\(ltr\)|:lang\((?!ar|he|fa|ur)|\[lang[|^]?=["']?(?!ar|he|fa|ur)""", re.I)
# The same, as a whole scope to take off a selector.
LTR_PREFIX = re.compile(
    r"""(?:html|body|:root)?(?:\[dir=["']?ltr["']?(?:\s+[is])?\]|\.ltr(?![\w-])|:dir\(ltr\)"""
    r"""|:lang\((?!ar|he|fa|ur)[^)]*\)|\[lang[|^]?=["']?(?!ar|he|fa|ur)[^\]]*\])""", re.I)
# A utility class that names its side (Tailwind's .ml-4, .pr-2, .left-10, .text-right, .rounded-l-lg,
# .border-r), whatever its variant prefix (md:, hover:) or sign.
SIDE_UTILITY = re.compile(r"^\.(?:[\w-]+\\:)*\\?!?-?(?:(?:scroll-)?[mp][lr]-|(?:border|rounded)-(?:[tb])?[lr](?![a-z0-9])"
                          r"|(?:[\w-]+-)?(?:left|right)(?![a-z0-9]))")
TAILWIND = "--tw-"  # the custom properties of every Tailwind build
PSEUDO = re.compile(r"::?(?:before|after)\s*$", re.I)
PIXELS = re.compile(r"^(\d+(?:\.\d+)?)px$")
LARGE_SHAPE_PX = 100  # a ::before or ::after this large, pushed past its box, is decoration
ZERO = re.compile(r"^[+-]?0*\.?0+(?:[a-z%]+)?$", re.I)


def analyse(url: str, css: str) -> list[dict]:
    """Every direction-sensitive declaration of the stylesheet at `url`, in source order.

    Each item: {kind, url, line, selector, property, value, fix}; kind is physical,
    letter-spacing, italic, direction or unicode-bidi. A physical one of Tailwind's utility
    classes naming its side (.ml-4) has `utility`: it is there because the markup uses it."""
    rules = list(_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)))
    tailwind = TAILWIND in css
    scoped: set[tuple[str, str]] = set()  # (base selector, property) set for one direction only
    for selectors, decls, _ in rules:
        for selector in selectors:
            base = _rtl_base(selector)
            if base is None and LTR_PREFIX.search(selector):
                base = _norm(LTR_PREFIX.sub("", selector))
            if base is not None:
                scoped.update((base, name) for name, _, _ in decls)
    items: list[dict] = []
    for selectors, decls, line in rules:
        for name, value, decl_line in decls:
            if name == "direction" and value.lower().startswith("ltr"):
                # what right-to-left pages show left to right, scoped to them or not
                boxes = [s for s in selectors if not LTR_SCOPE.search(s)]
                if boxes:
                    items.append({"kind": "ltr-box", "url": url, "line": decl_line or line, "selector": ", ".join(boxes),
                                  "property": name, "value": value, "fix": None, "subjects": subject_keys(boxes)})
        plain = [s for s in selectors if _rtl_base(s) is None and not LTR_SCOPE.search(s)]
        if not plain:
            continue
        values = {name: value for name, value, _ in decls}
        for name, value, decl_line in decls:
            kind, fix = classify(name, value, values)
            if kind is None:
                continue
            if kind == "physical" and _bleeding_shape(plain, name, value, values):
                continue
            kept = [s for s in plain if not (kind == "physical" and _overridden(s, name, scoped))]
            if not kept:
                continue
            item = {"kind": kind, "url": url, "line": decl_line or line, "selector": ", ".join(kept),
                    "property": name, "value": value, "fix": fix}
            if kind == "physical" and tailwind and all(SIDE_UTILITY.match(s) and " " not in s for s in kept):
                item["utility"] = True  # generated because the markup uses it, side named and all
            if kind in ("direction", "unicode-bidi"):
                item["subjects"] = subject_keys(kept)
            items.append(item)
            if len(items) >= MAX_ITEMS:
                return items
    return items


def classify(name: str, value: str, rule: dict[str, str]) -> tuple[str | None, str | None]:
    """(kind, logical fix) of one declaration; kind None when direction does not matter."""
    low = value.lower().replace("!important", "").strip()
    if name in PROPERTIES:
        counterpart = name.replace("left", "\0").replace("right", "left").replace("\0", "right")
        if rule.get(counterpart, "").lower().strip() == low:
            return None, None  # the same on both sides: nothing to mirror
        if name in ("left", "right") and (low == "auto" or (ZERO.match(low) and _full_width(rule))):
            return None, None  # a box as wide as its container sits the same from either side
        if name in ("left", "right") and low == "50%":
            # centring (with translate(-50%) or a negative margin): the box sits in the middle
            # from either side, and inset-inline-start: 50% would move it off the middle in RTL
            return None, None
        return "physical", f"{PROPERTIES[name]}: {value}"
    if name in KEYWORD_PROPERTIES and low in SIDE:
        target = "text-align" if name == "text-align" else name
        return "physical", f"{target}: {'' if name == 'text-align' else 'inline-'}{LOGICAL_SIDE[low]}"
    if name in BOX_SHORTHANDS:
        parts = _components(low)
        if len(parts) == 4 and parts[1] != parts[3]:
            return "physical", f"{BOX_SHORTHANDS[name]}: {parts[3]} {parts[1]}"
        return None, None
    if name == "border-radius":
        parts = _components(low)
        if "/" not in low and len(parts) >= 3:
            corners = parts + [parts[1]] * (4 - len(parts))  # a b c -> a b c b
            if corners[0] != corners[1] or corners[2] != corners[3]:
                return "physical", ("border-start-start-radius: {0}; border-start-end-radius: {1}; "
                                    "border-end-end-radius: {2}; border-end-start-radius: {3}").format(*corners)
        return None, None
    if name in ("background-position", "background-position-x"):
        words = re.split(r"[\s,]+", low)
        x = words[0] if words else ""
        if "left" in words or "right" in words or (x and x not in ("center", "50%", "top", "bottom") and not ZERO.match(x)):
            return "physical", f"{name} mirrored under [dir=rtl] (or background-position-x: right ...)"
        return None, None
    if name == "transform" and "translatex(" in low.replace(" ", ""):
        arg = low.replace(" ", "").split("translatex(", 1)[1].split(")", 1)[0]
        if not ZERO.match(arg) and arg.lstrip("+-") != "50%":  # -50% centres a box placed at 50%
            return "physical", "the opposite translateX under [dir=rtl], or translate with a logical custom property"
        return None, None
    if name == "letter-spacing" and low not in ("normal", "0", "inherit", "initial", "unset") and not ZERO.match(low):
        return "letter-spacing", "letter-spacing: normal for Arabic script"
    if name == "font-style" and low in ("italic", "oblique"):
        return "italic", "font-style: normal for Arabic script"
    if name == "direction":
        return "direction", 'the dir attribute in the markup (dir="rtl" on <html>)'
    if name == "unicode-bidi" and low not in ("normal", "inherit", "initial", "unset"):
        return "unicode-bidi", "<bdi> or the dir attribute in the markup"
    return None, None


def _bleeding_shape(selectors: list[str], name: str, value: str, rule: dict[str, str]) -> bool:
    """A large ::before or ::after shape pushed past its box's edge (a hero's glow at
    right: -160px, 400px wide) is decoration: the corner it bleeds from says nothing of
    reading order. A small one (a speech bubble's tail) still points one way."""
    if name not in ("left", "right") or not value.strip().startswith("-"):
        return False
    if not all(PSEUDO.search(s) for s in selectors):
        return False
    sizes = [PIXELS.match(rule.get(d, "").strip().lower()) for d in ("width", "height")]
    return any(m and float(m.group(1)) >= LARGE_SHAPE_PX for m in sizes)


def _components(value: str) -> list[str]:
    """The space-separated parts of a value, a function with its arguments as one:
    rgba(255, 255, 255, 0.15) is one colour, not four sides."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(value + " "):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch.isspace() and depth == 0:
            if i > start:
                parts.append(value[start:i])
            start = i + 1
    return parts


def _full_width(rule: dict[str, str]) -> bool:
    width = rule.get("width", "").lower().replace("!important", "").strip()
    return width in ("100%", "100vw")


def subject(selector: str) -> tuple[str | None, list[str]]:
    """The tag and classes of the element a selector matches (its last compound)."""
    compound = re.split(r"\s*[\s>+~]\s*", selector.strip())[-1]
    compound = re.sub(r"::?[\w-]+(\([^)]*\))?|\[[^\]]*\]|#[\w-]+", "", compound)
    tag = re.match(r"^[a-zA-Z][\w-]*", compound)
    classes = re.findall(r"\.([\w-]+)", compound)
    return (tag.group(0).lower() if tag else None), classes


def subject_keys(selectors: list[str]) -> list[list[str]]:
    """Per selector, the keys its subject is matched by ('pre'; '.highlight'; 'code.x',
    '.y' for code.x.y); [] for a selector that names neither tag nor class."""
    out = []
    for selector in selectors:
        tag, classes = subject(selector)
        tag = None if tag == "*" else tag
        out.append([f"{tag}.{c}" if tag else f".{c}" for c in classes] if classes else ([tag] if tag else []))
    return out


def matches(selector: str, keys: set[str]) -> bool:
    """Whether a selector's subject is one of the elements in `keys` ('p', '.price',
    'p.price': the tags and classes of elements holding Arabic text)."""
    tag, classes = subject(selector)
    if not classes:
        return tag is None or tag == "*" or tag in keys
    wanted = [f"{tag}.{c}" if tag else f".{c}" for c in classes]
    return all(w in keys for w in wanted)


def _rules(nodes, depth: int = 0):
    """(selectors, [(property, value, line)], line) of every style rule, nested ones too."""
    for node in nodes:
        if node.type == "qualified-rule":
            selectors = [s.strip() for s in tinycss2.serialize(node.prelude).split(",") if s.strip()]
            decls = [
                (d.lower_name, tinycss2.serialize(d.value).strip() + (" !important" if d.important else ""), d.source_line)
                for d in tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True)
                if d.type == "declaration"
            ]
            yield selectors, decls, node.source_line
        elif node.type == "at-rule" and node.content is not None and depth < 4 \
                and node.lower_at_keyword in ("media", "supports", "layer", "container", "document"):
            yield from _rules(tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True), depth + 1)


def _rtl_base(selector: str) -> str | None:
    """The selector without its right-to-left scope, or None when it has none."""
    if not RTL_SCOPE.search(selector):
        return None
    return _norm(RTL_SCOPE.sub("", selector))


def _norm(selector: str) -> str:
    return " ".join(selector.replace(">", " > ").split()).strip(" >").lower()


def _overridden(selector: str, name: str, scoped: set[tuple[str, str]]) -> bool:
    """Whether a rule for one direction sets the property (or its mirror, or its shorthand)
    for the same selector: the plain rule is then the other direction's."""
    base = _norm(selector)
    counterpart = name.replace("left", "\0").replace("right", "left").replace("\0", "right")
    shorthand = name.split("-")[0]
    return any((base, p) in scoped for p in (name, counterpart, shorthand))
