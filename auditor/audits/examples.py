"""Hand-built artifacts: a healthy page and whole-site facts consistent with a few pages.

An audit declares its failing examples with them (`Audit.examples`), and the tests
build their pages with them: no crawl, no browser, no reactor.
"""

from __future__ import annotations

from collections import Counter

from auditor.model import Image, Link, PageRecord, Resource, Site
from auditor.text.langtags import primary

BASE = "https://shop.example"


def make_page(path: str = "/", **overrides) -> PageRecord:
    """A healthy 200 HTML page; override any field to plant a defect."""
    url = overrides.pop("url", BASE + path)
    page = PageRecord(
        url=url,
        status=200,
        final_url=url,
        content_type="text/html",
        is_html=True,
        lang="ar",
        dir="rtl",
        title="محمصة المثال | قهوة مختصة",
        meta={"description": "قهوة مختصة محمصة طازجة في الرياض", "viewport": "width=device-width, initial-scale=1"},
        canonicals=[url],
        headings=[{"level": 1, "text": "قهوة مختصة"}, {"level": 2, "text": "منتجاتنا"}],
        links=[Link(BASE + "/", "الرئيسية", region="nav")],
        images=[Image(BASE + "/logo.svg", alt="شعار", width="120", height="40")],
        resources=[Resource(BASE + "/style.css", "stylesheet", True)],
        text="كلمة " * 400,
        word_count=400,
        depth=1,
    )
    for name, value in overrides.items():
        assert hasattr(page, name), f"PageRecord has no field {name}"
        setattr(page, name, value)
    return page


def make_site(pages: list[PageRecord] = (), **overrides) -> Site:
    """Whole-site facts consistent with `pages` (statuses, shared titles...)."""
    status = {p.url: p.status for p in pages}
    titles = Counter(p.title for p in pages if p.ok_html and p.title)
    descriptions = Counter(p.meta.get("description") for p in pages if p.ok_html and p.meta.get("description"))
    site = Site(
        start_urls=[BASE + "/"],
        status=status,
        redirects={p.url: p.redirect_to for p in pages if p.redirect_to},
        title_counts=Counter({t: n for t, n in titles.items() if n > 1}),
        description_counts=Counter({d: n for d, n in descriptions.items() if n > 1}),
        hreflang={p.url: p.hreflang for p in pages if p.hreflang},
        languages=frozenset(primary(p.lang) for p in pages if p.lang),
    )
    for name, value in overrides.items():
        setattr(site, name, value)
    return site


# -- the shapes an example takes -------------------------------------------------------


def with_site(page: PageRecord, *others: PageRecord, **site_overrides) -> tuple[PageRecord, Site]:
    """`page` (the one the finding is on) in a site of it and `others`."""
    return page, make_site([page, *others], **site_overrides)


def alone(**overrides) -> tuple[PageRecord, Site]:
    """One page, /p, with `overrides`, alone in its site."""
    return with_site(make_page("/p", **overrides))


def redirect(path: str, to: str) -> PageRecord:
    return make_page(path, status=301, is_html=False, redirect_to=BASE + to)


AR, EN = BASE + "/ar/", BASE + "/en/"
ALTERNATES = [{"lang": "ar", "href": AR}, {"lang": "en", "href": EN}, {"lang": "x-default", "href": EN}]


def hreflang_pair(ar_entries=ALTERNATES, en_entries=ALTERNATES, en_status=200) -> tuple[PageRecord, Site]:
    """An Arabic and an English page naming each other as alternates."""
    return with_site(make_page("/ar/", hreflang=list(ar_entries)),
                     make_page("/en/", status=en_status, hreflang=list(en_entries)))


# What rendering found on a template page whose scripts add links, text and head tags.
JS_RENDERED = {"rendered": True, "reason": "template", "html": {"title": "Shop", "h1": [], "words": 10, "links": 1},
               "links_added": [BASE + "/p/1", BASE + "/p/2"], "links_added_count": 2, "words_added": 390,
               "head_changed": ["title"]}
