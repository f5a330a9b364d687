"""What every audit is made of: its declared meta, its findings, its score.

An audit is a pure function of the artifacts it names: a page record and the
whole-site facts gathered before audits run. No I/O, no browser, no network.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from statistics import NormalDist

from auditor.model import PageRecord, Site  # Site: the whole-site facts, a model type (kept importable from here)

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
    # plan shows them as one problem. (A single finding names its own in follows_from.)
    root_causes: tuple[str, ...] = ()
    # message keys of this audit's findings that are the cause of every other finding on
    # their page (a URL that is only a copy of another page: what is found on it is that page's)
    causes_all_on_page: tuple[str, ...] = ()
    # message key -> impact, for the kinds of finding that weigh other than `impact`
    # (a missing canonical against one naming another host); cite the source beside it.
    impacts: dict[str, str] = field(default_factory=dict)
    # message key -> the message key whose fix it shares: two ways of finding one defect
    # (a text the detector names, and one it cannot but whose script is wrong) are one
    # problem in the fix plan, whatever pages each is on.
    fix_as: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        assert self.category in CATEGORIES, self.category
        assert self.impact in IMPACTS, self.impact
        assert set(self.impacts) <= set(self.messages), set(self.impacts) - set(self.messages)
        assert set(self.causes_all_on_page) <= set(self.messages), self.causes_all_on_page
        assert set(self.impacts.values()) <= set(IMPACTS), self.impacts
        assert set(self.fix_as) | set(self.fix_as.values()) <= set(self.messages), self.fix_as
        assert self.effort in EFFORTS, self.effort
        assert self.journey and set(self.journey) <= set(JOURNEY), self.journey

    def impact_of(self, message_key: str) -> str:
        return self.impacts.get(message_key, self.impact)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Finding:
    url: str  # the page the finding is on
    message_key: str
    data: dict = field(default_factory=dict)
    selector: str | None = None
    snippet: str | None = None
    # "audit-id:message-key" of findings that, when on the same page, are this one's
    # root cause (as Meta.root_causes, for this finding only); not written out.
    follows_from: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        out = {"url": self.url, "message_key": self.message_key, "data": self.data}
        if self.selector is not None:
            out["selector"] = self.selector
        if self.snippet is not None:
            out["snippet"] = self.snippet
        return out


class Audit:
    """One page-level check. Subclasses set `meta` and implement `check`."""

    meta: Meta
    # message key -> a function building the (page, site) that provokes exactly that
    # finding (see auditor/audits/examples.py); the framework test runs every one.
    examples: dict[str, Callable[[], tuple[PageRecord, Site]]] = {}

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
                snippet: str | None = None, follows_from: tuple[str, ...] = (), **data) -> Finding:
        assert key in self.meta.messages, f"{self.meta.id}: unknown message key {key}"
        url = page if isinstance(page, str) else page.url
        return Finding(url, key, data, selector, snippet, follows_from)


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
