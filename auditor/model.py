"""The data model shared by every stage: page records and their parts.

Plain dataclasses that serialise to JSON; this module imports only the option
declarations (a site's audit thresholds default to them).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field, fields
from functools import cached_property

from auditor.options import default


def is_noindex(directives: str | None) -> bool:
    """Whether a robots directive list ("noindex, follow", "googlebot: none") says noindex."""
    return bool(directives) and any(d.strip() in ("noindex", "none")
                                    for d in directives.lower().replace(":", ",").split(","))


# The lab metrics of a page measured in Chromium (its facts["metrics"], result.json's
# pages[].metrics), by the names budgets use.
METRICS = ("ttfb", "fcp", "lcp", "cls", "tbt", "load_ms", "dom_content_loaded_ms", "dom_nodes", "transfer_bytes",
           "requests", "js_bytes", "image_bytes", "css_bytes", "font_bytes", "third_party_bytes")


@dataclass
class Link:
    href: str  # absolute, normalised URL (or the raw value for mailto:/tel:/javascript:)
    text: str = ""
    rel: str = ""
    region: str = "main"  # nav | header | footer | aside | main
    kind: str = "a"  # a | area | mailto | tel | javascript | other
    internal: bool = True


@dataclass
class Image:
    src: str
    alt: str | None = None  # None: no alt attribute at all; "": decorative
    width: str | None = None
    height: str | None = None
    snippet: str = ""


@dataclass
class Form:
    action: str = ""
    method: str = "get"
    fields: list[dict] = field(default_factory=list)  # {type, name, label, dir}


@dataclass
class Resource:
    """A URL a page makes the browser or a crawler fetch besides links."""

    url: str
    # image | script | stylesheet | font | icon | manifest | preload | feed | media | object | share image | file
    kind: str
    render_blocking: bool = False


@dataclass
class PageRecord:
    """Everything gathered about one fetched URL."""

    url: str
    status: int | None = None
    final_url: str | None = None
    redirect_to: str | None = None  # Location of a 3xx response, absolute
    # where the page itself sends the visitor on unasked (absolute, on the site): its scripts,
    # when rendered, or a refresh (meta or header) loading another page (facts["refresh"])
    script_redirect: str | None = None
    error: str | None = None
    content_type: str = ""
    charset: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    bytes: int = 0
    response_ms: float | None = None
    is_html: bool = False
    # static HTML facts
    lang: str | None = None
    dir: str | None = None
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # description, robots, viewport, ...
    canonicals: list[str] = field(default_factory=list)  # every rel=canonical, in order
    hreflang: list[dict] = field(default_factory=list)  # {lang, href[, source: header][, relative: raw href]}
    hreflang_problems: list[dict] = field(default_factory=list)  # {lang, problem, source}: alternates Google cannot use
    headings: list[dict] = field(default_factory=list)  # {level, text}
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)
    text: str = ""  # main text, blocks separated by blank lines
    word_count: int = 0
    html_bytes_text: int = 0  # characters of visible text (an app's empty shell has few)
    layout: str = ""  # language, direction and skeleton hash (auditor/gather/templates.py)
    shape: str = ""  # what its content holds: a form to fill, a list of links (templates.page_layout)
    # filled after the crawl, from the whole site
    depth: int | None = None
    in_sitemap: bool = False
    template: str | None = None  # the page's template across the site (layout, then URL pattern)
    # later stages add their facts here by name (rendered metrics, language, ...)
    facts: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The record as plain values, its links, images, resources and forms as dicts.
        Made for serialising at once: other lists and dicts are the record's own, not
        copies (dataclasses.asdict deep-copies every one, several times the cost)."""
        data = {name: getattr(self, name) for name in _RECORD_FIELDS}
        data["links"] = [dict(vars(x)) for x in self.links]
        data["images"] = [dict(vars(x)) for x in self.images]
        data["resources"] = [dict(vars(x)) for x in self.resources]
        data["forms"] = [asdict(x) for x in self.forms]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "PageRecord":
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["links"] = [Link(**x) for x in data.get("links", ())]
        kwargs["images"] = [Image(**x) for x in data.get("images", ())]
        kwargs["resources"] = [Resource(**x) for x in data.get("resources", ())]
        kwargs["forms"] = [Form(**x) for x in data.get("forms", ())]
        return cls(**kwargs)

    @property
    def canonical(self) -> str | None:
        return self.canonicals[0] if self.canonicals else None

    def head_tags(self) -> dict:
        """The tags search engines read to know what the page is, as comparable values:
        title, description, canonical, robots, hreflang (from the HTML) and h1."""
        return {
            "title": self.title,
            "description": self.meta.get("description"),
            "canonical": self.canonical,
            "robots": self.meta.get("robots"),
            "hreflang": sorted(f"{e.get('lang')} {e.get('href')}" for e in self.hreflang if e.get("source") != "header"),
            "h1": [h["text"] for h in self.headings if h["level"] == 1],
        }

    @property
    def noindex(self) -> bool:
        """Kept out of search results by a robots meta tag (robots or googlebot) or X-Robots-Tag."""
        return any(is_noindex(v) for v in (self.meta.get("robots"), self.meta.get("googlebot"),
                                            self.headers.get("x-robots-tag")))

    @property
    def ok_html(self) -> bool:
        """A page that answered 200 with HTML and is no script redirect: what most audits look at."""
        return self.status == 200 and self.is_html and not self.error and not self.script_redirect


_RECORD_FIELDS = tuple(f.name for f in fields(PageRecord))


@dataclass
class Site:
    """Whole-site facts, gathered once before the audits run."""

    start_urls: list[str] = field(default_factory=list)
    status: dict[str, int | None] = field(default_factory=dict)  # every fetched URL
    errors: dict[str, str] = field(default_factory=dict)  # URL -> why it has no answer
    redirects: dict[str, str] = field(default_factory=dict)  # 3xx URL -> its Location
    visitor_redirects: dict[str, str] = field(default_factory=dict)  # URL -> where a visitor is sent on: 3xx or script
    title_counts: Counter = field(default_factory=Counter)  # shared titles only
    description_counts: Counter = field(default_factory=Counter)
    hreflang: dict[str, list[dict]] = field(default_factory=dict)  # page -> its alternates
    lang_of: dict[str, str | None] = field(default_factory=dict)  # canonical target -> its lang attribute
    canonical_of: dict[str, str] = field(default_factory=dict)  # page -> its canonical, when another URL
    noindex: set[str] = field(default_factory=set)  # pages kept out of search by robots meta or header
    robots_blocked: dict[str, dict] = field(default_factory=dict)  # linked URL robots.txt blocks -> {count, sources}
    robots_txt: dict[str, str] = field(default_factory=dict)  # origin -> its robots.txt, as the crawl read it
    sitemaps: list[dict] = field(default_factory=list)  # every sitemap met: url, source, status, error, urls, offsite
    sitemap_problems: list[dict] = field(default_factory=list)  # listed URLs that are not 200 self-canonical pages
    references: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # stylesheet/manifest -> (url, kind)
    traps: list[dict] = field(default_factory=list)  # URL patterns the crawl capped (Store.traps)
    # the answer to an address that names no page: {url, status, final_url, title, error} (Store.missing_page)
    missing_page: dict | None = None
    # the start URL asked for by a browser set to another language: {url, language, status, final_url,
    # lang, title, text (its start), words, rendered, error} (Store.locale_probe)
    locale_probe: dict | None = None
    settings: dict = field(default_factory=dict)  # audit thresholds
    # customer touchpoints (see auditor/text/touchpoints.py)
    touchpoints: dict[str, list[str]] = field(default_factory=dict)  # kind -> the pages that are that touchpoint
    touchpoint_distance: dict[str, dict[str, int]] = field(default_factory=dict)  # page -> {kind: clicks to nearest}
    # {kind: shop|documentation|services|content, signals: [{signal, value, url}], assumed} (auditor/text/site_kind.py)
    site_kind: dict = field(default_factory=lambda: {"kind": "content", "signals": [], "assumed": True})
    address_evidence: dict[str, str] = field(default_factory=dict)  # contact/about page -> the address sign it shows
    # issue tracker, forum or chat off the site -> {venue, page: the first page linking it, pages}
    help_links: dict[str, dict] = field(default_factory=dict)
    # kind (phone, whatsapp, email) -> value key -> {shown, pages} (see auditor/facts/contact_facts.py)
    contacts: dict[str, dict[str, dict]] = field(default_factory=dict)
    # right to left (see auditor/facts/rtl_facts.py)
    stylesheets: dict[str, list[dict]] = field(default_factory=dict)  # stylesheet -> its direction-sensitive declarations
    rtl_stylesheets: dict[str, str] = field(default_factory=dict)  # stylesheet used by right-to-left pages -> one such page
    arabic_css: dict[str, list[dict]] = field(default_factory=dict)  # page -> letter-spacing/italic rules first hitting Arabic there
    page_lang_dir: dict[str, tuple] = field(default_factory=dict)  # hreflang target -> (its lang, its dir)
    # the languages the site has pages in (primary subtags): declared by lang, named by
    # hreflang, or read from the text of a sample of pages
    languages: frozenset[str] = frozenset()
    # stylesheet -> {rtl, ltr: sampled pages of each direction loading it; rtl_page, ltr_page: one of each}
    stylesheet_use: dict[str, dict] = field(default_factory=dict)
    # page linked into with a fragment (page.html#section) -> its ids (see auditor/facts/fragment_facts.py)
    fragment_ids: dict[str, frozenset] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # copy (under a query string, .html added or left off) -> the page it shows

    @cached_property
    def redirect_targets(self) -> set[str]:
        return set(self.redirects.values())

    @cached_property
    def alternate_of(self) -> dict[str, list[str]]:
        """Page -> the other pages naming it as an hreflang alternate, in URL order."""
        named: dict[str, list[str]] = {}
        for url in sorted(self.hreflang):
            for href in {e["href"] for e in self.hreflang[url]} - {url}:
                named.setdefault(href, []).append(url)
        return named

    @cached_property
    def home(self) -> str:
        """The page a visitor lands on from the first start URL, through HTTP and script
        redirects on the site: site-wide findings are filed there, not on a URL that only
        sends the visitor on."""
        if not self.start_urls:
            return ""
        url, seen = self.start_urls[0], set()
        while url in self.visitor_redirects and url not in seen:
            seen.add(url)
            if self.visitor_redirects[url] not in self.status:  # off the site, or never fetched
                break
            url = self.visitor_redirects[url]
        return url

    def setting(self, name: str):
        """An audit threshold: the run's value, else its declared default (auditor/options.py)."""
        return self.settings[name] if name in self.settings else default(name)

    def chain(self, url: str) -> tuple[list[str], bool]:
        """The redirect hops from `url` and whether they loop."""
        hops, seen = [url], {url}
        while url in self.redirects:
            url = self.redirects[url]
            if url in seen:
                return hops + [url], True
            hops.append(url)
            seen.add(url)
        return hops, False

    def final_status(self, url: str) -> int | None:
        hops, loop = self.chain(url)
        return None if loop else self.status.get(hops[-1])
