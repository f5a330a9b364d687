"""The kind of site (shop, services, content, documentation), from several independent
signals its pages give, so that one word in one article does not make a shop.

A page gives signals of a few families. A declaration the site's own tools wrote
(schema.org types, a documentation generator's <meta name="generator">) weighs 2, and 4 on
the start page, where a site says what it is (a business's blog does not make it a
publication: LocalBusiness on the home page outweighs Article markup and a feed); a sign
read from the page (a price, a cart word, a cart link, code blocks, a feed) weighs 1, and 2
when a fifth of the pages looked at show it (code listings on most pages make a reference,
"checkout" in one article of thousands does not make a shop). A kind is chosen when its
families weigh 2 or more; otherwise the site is assumed to be content. Pure functions over
plain page dicts (PageRecord.to_dict()).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

from auditor.text.touchpoints import _SALES_HINTS, _SALES_PATH, _SALES_PATTERNS

KINDS = ("shop", "documentation", "services", "content")  # on a tie, the first wins
FALLBACK = "content"
WEIGHT = {"product markup": 2, "docs generator": 2, "docs markup": 2, "service markup": 2, "article markup": 2}
# The start page is where a site says what it is: its declaration weighs twice (a shop or
# a business with a blog declares Store or LocalBusiness there, its posts Article).
START_PAGE_FACTOR = 2
CHOSEN_AT = 2
COMMON_SHARE = 0.2  # a sign on this share of the pages looked at (and on 3 or more) weighs 2
COMMON_PAGES = 3
# the family of each signal, and the kind it speaks for
FAMILY = {
    "product markup": "shop", "price": "shop", "cart words": "shop", "cart link": "shop",
    "docs generator": "documentation", "docs markup": "documentation", "code blocks": "documentation",
    "service markup": "services", "article markup": "content", "feed": "content",
}
PRODUCT_TYPES = {"Product", "ProductGroup", "Offer", "AggregateOffer", "IndividualProduct", "ProductModel"}
# An offer sells whatever it offers: goods, or a service (a LocalBusiness's OfferCatalog).
OFFER_TYPES = {"Offer", "AggregateOffer"}
DOCS_TYPES = {"TechArticle", "APIReference", "SoftwareSourceCode"}
SERVICE_TYPES = {"Service", "ProfessionalService", "LocalBusiness", "FinancialService", "LegalService",
                 "MedicalBusiness", "HomeAndConstructionBusiness", "EmploymentAgency", "TravelAgency"}
ARTICLE_TYPES = {"Article", "BlogPosting", "NewsArticle", "Blog", "Report", "ScholarlyArticle"}
# generators that only build documentation (a general site generator like Hugo or Jekyll says nothing)
_DOCS_GENERATOR = re.compile(r"mkdocs|docusaurus|sphinx|docsy|vuepress|vitepress|gitbook|antora|docfx|nextra"
                             r"|starlight|read the docs|jsdoc|pdoc|typedoc|doxygen|hugo-book|just the docs", re.I)
_PRICE_SIGNALS = {"ر.س", "SAR", "price"}
CODE_SHARE = 0.15  # a page whose shown text is this much code reads as a reference page


def page_signals(page: dict, text_chars: int = 4000) -> dict[str, str]:
    """signal -> what showed it on this page (a type, a generator, the word or price)."""
    out: dict[str, str] = {}
    marks = (page.get("facts") or {}).get("kind") or {}
    types = set(marks.get("types") or ())
    goods = PRODUCT_TYPES - OFFER_TYPES
    # offers beside a service and no product: the service is what is sold
    products = goods if types & SERVICE_TYPES and not types & goods else PRODUCT_TYPES
    for signal, wanted in (("product markup", products), ("docs markup", DOCS_TYPES),
                           ("service markup", SERVICE_TYPES), ("article markup", ARTICLE_TYPES)):
        hit = sorted(types & wanted)
        if hit:
            out[signal] = hit[0]
    generator = ((page.get("meta") or {}).get("generator") or "").strip()
    if _DOCS_GENERATOR.search(generator):
        out["docs generator"] = generator[:60]
    code, shown = marks.get("code") or 0, page.get("html_bytes_text") or 0
    if code and shown and code / shown >= CODE_SHARE:
        out["code blocks"] = f"{round(100 * code / shown)}%"
    links = [(link.get("href") or "", link.get("text") or "") for link in page.get("links") or ()]
    targets = [href for href, _ in links] + [form.get("action") or "" for form in page.get("forms") or ()]
    path = _SALES_PATH.search("\n".join(unquote(t) for t in targets))
    if path:
        out["cart link"] = path.group(0).strip("/?#")
    texts = (page.get("title") or "", (page.get("text") or "")[:text_chars], "\n".join(t for _, t in links if t))
    for text in texts:
        for word in sales_words(text):
            out.setdefault("price" if word in _PRICE_SIGNALS else "cart words", word)
    if any(r.get("kind") == "feed" for r in page.get("resources") or ()):
        out["feed"] = "RSS/Atom"
    return out


def sales_words(text: str) -> list[str]:
    """Every sign of selling in `text` (a price, a cart word), in the order of _SALES."""
    text = unicodedata.normalize("NFKC", text or "")
    low = text.lower()
    if not any(hint in low for hint in _SALES_HINTS):
        return []
    return [name for name, pattern in _SALES_PATTERNS if pattern.search(text)]


def decide(found: dict[str, dict], looked: int = 0) -> dict:
    """The site's kind from `found` (signal -> {value, url}: its first page, `pages`
    showing it of the `looked` pages, and `start_page` when a start page shows it):
    `kind`, the `signals` it rests on ({signal, value, url, pages, start_page}) and
    whether it was `assumed` for want of them."""
    weight = {kind: 0 for kind in KINDS}
    for signal, seen in found.items():
        pages = seen.get("pages", 1)
        common = pages >= COMMON_PAGES and pages >= COMMON_SHARE * looked
        declared = signal in WEIGHT and seen.get("start_page")
        weight[FAMILY[signal]] += max(WEIGHT.get(signal, 1), 2 if common else 1) * (START_PAGE_FACTOR if declared else 1)
    best = max(KINDS, key=lambda k: (weight[k], -KINDS.index(k)))
    assumed = weight[best] < CHOSEN_AT
    kind = FALLBACK if assumed else best
    shown = found if assumed else {s: v for s, v in found.items() if FAMILY[s] == kind}
    order = list(FAMILY)
    signals = [{"signal": s, "value": v["value"], "url": v["url"], "pages": v.get("pages", 1),
                **({"start_page": True} if v.get("start_page") else {})}
               for s, v in sorted(shown.items(), key=lambda x: order.index(x[0]))]
    return {"kind": kind, "signals": signals, "assumed": assumed}
