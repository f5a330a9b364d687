"""The whole-site touchpoint facts, read from the run store before the audits run."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from auditor.facts.page_pass import fed
from auditor.store.runs import Store
from auditor.text.langtags import tag_problem
from auditor.text.site_kind import decide, page_signals
from auditor.text.touchpoints import KINDS, address_signal, help_venue, page_kinds, path_kinds, text_kinds

ADDRESS_KINDS = ("contact", "about")  # the pages where a visitor looks for a physical address
# A site shows what it is (prices, carts, markup, generator) on many pages and near the
# top of them: looking through the first pages and the start of their text is enough, and
# keeps the pass cheap.
KIND_PAGES = 300
SALES_TEXT_CHARS = 4000


class TouchpointPages:
    """Fed every stored page's record (the one pass over the store's pages): kind -> the
    200 HTML pages that are that touchpoint (from each page's URL, title and h1, and after
    the pass the anchor texts of the links to it), and the kind of site
    (auditor/text/site_kind.py). `home` is the site's start URL: the folder it is in is the
    site's root."""

    def __init__(self, home: str | None = None):
        self.root = _folder(home)
        self.found: dict[str, set[str]] = {}
        self.signals: dict[str, dict[str, str]] = {}  # signal -> page -> what showed it
        self.help_links: dict[str, dict] = {}  # issue tracker, forum or chat -> {venue, page, pages}
        self.seen = 0
        # The first page's section headings: on a one-page site its sections (Contact us,
        # About) are the touchpoints other sites give pages of their own.
        self.sections: tuple[str, list[str]] | None = None

    def add(self, record: dict) -> None:
        url = record["url"]
        h1 = [h.get("text") or "" for h in record.get("headings") or () if h.get("level") == 1]
        for kind in page_kinds(url, record.get("title"), h1):
            self.found.setdefault(url, set()).add(kind)
        if not self.seen:
            self.sections = (url, [h.get("text") or "" for h in record.get("headings") or ()])
        for href in {link.get("href") or "" for link in record.get("links") or () if not link.get("internal", True)}:
            venue = help_venue(href)
            if venue:
                known = self.help_links.setdefault(href, {"venue": venue, "page": url, "pages": 0})
                known["pages"] += 1
                known["page"] = min(known["page"], url)  # whatever order the crawl stored pages in
        if self.seen < KIND_PAGES:
            for signal, value in page_signals(record, SALES_TEXT_CHARS).items():
                self.signals.setdefault(signal, {})[url] = value
        self.seen += 1

    def touchpoints(self, store: Store) -> tuple[dict[str, list[str]], dict]:
        """(kind -> its pages, the site kind), once every page was added."""
        found, signals = self.found, self.signals
        # each signal from the shallowest page showing it, whatever order the crawl stored pages in
        depth = store.depths({u for pages in signals.values() for u in pages})
        first = {signal: min(pages, key=lambda u: (depth.get(u) is None, depth.get(u) or 0, u))
                 for signal, pages in signals.items()}
        site_kind = decide({signal: {"value": signals[signal][url], "url": url, "pages": len(signals[signal]),
                                     "start_page": depth.get(url) == 0}
                            for signal, url in first.items()}, min(self.seen, KIND_PAGES))
        if self.seen == 1 and self.sections:
            url, headings = self.sections
            for text in headings:
                found.setdefault(url, set()).update(text_kinds(text))
        redirects = store.redirects()
        for dst, texts in store.link_labels():
            kinds = set().union(*(text_kinds(t) for t in texts.split("\n")))
            if kinds:
                found.setdefault(_final(dst, redirects), set()).update(kinds)
        pages = store.ok_html_urls(found)
        if site_kind["kind"] == "documentation":
            pages = {u for u in pages if not in_a_topic_section(u, self.root)}
        out = {kind: sorted(u for u in pages if kind in found[u]) for kind in KINDS}
        return {kind: urls for kind, urls in out.items() if urls}, site_kind

    def result(self, store: Store) -> dict:
        """`touchpoints`, `touchpoint_distance`, `site_kind`, `address_evidence` and `help_links` of `Site`."""
        touchpoints, kind = self.touchpoints(store)
        return {
            "touchpoints": touchpoints,
            "touchpoint_distance": store.touchpoint_distance(touchpoints),
            "site_kind": kind,
            "address_evidence": address_evidence(store, touchpoints),
            "help_links": self.help_links,
        }


def _read(store: Store) -> TouchpointPages:
    (pages,) = fed(store, TouchpointPages())
    return pages


def gather(store: Store) -> dict:
    return _read(store).result(store)


def find_touchpoints(store: Store) -> dict[str, list[str]]:
    return _read(store).touchpoints(store)[0]


def address_evidence(store: Store, touchpoints: dict[str, list[str]]) -> dict[str, str]:
    urls = sorted({u for kind in ADDRESS_KINDS for u in touchpoints.get(kind, ())})
    out = {}
    for page in store.iter_pages(urls):
        # an address marked up (schema.org PostalAddress, <address>) or written out
        marked = page.facts.get("addresses") or ()
        signal = marked[0]["source"] if marked else address_signal(page.text)
        if signal:
            out[page.url] = signal
    return out


_LANGUAGE_FOLDER = re.compile(r"[a-z]{2}(?:[-_][a-z0-9]{2,4})?", re.I)  # /ar/, /en-us/, /zh_Hant/
_INDEX = re.compile(r"index\.\w+", re.I)


def _folder(url: str | None) -> str:
    try:
        return unquote(urlsplit(url or "").path).rpartition("/")[0] + "/"
    except ValueError:
        return "/"


def in_a_topic_section(url: str, root: str = "/") -> bool:
    """Whether a page of a manual sits inside a section of it whose name is no touchpoint:
    /crm/contact/ documents the CRM's Contact record and /selling/shipping-rule/ a feature;
    they are topics, not where readers reach the people behind the site. /contact,
    /ar/faq.html and /about/faq are not (a language folder is no section), nor
    /project/contact on a site whose `root` is /project/."""
    try:
        path = unquote(urlsplit(url).path)
    except ValueError:
        return False
    if path.startswith(root):
        path = path[len(root) - 1:]
    segments = [s for s in path.split("/") if s and not _INDEX.fullmatch(s)]
    if len(segments) > 1 and _LANGUAGE_FOLDER.fullmatch(segments[0]) and not tag_problem(segments[0].replace("_", "-")):
        segments = segments[1:]
    return any(not path_kinds("/" + section) for section in segments[:-1])


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


def help_summary(help_links: dict[str, dict], shown: int = 5) -> list[dict]:
    """What result.json says of the issue trackers, forums and chats the site links to:
    the most linked first, each with its venue, the first page linking it and how many do."""
    ranked = sorted(help_links.items(), key=lambda item: (-item[1]["pages"], item[0]))
    return [{"url": url, **found} for url, found in ranked[:shown]]
