"""Hand-built artifacts for audit tests: no crawl, no browser, no reactor."""

from __future__ import annotations

from collections import Counter

from auditor.audits.base import Site
from auditor.model import Image, Link, PageRecord, Resource

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
    )
    for name, value in overrides.items():
        setattr(site, name, value)
    return site


def findings(audit, page: PageRecord, site: Site | None = None) -> list:
    """The findings of one audit on one page (empty when it does not apply)."""
    site = site or make_site([page])
    if not audit.applies(page, site):
        return []
    return list(audit.check(page, site))
