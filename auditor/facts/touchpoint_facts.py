"""The whole-site touchpoint facts, read from the run store before the audits run."""

from __future__ import annotations

from auditor.store.runs import Store
from auditor.text.touchpoints import KINDS, address_signal, page_kinds, page_sales_signal, text_kinds

ADDRESS_KINDS = ("contact", "about")  # the pages where a visitor looks for a physical address
# A shop shows its prices, cart or checkout on many pages and near the top of them:
# looking through the first pages and the start of their text is enough, and keeps the
# pass cheap on sites that sell nothing.
SALES_PAGES = 300
SALES_TEXT_CHARS = 4000


def gather(store: Store) -> dict:
    """`touchpoints`, `touchpoint_distance`, `sales_signal` and `address_evidence` of `Site`."""
    touchpoints, sales = _read_pages(store)
    return {
        "touchpoints": touchpoints,
        "touchpoint_distance": store.touchpoint_distance(touchpoints),
        "sales_signal": sales,
        "address_evidence": address_evidence(store, touchpoints),
    }


def find_touchpoints(store: Store) -> dict[str, list[str]]:
    return _read_pages(store)[0]


def _read_pages(store: Store) -> tuple[dict[str, list[str]], dict | None]:
    """One pass over the pages and one over the link texts: kind -> the 200 HTML pages
    that are that touchpoint (from each page's URL, title and h1 and the anchor texts of
    the links to it), and the first page showing that the site sells."""
    found: dict[str, set[str]] = {}
    selling: dict[str, str] = {}
    for seen, record in enumerate(store.page_dicts()):
        url = record["url"]
        h1 = [h.get("text") or "" for h in record.get("headings") or () if h.get("level") == 1]
        for kind in page_kinds(url, record.get("title"), h1):
            found.setdefault(url, set()).add(kind)
        if seen < SALES_PAGES:
            links = [(link.get("href") or "", link.get("text") or "") for link in record.get("links") or ()]
            signal = page_sales_signal(record.get("title"), (record.get("text") or "")[:SALES_TEXT_CHARS], links)
            if signal:
                selling[url] = signal
    # the shallowest page showing it, whatever order the crawl stored pages in
    depth = store.depths(selling)
    first = min(selling, key=lambda u: (depth.get(u) is None, depth.get(u) or 0, u), default=None)
    sales = {"url": first, "signal": selling[first]} if first else None
    redirects = store.redirects()
    for dst, texts in store.link_labels():
        kinds = set().union(*(text_kinds(t) for t in texts.split("\n")))
        if kinds:
            found.setdefault(_final(dst, redirects), set()).update(kinds)
    pages = store.ok_html_urls(found)
    out = {kind: sorted(u for u in pages if kind in found[u]) for kind in KINDS}
    return {kind: urls for kind, urls in out.items() if urls}, sales


def address_evidence(store: Store, touchpoints: dict[str, list[str]]) -> dict[str, str]:
    urls = sorted({u for kind in ADDRESS_KINDS for u in touchpoints.get(kind, ())})
    out = {}
    for page in store.iter_pages(urls):
        signal = address_signal(page.text)
        if signal:
            out[page.url] = signal
    return out


def _final(url: str, redirects: dict[str, str]) -> str:
    """Where a URL's redirect chain ends (the URL itself when it does not redirect)."""
    seen = {url}
    while url in redirects and redirects[url] not in seen:
        url = redirects[url]
        seen.add(url)
    return url


def summary(touchpoints: dict[str, list[str]], shown: int = 5) -> dict[str, dict]:
    """What result.json says of the touchpoints: every kind with its page count and first pages."""
    return {kind: {"count": len(touchpoints.get(kind, ())), "urls": touchpoints.get(kind, [])[:shown]} for kind in KINDS}
