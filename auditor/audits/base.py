"""What every audit is made of: its declared meta, its findings, its score.

An audit is a pure function of the artifacts it names: a page record and the
whole-site facts gathered before audits run. No I/O, no browser, no network.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import cached_property
from statistics import NormalDist

from auditor.model import PageRecord
from auditor.options import default

IMPACTS = ("critical", "serious", "moderate", "minor")
JOURNEY = ("awareness", "consideration", "decision", "loyalty", "advocacy")
EFFORTS = ("small", "medium", "large")
CATEGORIES = {
    "seo": "SEO basics",
    "navigation": "Navigation and links",
    "speed": "Load speed",
    "readability": "Readability",
    "rtl": "Right-to-left and language",
    "accessibility": "Accessibility",
    "cx": "Customer touchpoints",
}


@dataclass(frozen=True)
class Meta:
    id: str  # a noun, kebab-case
    title: str  # what passing looks like
    failure_title: str  # what failing looks like
    description: str  # why it matters, in a sentence or two
    category: str
    impact: str
    required_artifacts: tuple[str, ...]
    help_url: str
    seo_outcome: str  # the ranking or indexing mechanism, with its reference
    cx_outcome: str  # what the visitor experiences
    journey: tuple[str, ...]
    effort: str
    messages: dict[str, str]  # message key -> text with {placeholders} from a finding's data
    how_to_fix: str = ""
    weight: float = 1.0
    # "audit-id:message-key" of findings that, on the same page, cause this audit's:
    # its findings there are linked to that root cause (data["root_cause"]) and the fix
    # plan shows them as one problem.
    root_causes: tuple[str, ...] = ()

    def __post_init__(self):
        assert self.category in CATEGORIES, self.category
        assert self.impact in IMPACTS, self.impact
        assert self.effort in EFFORTS, self.effort
        assert self.journey and set(self.journey) <= set(JOURNEY), self.journey

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Finding:
    url: str  # the page the finding is on
    message_key: str
    data: dict = field(default_factory=dict)
    selector: str | None = None
    snippet: str | None = None

    def to_dict(self) -> dict:
        out = {"url": self.url, "message_key": self.message_key, "data": self.data}
        if self.selector is not None:
            out["selector"] = self.selector
        if self.snippet is not None:
            out["snippet"] = self.snippet
        return out


@dataclass
class Site:
    """Whole-site facts, gathered once before the audits run."""

    start_urls: list[str] = field(default_factory=list)
    status: dict[str, int | None] = field(default_factory=dict)  # every fetched URL
    errors: dict[str, str] = field(default_factory=dict)  # URL -> why it has no answer
    redirects: dict[str, str] = field(default_factory=dict)  # 3xx URL -> its Location
    title_counts: Counter = field(default_factory=Counter)  # shared titles only
    description_counts: Counter = field(default_factory=Counter)
    hreflang: dict[str, list[dict]] = field(default_factory=dict)  # page -> its alternates
    lang_of: dict[str, str | None] = field(default_factory=dict)  # canonical target -> its lang attribute
    canonical_of: dict[str, str] = field(default_factory=dict)  # page -> its canonical, when another URL
    noindex: set[str] = field(default_factory=set)  # pages kept out of search by robots meta or header
    robots_blocked: dict[str, dict] = field(default_factory=dict)  # linked URL robots.txt blocks -> {count, sources}
    sitemaps: list[dict] = field(default_factory=list)  # every sitemap met: url, source, status, error, urls, offsite
    sitemap_problems: list[dict] = field(default_factory=list)  # listed URLs that are not 200 self-canonical pages
    references: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # stylesheet/manifest -> (url, kind)
    traps: list[dict] = field(default_factory=list)  # URL patterns the crawl capped (Store.traps)
    settings: dict = field(default_factory=dict)  # audit thresholds
    # customer touchpoints (see auditor/text/touchpoints.py)
    touchpoints: dict[str, list[str]] = field(default_factory=dict)  # kind -> the pages that are that touchpoint
    touchpoint_distance: dict[str, dict[str, int]] = field(default_factory=dict)  # page -> {kind: clicks to nearest}
    sales_signal: dict | None = None  # {url, signal}: the first page showing the site sells; None: no sign
    address_evidence: dict[str, str] = field(default_factory=dict)  # contact/about page -> the address sign it shows
    # kind (phone, whatsapp, email) -> value key -> {shown, pages} (see auditor/facts/contact_facts.py)
    contacts: dict[str, dict[str, dict]] = field(default_factory=dict)
    # right to left (see auditor/facts/rtl_facts.py)
    stylesheets: dict[str, list[dict]] = field(default_factory=dict)  # stylesheet -> its direction-sensitive declarations
    rtl_stylesheets: dict[str, str] = field(default_factory=dict)  # stylesheet used by right-to-left pages -> one such page
    arabic_css: dict[str, list[dict]] = field(default_factory=dict)  # page -> letter-spacing/italic rules first hitting Arabic there
    page_lang_dir: dict[str, tuple] = field(default_factory=dict)  # hreflang target -> (its lang, its dir)
    # stylesheet -> {rtl, ltr: sampled pages of each direction loading it; rtl_page, ltr_page: one of each}
    stylesheet_use: dict[str, dict] = field(default_factory=dict)
    # page linked into with a fragment (page.html#section) -> its ids (see auditor/facts/fragment_facts.py)
    fragment_ids: dict[str, frozenset] = field(default_factory=dict)

    @cached_property
    def redirect_targets(self) -> set[str]:
        return set(self.redirects.values())

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


class Audit:
    """One page-level check. Subclasses set `meta` and implement `check`."""

    meta: Meta

    def applies(self, page: PageRecord, site: Site) -> bool:
        return page.ok_html

    def check(self, page: PageRecord, site: Site) -> Iterable[Finding]:
        raise NotImplementedError

    def page_score(self, page: PageRecord, site: Site, findings: list[Finding]) -> float:
        return 0.0 if findings else 1.0

    def scoring(self) -> dict | None:
        """The numbers a score is computed from, written to result.json so the report rates with the same ones."""
        return None

    def finding(self, page: PageRecord | str, key: str, selector: str | None = None,
                snippet: str | None = None, **data) -> Finding:
        assert key in self.meta.messages, f"{self.meta.id}: unknown message key {key}"
        url = page if isinstance(page, str) else page.url
        return Finding(url, key, data, selector, snippet)


class SiteAudit(Audit):
    """A check of the site as a whole (it sees no single page)."""

    def check_site(self, site: Site) -> Iterable[Finding]:
        raise NotImplementedError

    # The page-level view of the site's findings: those located on `page` (the runner
    # calls check_site once; tests and tools may look at one page at a time).
    def applies(self, page: PageRecord, site: Site) -> bool:
        return bool(self.check(page, site))

    def check(self, page: PageRecord, site: Site) -> list[Finding]:
        return [f for f in self.check_site(site) if f.url == page.url]

    def site_score(self, site: Site, findings: list[Finding]) -> float | None:
        return 0.0 if findings else 1.0


def log_normal_score(value: float, good: float, poor: float) -> float:
    """A 0..1 score on a log-normal curve: `good` scores 0.9, `poor` 0.5, lower is better."""
    if value <= 0:
        return 1.0
    sigma = (math.log(poor) - math.log(good)) / NormalDist().inv_cdf(0.9)
    return round(1 - NormalDist(math.log(poor), sigma).cdf(math.log(value)), 3)
