"""Page templates: which pages share a layout, so that measuring a few measures them all.

A page's template is its layout first: the tag-and-class skeleton of its body, with the
inside of the main content, of sections, navigation, lists, tables and forms left out
(those vary from page to page of one template), text and what is never shown (scripts)
left out wherever they are (a page without <main> writes its headings and paragraphs
straight into <body>), and the classes that mark state (active, current, open) ignored.
Pages in another language or direction render differently, so they are apart. The
layout is read once per page, in the crawl (`page_layout`).

The URL pattern is a second signal, used across the site (`assign`): within one layout,
URL patterns that each hold many pages (a shop's product and category pages built on one
theme) become templates of their own when their pages are built otherwise than the rest
of the layout's: their content holds a form to fill (a product's add to cart) or a long
list of links (a category's grid) where most of the layout's pages do not, or the other
way round (`content_shape`). The thirty sections of a documentation site, articles all,
stay one template; so do small sections.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import islice
from urllib.parse import urlsplit

NUMBER = re.compile(r"\d+")
DATE = re.compile(r"^\d{4}(-\d{2}){0,2}$")
# Elements whose inside varies between pages of one template: recorded, not entered.
LEAVES = {"nav", "aside", "section", "ul", "ol", "dl", "table", "form", "select", "svg", "picture", "figure",
          "iframe", "video", "audio", "canvas", "button", "input", "label"}
# Text and its inline parts, a page's own words however its template places them (a
# question's heading and paragraph straight under <body>, a credit line in the footer),
# and what is never shown: not recorded at all.
TEXT = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "span", "img", "br", "hr", "em", "strong", "b", "i", "u",
        "small", "abbr", "cite", "q", "sup", "sub", "code", "kbd", "mark", "time", "bdi", "bdo", "blockquote", "pre",
        "script", "style", "template", "noscript", "link", "meta"}
STATE_CLASS = re.compile(r"active|current|selected|open|expanded|collapsed|show|hidden|visible|js-|is-|has-")
MAX_DEPTH = 8
# A URL pattern becomes a template of its own within a layout when it has this many pages
# (and its pages are shaped otherwise than the layout's, where their shape is known).
SPLIT_MIN_PAGES = 10
LISTING_LINKS = 20  # links in a page's content that make it a list of other pages
FILLED = ("text", "number", "email", "tel", "url", "password", "date", "radio", "checkbox", "")


def _token(el) -> str:
    classes = sorted(c for c in (el.get("class") or "").split() if not STATE_CLASS.search(c) and not NUMBER.search(c))
    return el.tag + "".join("." + c for c in classes[:4])


def _content(body):
    """The element holding the page's own content: its <article>, else <main> or role=main.
    A page of several articles (a blog's list of posts, a grid of cards) is a list: its
    <main>, or the first article's parent, holds the content, however many they are."""
    articles = list(islice(body.iter("article"), 2))
    if len(articles) == 1:
        return articles[0]
    for el in body.iter("main"):
        return el
    for el in body.iter():
        if el.get("role") == "main":
            return el
    return articles[0].getparent() if articles else None


def page_layout(root, lang: str | None, direction: str | None) -> tuple[str, str]:
    """(layout key, content shape) of a page: its layout and the language and direction it
    is rendered in, and how its content is built. Its content is found once for both."""
    body = root.find("body")
    if body is None:
        body = root
    content = _content(body)
    language = (lang or "").replace("_", "-").split("-")[0].lower() or "?"
    key = f"{language}/{(direction or 'ltr').lower()} {layout_signature(body, content)}"
    return key, content_shape(body if content is None else content)


def layout_signature(body, content) -> str:
    """A short hash of the page's skeleton (see the module docstring)."""
    paths: set[str] = {_token(body)}

    def walk(el, path: str, depth: int) -> None:
        for child in el:
            if not isinstance(child.tag, str) or child.tag in TEXT:
                continue
            here = f"{path}>{_token(child)}"
            paths.add(here)
            if child is not content and child.tag not in LEAVES and depth < MAX_DEPTH:
                walk(child, here, depth + 1)

    walk(body, "body", 0)
    return hashlib.blake2s("\n".join(sorted(paths)).encode(), digest_size=5).hexdigest()


def content_shape(content) -> str:
    """How a page's own content is built, as far as it sets a page type apart: "f" when
    it holds a form to fill in (a field other than search, hidden or a button), "l" when
    it holds LISTING_LINKS links or more, both ("fl") or neither ("")."""
    fields = (el for el in content.iter("input", "select", "textarea")
              if el.tag != "input" or (el.get("type") or "").strip().lower() in FILLED)
    form = any(not _searches(el) for el in fields)
    links = sum(1 for _ in islice(content.iter("a"), LISTING_LINKS)) >= LISTING_LINKS
    return ("f" if form else "") + ("l" if links else "")


def _searches(field) -> bool:
    form = next(field.iterancestors("form"), None)
    return form is not None and ("search" in (form.get("role") or "") or "search" in (form.get("action") or "")
                                 or "search" in (field.get("name") or "") or field.get("name") == "q")


def _segment(segment: str) -> str:
    if DATE.match(segment):
        return "{date}"
    return NUMBER.sub("{n}", segment)


def url_pattern(url: str) -> str:
    """The URL with numbers, dates and the last non-empty path segment generalised:
    /p/123.html -> /p/*, /blog/2024/05/post/ -> /blog/{date}/{date}/*/."""
    parts = urlsplit(url)
    segments = [_segment(s) for s in parts.path.split("/")]
    last = max((i for i, s in enumerate(segments) if s), default=None)
    if last is not None:
        extension = segments[last].rsplit(".", 1)[1] if "." in segments[last] else ""
        segments[last] = "*." + extension if extension in ("html", "htm", "php", "aspx") else "*"
    query = "?" + ",".join(sorted(k.split("=")[0] for k in parts.query.split("&"))) if parts.query else ""
    return "/".join(segments) + query


def assign(rows: Iterable[tuple]) -> dict[str, str]:
    """URL -> template key, for (url, layout key[, content shape]) rows of the site's HTML
    pages. A key reads as a URL pattern, with its layout in brackets: `/p/*.html [ar/rtl
    3fa2c1d0e9]`; a layout's pages outside its big patterns read as its commonest pattern
    and `…`. Without a shape (None: a page stored before shapes were), a big pattern is
    split off whatever its pages hold."""
    rows = [(row[0], row[1], row[2] if len(row) > 2 else None) for row in rows]
    # A page that declares no language renders like its declared siblings of the same
    # direction and skeleton: it joins them rather than making a template of its own.
    declared = {layout.split("/", 1)[1]: layout for _, layout, _ in rows if layout and not layout.startswith("?/")}
    by_layout: dict[str, list[str]] = defaultdict(list)
    shape_of = {}
    for url, layout, shape in rows:
        if layout and layout.startswith("?/"):
            layout = declared.get(layout.split("/", 1)[1], layout)
        by_layout[layout or "?"].append(url)
        shape_of[url] = shape
    template_of = {}
    for layout, urls in by_layout.items():
        pattern_of = {u: url_pattern(u) for u in urls}
        patterns = Counter(pattern_of.values())
        shapes: dict[str, Counter] = defaultdict(Counter)  # pattern -> its pages' shapes
        for url in urls:
            shapes[pattern_of[url]][shape_of[url]] += 1
        usual = _commonest(sum(shapes.values(), Counter()))
        # (a pattern's shape is unknown only where the layout's is)
        big = {p for p, n in patterns.items()
               if n >= SPLIT_MIN_PAGES and (usual is None or _commonest(shapes[p]) != usual)}
        if len(big) == 1 and patterns[next(iter(big))] == len(urls):
            big = set()  # one pattern for the whole layout: nothing to split
        rest = Counter(p for p in pattern_of.values() if p not in big)
        rest_name = (_most(rest) + (" \u2026" if len(rest) > 1 else "")) if rest else ""
        for url in urls:
            pattern = pattern_of[url]
            template_of[url] = f"{pattern if pattern in big else rest_name} [{layout}]"
    return template_of


def _commonest(shapes: Counter) -> str | None:
    """The shape most of the pages have; None when one of them has none known."""
    return None if None in shapes or not shapes else _most(shapes)


def _most(counts: Counter) -> str:
    """The commonest value; of those as common, the first in sorted order, not the first
    the crawl happened to fetch: the same site gets the same names in every run."""
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


def template_pattern(key: str | None) -> str | None:
    """The URL pattern part of a template key (`/p/* [ar/rtl 3fa2c]` -> `/p/*`; `*` for a whole layout)."""
    return key.split(" [", 1)[0] if key else None


def template_layout(key: str | None) -> str | None:
    """The layout part of a template key, language and direction left out (`/p/* [ar/rtl 3fa2c]` -> `3fa2c`)."""
    return key.rstrip("]").rsplit(" ", 1)[-1] if key and " [" in key else None
