"""Placeholder text and images left on a live page: lorem ipsum, a theme's sample posts
and descriptions, images named placeholder or served by placeholder services."""

import re
from urllib.parse import urlsplit

from auditor.audits.base import Audit, Meta
from auditor.audits.examples import BASE, alone
from auditor.model import Image

# Filler text, in Latin and its common Arabic equivalents.
FILLER = re.compile(r"\blorem ipsum\b|\bdolor sit amet\b|\bconsectetur adipiscing elit\b|لوريم [إا]يبسوم"
                    r"|هذا النص هو مثال لنص يمكن أن يستبدل|هذا نص تجريبي", re.I)
# What starter themes and site generators ship as sample content.
STARTER = re.compile(
    r"\bexample (?:article|page|post|site) description\b|\bjust another wordpress site\b"
    r"|\bwelcome to wordpress\. this is your first post\b|\bthis is (?:my|your) first (?:blog )?post\b"
    r"|\bwelcome to (?:jekyll|docusaurus|hugo)\b|\byour (?:site|blog) description(?: here)?\b"
    r"|\b(?:insert|add|enter) (?:your )?text here\b|\bsite description goes here\b"
    # a template's note to its author: "[Add your English story content here]", in Arabic and Persian too
    r"|\b(?:add|insert|enter|write|paste|put|place) (?:your|the)(?: [\w-]+){0,3} (?:content|text|copy|description) here\b"
    r"|\b(?:your )?(?:content|text|copy) goes here\b"
    r"|(?:أضف|اضف|اكتب|ضع|أدخل|ادخل) (?:\S+ ){0,2}(?:المحتوى|النص|نصك|محتواك|الوصف) هنا"
    r"|(?:متن|محتوا|محتوای)(?: \S+){0,3} را اینجا (?:بنویسید|وارد کنید|اضافه کنید|قرار دهید)", re.I)
# Sample posts' whole titles: only as a title or a heading, never inside a sentence.
STARTER_TITLES = frozenset({"hello world", "hello world!", "sample page", "my first post", "my new post", "new post",
                            "sample post", "test post", "test page", "blog post title", "post title", "page title",
                            "untitled"})
# Words one of the two patterns above needs, lower case: a page whose text holds none
# (most pages) is not searched with them, as case-insensitive alternatives cost the regex
# engine a try at every character.
# One word stands for several alternatives (" here" for "text here", "goes here"...): each
# is a scan of the whole text.
NEEDED = ("lorem ipsum", "dolor sit amet", "consectetur adipiscing elit", "لوريم ", "هذا النص هو مثال", "هذا نص تجريبي",
          "description", "wordpress", "first", "welcome to", " here", " هنا", "را اینجا")
TITLE_PARTS = re.compile(r"\s+[|\-–—·:»]\s+")  # "My First Post | Site name"
PLACEHOLDER_NAME = re.compile(r"^dummy[-_.]|^no[-_]?image\.", re.I)
# A stand-in image's name says what slot it fills, not what it shows: placeholder-400x300,
# product_placeholder@2x, PlaceholderImage. AccessiblePlaceholder is a picture of
# something (a guide's screenshot of a placeholder attribute).
NAME_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d\w*")
SLOT_WORDS = frozenset((
    "placeholder", "image", "img", "picture", "pic", "photo", "thumb", "thumbnail", "default", "blank", "empty",
    "generic", "product", "post", "blog", "article", "avatar", "user", "profile", "banner", "hero", "cover", "card",
    "item", "featured", "feature", "logo", "icon", "bg", "background", "small", "medium", "large", "sm", "md", "lg",
    "xl", "square", "wide", "portrait", "landscape", "dark", "light", "gray", "grey", "white", "black", "color",
))
PLACEHOLDER_HOSTS = ("placeholder.com", "placehold.co", "placehold.it", "dummyimage.com", "picsum.photos",
                     "placekitten.com", "fakeimg.pl", "loremflickr.com")
SNIPPET = 60


class PlaceholderContent(Audit):
    meta = Meta(
        id="placeholder-content",
        title="No placeholder content is left on the site",
        failure_title="Placeholder text or images left on live pages",
        description="Lorem ipsum, a theme's sample posts and descriptions (\"Example article description\", "
                    "\"Hello world!\") and images named placeholder tell visitors and search engines that the "
                    "page is unfinished.",
        category="seo",
        impact="serious",
        required_artifacts=("page.title", "page.meta", "page.headings", "page.text", "page.facts._repeated_text",
                            "page.images"),
        help_url="https://developers.google.com/search/docs/fundamentals/creating-helpful-content",
        seo_outcome="Filler text is content with no value: search engines show it in snippets or rank the page "
                    "as low quality (Google Search Central: creating helpful, reliable content).",
        cx_outcome="A visitor who meets lorem ipsum or a sample post doubts the business is real or still "
                   "running, and leaves before contacting or buying.",
        journey=("awareness", "consideration"),
        effort="small",
        messages={
            "text": "The {where} holds placeholder text: «{text}».",
            "image": "A placeholder image is shown: {src}",
        },
        how_to_fix="Replace the filler with the real text and images, or remove the theme's sample posts and "
                   "pages (and their entries in menus and sitemaps).",
    )
    examples = {
        "text": lambda: alone(text="Lorem ipsum dolor sit amet."),
        "image": lambda: alone(images=[Image(BASE + "/img/placeholder-400x300.png", alt="x")]),
    }

    def check(self, page, site):
        seen = set()
        places = list(_places(page))
        # most pages hold none of the words the patterns need: one look at all their short texts
        short = _may_hold_filler(" \n".join(text for where, text in places if where != "main text"))
        for where, text in places:
            match = (FILLER.search(text) or STARTER.search(text)) if short or where == "main text" else None
            starter = _starter_title(text) if where in ("title", "heading") else None
            if match is None and starter is None:
                continue
            found = match.group(0).lower() if match else starter
            if found in seen:
                continue
            seen.add(found)
            yield self.finding(page, "text", snippet=_around(text, match), where=where, text=_around(text, match))
        for image in page.images:
            if _placeholder_image(image.src):
                yield self.finding(page, "image", snippet=image.snippet or image.src, src=image.src)


def _places(page):
    if page.title:
        yield "title", page.title
    if page.meta.get("description"):
        yield "meta description", page.meta["description"]
    for heading in page.headings:
        yield "heading", heading.get("text") or ""
    # the text shown on many pages too: a template's placeholder repeats on every page left unwritten
    for text in (page.text or "", page.facts.get("_repeated_text") or ""):
        # Neither pattern spans a line break, so a block matches only where the whole text does.
        if _may_hold_filler(text) and (FILLER.search(text) or STARTER.search(text)):
            for block in text.split("\n\n"):
                yield "main text", block


def is_placeholder(text: str) -> bool:
    """Whether a short text (a title, a description) is placeholder text: shared by many
    pages, it is one unwritten value, not each page's own duplicate."""
    return bool((_may_hold_filler(text) and (FILLER.search(text) or STARTER.search(text))) or _starter_title(text))


def _may_hold_filler(text: str) -> bool:
    """False when neither FILLER nor STARTER can match `text`. Lower case as the regex
    engine's IGNORECASE reads it: ı and ſ match i and s, İ matches i (lower() gives i and a dot)."""
    folded = text.lower().replace("ı", "i").replace("ſ", "s").replace("i\u0307", "i")
    return any(word in folded for word in NEEDED)


def _starter_title(text: str) -> str | None:
    parts = [" ".join(part.split()).lower() for part in TITLE_PARTS.split(text)]
    return next((part for part in parts if part in STARTER_TITLES), None)


def _around(text: str, match) -> str:
    if match is None:
        return " ".join(text.split())[:SNIPPET]
    start, end = max(0, match.start() - 20), min(len(text), match.end() + SNIPPET)
    return ("…" if start else "") + " ".join(text[start:end].split()) + ("…" if end < len(text) else "")


def _placeholder_image(src: str) -> bool:
    if not src or src.startswith("data:"):
        return False
    parts = urlsplit(src)
    host = (parts.hostname or "").lower()
    name = parts.path.rsplit("/", 1)[-1]
    return (any(host == h or host.endswith("." + h) for h in PLACEHOLDER_HOSTS) or bool(PLACEHOLDER_NAME.search(name))
            or _placeholder_name(name))


def _placeholder_name(name: str) -> bool:
    """Whether a file name is placeholder and words naming a slot only (before the first
    dot: a build tool's hash follows it, AccessiblePlaceholder.IvJOiQV8.png)."""
    words = [w.lower().removesuffix("s") if len(w) > 3 else w.lower() for w in NAME_WORDS.findall(name.split(".", 1)[0])]
    return "placeholder" in words and all(w in SLOT_WORDS or w[0].isdigit() for w in words)
